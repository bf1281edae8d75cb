"""The seams between the stages, read from the import graph (ARCHITECTURE.md says why).

- no circle between routekit's packages (a package's ``commands`` module is the CLI layer above
  the stages - it may join two stages, e.g. ``release --profile`` uses intake - and is left out);
- no stage imports the runner (``routekit.pipeline``), which sits above them;
- nothing in the production path imports the demo generator (``routekit.synth``).
Imports are read from the source (module level and inside functions), so a lazy import counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROUTEKIT = Path(__file__).resolve().parents[1] / "routekit"
RUNNER = "routekit.pipeline"
DEMO = "routekit.synth"
# what may import the runner or the demo: the runner itself, the CLI's command modules of the demo
ALLOWED_RUNNER_IMPORTERS = {"routekit.pipeline", "routekit.cli"}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in ROUTEKIT.rglob("*.py"):
        parts = path.relative_to(ROUTEKIT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("routekit"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("routekit"):
            found.add(node.module)
    return found


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in _modules().items():
        if module.endswith(".commands"):
            continue
        source = _package(module)
        for target in map(_package, _imports(path)):
            if target != source and target != "routekit":
                graph.setdefault(source, set()).add(target)
    return graph


def test_packages_import_each_other_without_a_circle():
    graph = _package_graph()
    state: dict[str, str] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                circles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles, f"import circles between packages: {circles}"


def test_no_stage_imports_the_runner():
    offenders = sorted(f"{module} -> {target}" for module, path in _modules().items()
                       for target in _imports(path)
                       if _package(target) == RUNNER and _package(module) not in ALLOWED_RUNNER_IMPORTERS)
    assert not offenders, f"stages must not import the runner: {offenders}"


def test_the_production_path_never_imports_the_demo_generator():
    demo_users = {"routekit.synth", "routekit.pipeline.commands", "routekit.estimate.commands"}
    offenders = sorted(f"{module} -> {target}" for module, path in _modules().items()
                       for target in _imports(path)
                       if _package(target) == DEMO and module not in demo_users and _package(module) != DEMO)
    assert not offenders, f"only demo commands may import routekit.synth: {offenders}"
