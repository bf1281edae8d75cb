"""The ``routekit`` command: argument parsing only; every command lives in its stage's package.

Each stage exposes typer-annotated functions in its own ``commands`` module; they are listed
here by name, so adding a command is one line in ``COMMANDS``. A stage is imported only when its
command runs, so ``routekit synth`` does not pay for Spark, Jupyter or statsmodels. Errors that
routekit raises on purpose (``RoutekitError``) are printed as one line naming the file, row,
field or parameter.
"""

from __future__ import annotations

import importlib
import signal
import sys

import click
import typer
from rich.markup import escape
from typer.core import TyperGroup

from routekit.errors import RoutekitError

# command name -> ("module:function", one-line help); the path the data takes, in order.
COMMANDS = {
    "synth": ("routekit.synth.commands:synth", "Simulate demo partner extracts with ground truth."),
    "extract": ("routekit.text.commands:extract", "Structure free-text route narratives into route legs."),
    "evaluate-extraction": ("routekit.text.commands:evaluate_extraction",
                            "Score the extractor against a hand-labelled gold set."),
    "review": ("routekit.text.commands:review_app",
               "Analyst review of uncertain extractions: 'review export' a sheet, 'review import' it back."),
    "release": ("routekit.release.commands:release",
                "Turn a partner extract into disclosure-controlled aggregates (partner side)."),
    "link": ("routekit.link.commands:link", "Count persons per combination of sources (steward side)."),
    "estimate": ("routekit.estimate.commands:estimate",
                 "Estimates with 95% intervals, agreement, trends, anomalies, findings."),
    "validate-estimates": ("routekit.estimate.commands:validate_estimates",
                           "Interval coverage and error against the demo truth."),
    "mse": ("routekit.estimate.commands:mse", "Population estimate from any capture-history table (MSE)."),
    "public": ("routekit.sources.public.commands:public", "Check and summarise the public EU statistics."),
    "cdr": ("routekit.mobility.commands:cdr", "Home locations and flows from call detail records (open algorithm)."),
    "demo": ("routekit.pipeline.commands:demo", "Demo data plus every partner's release and the link."),
    "report": ("routekit.pipeline.commands:report", "Render a parameter set into a website and a PDF."),
    "sources": ("routekit.sources.commands:sources", "The source registry: purpose, legal basis, refusals."),
    "intake": ("routekit.intake.commands:app",
               "A partner's own export layout described once: check a file, print a template profile."),
}


def load_command(name: str) -> click.Command:
    """Import one stage's command and turn it into a click command (a typer.Typer target is a group)."""
    module_name, function_name = COMMANDS[name][0].split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    if isinstance(function, typer.Typer):
        group = typer.main.get_command(function)
        group.name = name
        return group
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    single.command(name)(function)
    return typer.main.get_command(single)


class LazyGroup(TyperGroup):
    """A command group that imports a stage only when its command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return load_command(name) if name in COMMANDS else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_text) for name, (_, help_text) in COMMANDS.items()])


app = typer.Typer(
    name="routekit",
    cls=LazyGroup,
    help="Privacy-safe, triangulated reports on irregular migration routes towards the Netherlands.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback()
def _main() -> None:
    """Privacy-safe, triangulated reports on irregular migration routes towards the Netherlands."""


def _click_errors() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(usage/click errors, aborts) of both the click package and typer's vendored copy.

    typer >= 0.16 parses with its own copy of click, whose exceptions are not ``click``'s; a
    usage error caught only as ``click.ClickException`` escaped as a traceback.
    """
    errors: list[type] = [click.ClickException]
    aborts: list[type] = [click.exceptions.Abort, typer.Abort]
    vendored = getattr(getattr(typer, "_click", None), "exceptions", None)
    if vendored is not None:
        errors.append(vendored.ClickException)
    return tuple(errors), tuple(aborts)


INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a Ctrl-C
TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler, ``timeout``, ``kill``) unwinds like Ctrl-C, so staging folders and
    private copies of a partner's rows are removed; Python's default would end without cleanup."""


def _stop_listening() -> None:
    """The first stop starts the cleanup; a second Ctrl-C or SIGTERM (an impatient user, a
    scheduler's repeat) would cut that cleanup short and end the process by the signal itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _on_sigterm(signum, frame) -> None:
    global _terminated
    _terminated = True
    _stop_listening()
    raise Terminated()


def _on_sigint(signum, frame) -> None:
    _stop_listening()
    raise KeyboardInterrupt()


_terminated = False


def main() -> None:
    """Entry point: routekit's own errors and usage errors as one red line and exit code 2;
    Ctrl-C as one line and exit code 130 (never 0, so ``routekit release ... && send`` stops)."""
    from rich.console import Console

    console = Console(stderr=True, emoji=False)

    def fail(message: str, code: int) -> None:
        # a file's header or name is data: its control characters (ESC sequences) are shown, not run
        shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in message)
        console.print(f"[bold red]error:[/] {escape(shown)}", highlight=False, soft_wrap=True)
        sys.exit(code)

    usage_errors, aborts = _click_errors()
    signal.signal(signal.SIGTERM, _on_sigterm)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where the caller ignores Ctrl-C
        signal.signal(signal.SIGINT, _on_sigint)

    def interrupted() -> None:
        if _terminated:
            fail("stopped (SIGTERM); nothing half-written was published", TERMINATED)
        fail("interrupted (Ctrl-C); nothing half-written was published", INTERRUPTED)

    try:
        code = app(standalone_mode=False)
    except RoutekitError as error:
        fail(str(error), 2)
    except KeyboardInterrupt:
        interrupted()
    except (typer.Exit, click.exceptions.Exit) as exit_:
        sys.exit(exit_.exit_code)
    except aborts:
        fail("aborted", 1)
    except usage_errors as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            error.show()  # 'routekit' alone: the help text is the answer
            sys.exit(0)
        fail(" ".join(error.format_message().split()), getattr(error, "exit_code", 2))
    # typer turns a KeyboardInterrupt inside a command into Exit(130) and, without standalone
    # mode, returns that code instead of raising it
    if code == INTERRUPTED:
        interrupted()
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()
