"""``routekit sources``: which source types routekit accepts, why, and on what legal basis."""

from __future__ import annotations


def sources() -> None:
    """List registered sources with kind, purpose and legal basis, and refused ones with the reason."""
    from rich.console import Console
    from rich.table import Table

    from routekit.sources import registered_sources

    console = Console()
    accepted = Table(title="Sources routekit accepts", show_lines=True)
    for column in ("name", "partner", "kind", "purpose", "legal basis"):
        accepted.add_column(column, overflow="fold")
    refused = Table(title="Sources routekit refuses", show_lines=True)
    for column in ("name", "source", "reason"):
        refused.add_column(column, overflow="fold")
    for source in registered_sources(include_refused=True):
        if source.refused:
            refused.add_row(source.name, source.title_en, source.refusal_reason)
        else:
            accepted.add_row(source.name, source.partner, source.kind, source.purpose, source.legal_basis)
    console.print(accepted)
    console.print(refused)
