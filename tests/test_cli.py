"""The routekit command: every listed command exists, help is fast, errors are one line."""

import subprocess
import sys

import pytest

from routekit.cli import COMMANDS, load_command


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_listed_command_loads_with_help(name):
    command = load_command(name)
    assert command.name == name
    assert command.help or command.callback.__doc__


def test_top_level_help_imports_no_stage():
    code = ("import sys; from routekit.cli import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in sys.modules if m.startswith(('routekit.report', 'routekit.estimate', "
            "'routekit.text', 'pyspark', 'statsmodels', 'papermill'))]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "synth" in out and "report" in out
    assert "HEAVY []" in out


def test_bad_parameter_is_one_line_with_exit_code_2(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("colour: red\n")
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "report", "--params", str(params)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    assert lines == ["error: parameter 'colour' = 'red': unknown key"]


def _routekit(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "routekit.cli", *args], capture_output=True, text=True,
                          **kwargs)


@pytest.mark.parametrize("args", [["--no-such-option"], ["release"], ["report", "--params"],
                                  ["report", "--no-such-flag"], ["no-such-command"]])
def test_usage_errors_are_one_line_with_exit_code_2(args):
    done = _routekit(*args)
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert "Traceback" not in done.stderr


def _interrupting_command(monkeypatch):
    """Replace every stage by one that is interrupted (Ctrl-C) halfway, inside typer."""
    import typer

    import routekit.cli as cli

    def interrupted() -> None:
        raise KeyboardInterrupt

    def load(name):
        single = typer.Typer(add_completion=False)
        single.command(name)(interrupted)
        return typer.main.get_command(single)

    monkeypatch.setattr(cli, "load_command", load)
    return cli


def test_ctrl_c_is_exit_130_with_one_line(monkeypatch, capsys):
    cli = _interrupting_command(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["routekit", "report"])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 130
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted" in lines[0]
