"""The book's own pages are filled in one Jinja2 pass (routekit/report/pages.py).

Before, ``{{key}}`` was filled by ``str.replace`` in three passes (parameters, then headline,
then editions) and a key nobody filled was published as ``{{key}}`` on the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from routekit.errors import InputError
from routekit.report.pages import MarkdownBlock, escape_markdown, render_page, render_pages

BOOK = Path(__file__).resolve().parents[1] / "book"
HOSTILE = "{literalinclude}`../kmar.csv` <script>alert(1)</script> [a](http://evil.example) {{headline}} _x_"


def _values(title: str = "Routes naar Nederland") -> dict:
    return {"title": title, "period": "1 januari - 31 maart 2025", "generated": "5 december 2026",
            "threshold": "10", "headline": MarkdownBlock("**At least 2,316 journeys**\n\n<img src='m.svg'>"),
            "editions": MarkdownBlock("## Revisions\n\n{download}`table <revisions.csv>`")}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_is_filled_as_the_replacements_filled_it(language):
    values = _values()
    rendered = render_pages(BOOK / language, values)
    assert set(rendered) == {p.name for p in (BOOK / language).glob("*.md")}
    for name, text in rendered.items():
        expected = (BOOK / language / name).read_text(encoding="utf-8")
        for key, value in values.items():
            expected = expected.replace("{{" + key + "}}",
                                        value if isinstance(value, MarkdownBlock) else escape_markdown(value))
        assert text == expected, name
        assert "{{" not in text


def test_a_hostile_title_is_text_and_never_read_as_a_template(tmp_path):
    text = render_page("# {{title}}\n\n{{headline}}\n", _values(HOSTILE), "intro.md")
    title = text.splitlines()[0]
    assert title == "# " + escape_markdown(HOSTILE)
    assert "<script>" not in title and "{literalinclude}" not in title and "](" not in title
    assert text.count("At least 2,316 journeys") == 1  # the {{headline}} in the title stayed text


def test_a_block_routekit_composed_is_written_as_it_is():
    text = render_page("{{editions}}", _values(), "editions.md")
    assert text == "## Revisions\n\n{download}`table <revisions.csv>`"


def test_a_key_the_build_does_not_fill_names_page_line_and_key(tmp_path):
    page = tmp_path / "intro.md"
    page.write_text("# {{title}}\n\nSee {{ typo }}.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"intro\.md, row 3, field 'typo': the page names a value") as error:
        render_pages(tmp_path, {"title": "x"})
    assert "\n" not in str(error.value)


def test_a_page_that_is_not_a_template_is_one_line_naming_it(tmp_path):
    (tmp_path / "about.md").write_text("Text {{ title\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"about\.md, row 1: not a valid page template"):
        render_pages(tmp_path, {"title": "x"})


def test_a_left_out_page_is_not_rendered(tmp_path):
    (tmp_path / "editions.md").write_text("{{editions}}\n", encoding="utf-8")
    (tmp_path / "intro.md").write_text("# {{title}}\n", encoding="utf-8")
    assert render_pages(tmp_path, {"title": "T"}, leave_out=("editions.md",)) == {"intro.md": "# T\n"}
