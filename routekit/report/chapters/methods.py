"""Chapter 10, methods and accountability: sources, parameters, limitations, ethics."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.disclosure.gate import not_counts
from routekit.report.context import ReportContext


def sources_table(ctx: ReportContext) -> pd.DataFrame:
    """Each source with its purpose, legal basis and what its release says about disclosure control."""
    from routekit.sources import get_source

    rows = []
    for source in ctx.sources:
        info = get_source(source)
        manifest = ctx.manifest(source)
        tables = manifest.get("tables", {})
        rows.append({
            ctx.t("bron", "source"): info.title(ctx.language),
            ctx.t("partner", "partner"): info.partner,
            ctx.t("doel", "purpose"): info.purpose_in(ctx.language),
            ctx.t("grondslag", "legal basis"): info.legal_basis_in(ctx.language),
            ctx.t("drempel", "threshold"): manifest.get("threshold"),
            ctx.t("rijen in", "rows in"): manifest.get("rows_in"),
            ctx.t("rijen afgewezen", "rows rejected"): manifest.get("rows_rejected"),
            ctx.t("cellen gegeneraliseerd", "cells generalised"):
                sum(t.get("cells_generalised", 0) for t in tables.values()),
            ctx.t("cellen onderdrukt", "cells suppressed"):
                sum(t.get("cells_suppressed_primary", 0) + t.get("cells_suppressed_secondary", 0)
                    for t in tables.values()),
            ctx.t("invoer (sha256)", "input (sha256)"): str(manifest.get("input_sha256", ""))[:16],
        })
    return not_counts(pd.DataFrame(rows), ctx.t("drempel", "threshold"), ctx.t("rijen in", "rows in"),
                      ctx.t("rijen afgewezen", "rows rejected"),
                      ctx.t("cellen gegeneraliseerd", "cells generalised"),
                      ctx.t("cellen onderdrukt", "cells suppressed"))


def parameters_table(ctx: ReportContext) -> pd.DataFrame:
    """The parameters this report was made with, as key/value rows."""
    import routekit

    params = dict(ctx.params)
    focus = params.pop("focus", {})
    rows = [{"key": k, "value": str(v)} for k, v in params.items()]
    rows += [{"key": f"focus.{k}", "value": ", ".join(v) or "-"} for k, v in focus.items()]
    rows.append({"key": "period (resolved)", "value": f"{ctx.period.start} - {ctx.period.end}"})
    rows.append({"key": "baseline (resolved)", "value": f"{ctx.baseline.start} - {ctx.baseline.end}"})
    rows.append({"key": "routekit version", "value": routekit.__version__})
    return pd.DataFrame(rows).rename(columns={"key": ctx.t("parameter", "parameter"),
                                              "value": ctx.t("waarde", "value")})


def public_sources_table(ctx: ReportContext) -> pd.DataFrame:
    """Each public source with publisher, purpose, legal basis and the files read (with hash)."""
    from routekit.digests import file_digest
    from routekit.sources import get_source

    names = {"frontex": "frontex", "eurostat": "eurostat_asylum", "iom": "iom_missing_migrants"}
    rows = []
    for name in ctx.params.get("public_sources", []):
        info = get_source(names[name])
        from routekit.report.i18n import format_month

        result = ctx.public(name)
        files = result.files if result is not None else ()
        unreadable = [f"{Path(f).name} ({ctx.t('niet gelezen', 'not read')}: {why.split(': ', 1)[-1]})"
                      for f, why in (result.unreadable if result is not None else [])]
        rows.append({
            ctx.t("bron", "source"): info.title(ctx.language),
            ctx.t("uitgever", "publisher"): info.partner,
            ctx.t("doel", "purpose"): info.purpose_in(ctx.language),
            ctx.t("grondslag", "legal basis"): info.legal_basis_in(ctx.language),
            ctx.t("bestanden (sha256)", "files (sha256)"): "; ".join(
                [f"{Path(f).name} ({file_digest(Path(f))[:12]})" for f in files] + unreadable),
            ctx.t("gegevens t/m", "data up to"):
                format_month(result.last_month, ctx.language) if result is not None and result.last_month else "",
            ctx.t("rijen afgewezen", "rows rejected"): 0 if result is None else len(result.rejects),
        })
    return pd.DataFrame(rows)


def limitations(ctx: ReportContext) -> list[str]:
    """Known limitations of the sources and methods, stated in every report."""
    return [ctx.t(*pair) for pair in (
        ("Reisverhalen zijn zelfgerapporteerd, vaak weken tot maanden na binnenkomst opgetekend, en kunnen onvolledig zijn.",
         "Narratives are self-reported, often recorded weeks to months after entry, and can be incomplete."),
        ("De KMar ziet alleen het laatste deel van de reis en controleert slechts een klein deel van het verkeer; grenswaarnemingen zijn betrouwbaar maar onvolledig.",
         "KMar sees only the last leg and checks only a small share of traffic; border observations are reliable but incomplete."),
        ("Aantallen onder de drempel zijn onderdrukt en zeldzame categorieën gegeneraliseerd; totalen van deeltabellen kunnen daardoor lager zijn dan het werkelijke aantal.",
         "Counts below the threshold are suppressed and rare categories generalised; sums of sub-tables can therefore be lower than the true number."),
        ("De schatting van het ongeziene deel veronderstelt dat de afhankelijkheid tussen bronnen door het gekozen model wordt beschreven; het interval neemt de modelkeuze mee, maar niet elke schending van die aanname.",
         "The estimate of the unseen part assumes the dependence between sources is captured by the chosen model; the interval includes model-selection uncertainty but not every violation of that assumption."),
        ("Frontex telt detecties, geen personen; IOM-cijfers zijn minimumschattingen.",
         "Frontex counts detections, not persons; IOM figures are minimum estimates."),
    )]


def ethics_statement(ctx: ReportContext) -> str:
    return ctx.t(
        "Het recht om asiel aan te vragen staat voorop. Betere zichtbaarheid van routes dient om leed te voorkomen en migratie verantwoord te beheren, en moet proportioneel zijn. De privacy van migranten wordt beschermd, ook wanneer zij irregulier zijn binnengekomen: persoonsgegevens verlaten de partners niet, alleen geanonimiseerde aggregaten worden gedeeld, en elke bron wordt alleen gebruikt voor het doel en op de grondslag die hierboven staan. Het uitlezen van individuele telefoons en ANPR-cameradata wordt niet gebruikt.",
        "The right to seek asylum stands. Better visibility of routes serves to prevent suffering and to manage migration responsibly, and must be proportionate. Migrants' privacy is protected also when they entered irregularly: personal data never leave the partners, only anonymised aggregates are shared, and every source is used only for the purpose and on the legal basis stated above. Reading out individual phones and ANPR camera data are not used.")
