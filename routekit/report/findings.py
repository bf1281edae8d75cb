"""The estimate stage's findings as sentences a policymaker reads, in the report's language.

``findings.csv`` carries a ready sentence for CSV users, but the report writes its own from the
structured columns, so numbers ("1.045"), periods ("3e kwartaal 2025") and grades read the same
way as in every table and chart of the report.
"""

from __future__ import annotations

import re

import pandas as pd

from routekit.report import i18n

_WORDS = {
    "nl": {"estimated": "geschat {estimate} reizen (95%-interval {lower}–{upper})",
           "up": "{pct}% meer dan in {baseline}", "down": "{pct}% minder dan in {baseline}",
           "flat": "even veel als in {baseline}",
           "change": "verandering ×{lower} tot ×{upper}", "significant": "significant",
           "not_significant": "niet significant", "grade": "Oordeel: {grade}",
           "stale": "Let op: berust op nog onvolledige gehoren."},
    "en": {"estimated": "an estimated {estimate} journeys (95% interval {lower}–{upper})",
           "up": "{pct}% more than in {baseline}", "down": "{pct}% fewer than in {baseline}",
           "flat": "as many as in {baseline}",
           "change": "change ×{lower} to ×{upper}", "significant": "significant",
           "not_significant": "not significant", "grade": "Grade: {grade}",
           "stale": "Note: rests on interviews not yet complete."},
}


def finding_sentence(row, lang: str) -> str:
    """One finding (a row of findings.csv, as a namedtuple or Series) as a sentence."""
    from routekit.estimate.grades import GRADE_LABELS
    from routekit.reference import corridor_name

    words = _WORDS[i18n.check_language(lang)]

    def number(value, decimals: int = 0) -> str:
        return i18n.format_number(value, lang, decimals)

    pct = round((float(row.change_ratio) - 1) * 100)
    baseline = i18n.format_period_label(row.baseline_period, lang)
    if lang == "nl" and re.match(r"\d+e ", baseline):  # "in het 3e kwartaal 2025", "in juli 2025"
        baseline = "het " + baseline
    trend = words["flat" if pct == 0 else "up" if pct > 0 else "down"].format(pct=number(abs(pct)), baseline=baseline)
    significant = bool(row.significant)
    change = (words["change"].format(lower=number(row.change_lower, 2), upper=number(row.change_upper, 2))
              + "; " + words["significant" if significant else "not_significant"])
    grade = GRADE_LABELS[lang].get(row.grade, str(row.grade))
    reason = str(getattr(row, f"reason_{lang}", "") or "")
    if reason and reason != "nan" and (significant or row.grade == "contradicted"):
        grade += " – " + reason.split("; ")[0]
    sentence = (f"**{corridor_name(row.category, lang)}**: "
                + words["estimated"].format(estimate=number(row.estimate), lower=number(row.lower),
                                            upper=number(row.upper))
                + f", {trend} ({change}). " + words["grade"].format(grade=grade) + ".")
    if bool(getattr(row, "stale", False)) and not pd.isna(row.stale):
        sentence += " " + words["stale"]
    return sentence
