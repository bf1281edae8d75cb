"""Red team: an ad-hoc focus is named beside the landing page's headline (issue 13, item 5).

With ``focus.nationalities: [SYR]`` the 2025-Q1 landing page of the seed-3 demo opened with
'At least 2,316 journeys to the Netherlands' - every nationality (Syrians were about 450) -,
the largest changes of all corridors and the all-corridor map, with no word that these are not
about the question asked: ``headline.write_landing`` never saw the focus. The chapters say
'Not focused on ...' beside each such figure; the headline must too, and an unfocused report
must not.
"""

from __future__ import annotations

import pytest

from routekit.report import headline, pages
from test_report_headline import BASELINE, PERIOD, _estimates_dir


def _landing(tmp_path, language: str, **kwargs) -> str:
    folder, _ = _estimates_dir(tmp_path / "estimates")
    _, block = headline.landing(tmp_path / "tree", folder, PERIOD, BASELINE, 10, language, **kwargs)
    return pages.render_page("# Title\n\n{{headline}}\n\nText.\n", {"headline": pages.MarkdownBlock(block)},
                             "intro.md")


@pytest.fixture()
def estimates(tmp_path):
    (tmp_path / "estimates").mkdir()
    return tmp_path


@pytest.mark.parametrize("language, words", [("en", "Not focused on nationality (SYR, ERI)"),
                                             ("nl", "Niet toegespitst op nationaliteit (SYR, ERI)")])
def test_a_nationality_focus_is_named_beside_the_headline(estimates, language, words):
    page = _landing(estimates, language, focus={"nationalities": ["SYR", "ERI"], "corridors": [],
                                                "entry_points": []})
    flat = " ".join(page.replace("\\", "").split())
    assert words in flat
    assert flat.index(words) > flat.index("rk-headline")  # next to the figures it qualifies


def test_a_corridor_focus_is_named_with_its_values_as_text(estimates):
    page = _landing(estimates, "en", focus={"nationalities": [], "corridors": ["eastern_land"],
                                            "entry_points": []})
    assert "eastern\\_land" in page  # escaped: an underscore pair must not turn into emphasis


def test_no_focus_no_note(estimates):
    page = _landing(estimates, "en", focus={"nationalities": [], "corridors": [], "entry_points": []})
    assert "focused" not in page


def test_the_brief_of_a_focused_question_names_the_focus(estimates):
    """The two-page brief.pdf of the eastern_land ad-hoc read 'Ten minste 2.316 reizen naar Nederland'
    (every corridor) with no word about the focus."""
    folder, _ = _estimates_dir(estimates / "estimates")
    head = headline.compute(folder, PERIOD, BASELINE, 10)
    focus = {"nationalities": [], "corridors": ["eastern_land"], "entry_points": []}
    page = headline.brief_html(head, "nl", "Routes", "report.pdf", focus=focus)
    assert "Niet toegespitst op corridor (eastern_land)" in page
    assert page.index("Niet toegespitst") < page.index("class=\"map\"")
    assert "toegespitst" not in headline.brief_html(head, "nl", "Routes", "report.pdf")
