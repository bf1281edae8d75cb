"""What the gazetteer holds without a generated file: the tools that write one must not count that file's old names
as known (they would keep a stale name, or drop a name because their own last run holds it)."""

from __future__ import annotations


def gazetteer_without(*generated: str) -> dict:
    """The gazetteer (folded name -> Place) read with the named data files as empty; the files on disk are not touched
    and the gazetteer's cache is cleared before and after, so later readers get the committed files again."""
    from routekit.text import gazetteer as module

    read = module.read_data_csv
    module.gazetteer.cache_clear()
    module.read_data_csv = lambda name, *args, **kwargs: [] if name in generated else read(name, *args, **kwargs)
    try:
        return dict(module.gazetteer())
    finally:
        module.read_data_csv = read
        module.gazetteer.cache_clear()
