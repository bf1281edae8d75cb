"""The ``routekit`` command: argument parsing only; every command lives in its stage's package.

Each stage exposes typer-annotated functions in its own ``commands`` module; they are registered
here by name, so adding a command is one line in ``COMMANDS``. Errors that routekit raises on
purpose (``RoutekitError``) are printed as one line naming the file, row, field or parameter.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from routekit.errors import RoutekitError

app = typer.Typer(
    name="routekit",
    help="Privacy-safe, triangulated reports on irregular migration routes towards the Netherlands.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# command name -> "module:function"; the path the data takes, in order.
COMMANDS = {
    "synth": "routekit.synth.commands:synth",
    "extract": "routekit.text.commands:extract",
    "evaluate-extraction": "routekit.text.commands:evaluate_extraction",
    "release": "routekit.release.commands:release",
    "link": "routekit.link.commands:link",
    "estimate": "routekit.estimate.commands:estimate",
    "validate-estimates": "routekit.estimate.commands:validate_estimates",
    "public": "routekit.sources.public.commands:public",
    "cdr": "routekit.mobility.commands:cdr",
    "demo": "routekit.pipeline.commands:demo",
    "report": "routekit.report.commands:report",
    "sources": "routekit.sources.commands:sources",
}

_MISSING: dict[str, str] = {}


def _register() -> None:
    for name, target in COMMANDS.items():
        module_name, function_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                _MISSING[name] = module_name
                continue
            raise
        app.command(name)(getattr(module, function_name))


_register()


def main() -> None:
    """Entry point that turns routekit's own errors into one red line and exit code 2."""
    console = Console(stderr=True)
    try:
        app(standalone_mode=False)
    except RoutekitError as error:
        console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except Exception as error:  # click usage errors etc.
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        if isinstance(error, click.exceptions.Abort):
            sys.exit(1)
        raise


if __name__ == "__main__":
    main()
