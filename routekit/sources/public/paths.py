"""Where the public files live: the one place that knows the folder layout of ``data/public``.

Default: the repository's ``data/public`` (vendored copies); the environment variable
``ROUTEKIT_PUBLIC_DATA`` or an explicit ``data_dir`` argument points elsewhere, for example at a
fresh download. Each source has its own sub-folder; every matching file in it is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from routekit.errors import InputError

ENV_VARIABLE = "ROUTEKIT_PUBLIC_DATA"

# source name -> (sub-folder, file patterns)
SOURCE_FOLDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "frontex": ("frontex", ("*.csv", "*.xlsx")),
    "eurostat_asylum": ("eurostat", ("*.csv", "*.tsv", "*.csv.gz", "*.tsv.gz", "*.json", "*.json.gz")),
    "iom_missing_migrants": ("iom-missing-migrants", ("*.csv", "*.xlsx")),
    "unhcr_arrivals": ("unhcr", ("*.csv",)),
}


def repository_data_dir() -> Path:
    """The vendored copies: ``data/public`` next to the ``routekit`` package."""
    return Path(__file__).resolve().parents[3] / "data" / "public"


def default_data_dir() -> Path:
    """``$ROUTEKIT_PUBLIC_DATA`` if set, else the repository's ``data/public``."""
    override = os.environ.get(ENV_VARIABLE, "").strip()
    return Path(override).expanduser() if override else repository_data_dir()


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    path = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
    if not path.is_dir():
        raise InputError(path, "public data folder not found (set --data-dir or ROUTEKIT_PUBLIC_DATA)")
    return path


def source_files(source: str, data_dir: str | Path | None = None) -> list[Path]:
    """The files of ``source`` in ``data_dir``, sorted by name; raises if there are none.

    ``data_dir`` may also be the source's own sub-folder or a single file.
    """
    folder_name, patterns = SOURCE_FOLDERS[source]
    if data_dir is not None and Path(data_dir).is_file():
        return [Path(data_dir)]
    root = resolve_data_dir(data_dir)
    if (root / folder_name).is_dir():
        folder = root / folder_name
    elif root.name == folder_name:
        folder = root
    else:
        raise InputError(root / folder_name, f"no {source} folder in the public data folder")
    # "~$name.xlsx" is the lock file a spreadsheet program leaves beside an open workbook
    files = sorted({path for pattern in patterns for path in folder.glob(pattern) if not path.name.startswith("~$")})
    if not files:
        raise InputError(folder, f"no {source} files ({', '.join(patterns)}) found")
    return files
