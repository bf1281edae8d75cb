"""The estimate stage's findings as sentences a policymaker reads, in the report's language.

``findings.csv`` carries a ready sentence for CSV users, but the report writes its own from the
structured columns, so numbers ("1.045"), periods ("3e kwartaal 2025") and grades read the same
way as in every table and chart of the report. The words are in ``assets/i18n.yaml``.
"""

from __future__ import annotations

import re

import pandas as pd

from routekit.report import i18n


def finding_sentence(row, lang: str) -> str:
    """One finding (a row of findings.csv, as a namedtuple or Series) as a sentence."""
    from routekit.estimate.grades import GRADE_LABELS
    from routekit.reference import corridor_name

    def say(key: str, **values) -> str:
        return i18n.t(f"finding.{key}", lang, **values)

    def number(value, decimals: int = 0) -> str:
        return i18n.format_number(value, lang, decimals)

    pct = round((float(row.change_ratio) - 1) * 100)
    baseline = i18n.format_period_label(row.baseline_period, lang)
    if lang == "nl" and re.match(r"\d+e ", baseline):  # "in het 3e kwartaal 2025", "in juli 2025"
        baseline = "het " + baseline
    trend = say("flat" if pct == 0 else "up" if pct > 0 else "down", pct=number(abs(pct)), baseline=baseline)
    significant = bool(row.significant)
    change = (say("change", lower=number(row.change_lower, 2), upper=number(row.change_upper, 2))
              + "; " + say("significant" if significant else "not_significant"))
    grade = GRADE_LABELS[lang].get(row.grade, str(row.grade))
    reason = str(getattr(row, f"reason_{lang}", "") or "")
    if reason and reason != "nan" and (significant or row.grade == "contradicted"):
        grade += " – " + reason.split("; ")[0]
    sentence = (f"**{corridor_name(row.category, lang)}**: "
                + say("estimated", estimate=number(row.estimate), lower=number(row.lower), upper=number(row.upper))
                + f", {trend} ({change}). " + say("grade", grade=grade) + ".")
    stale = getattr(row, "stale", False)
    if pd.notna(stale) and bool(stale):
        sentence += " " + say("stale")
    return sentence
