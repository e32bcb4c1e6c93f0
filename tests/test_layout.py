"""The code's layout follows the build's flow: stages that import only earlier ones, a short top, one state for the run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import PROJECT

CORE = PROJECT / "seniorsite"
TOP_MODULES = {"languages", "strings", "problems"}  # cross-cutting: they import no stage
STAGES = ("data", "page", "whole_site", "outputs", "editing")
# What each room may import (besides itself and the standard library); run assembles the stages, so it may use them all.
MAY_IMPORT = {
    "top": set(),
    "data": {"top"},
    "page": {"top", "data"},
    "whole_site": {"top", "data", "page"},
    "outputs": {"top", "data", "page", "whole_site"},
    "editing": {"top", "data", "page"},
    "run": {"top", "data", "page", "whole_site", "outputs", "editing"},
}
ENGINES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")


def room_of(module: str) -> str:
    """Return the room of a dotted module below seniorsite: a stage, 'top' or 'run'."""
    first = module.split(".")[0]
    if first in TOP_MODULES:
        return "top"
    return first


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Return each (line, module) a Python file imports, including imports inside functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


CORE_FILES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda path: path.relative_to(CORE).as_posix())
def test_each_module_imports_only_earlier_stages_and_no_engine(path: Path) -> None:
    """Data never imports page code, page code never imports the whole site's, and nothing in the core imports MkDocs."""
    relative = path.relative_to(CORE).with_suffix("")
    if relative.name == "__init__" and len(relative.parts) == 1:
        return
    room = room_of(".".join(relative.parts))
    for line, module in imported_modules(path):
        assert module.split(".")[0] not in ENGINES, f"seniorsite/{relative}.py:{line} imports {module}: the core knows no engine"
        if module.startswith("seniorsite."):
            target = room_of(module.removeprefix("seniorsite."))
            assert target == room or target in MAY_IMPORT[room], f"seniorsite/{relative}.py:{line}: {room}/ may not import {module}"


def test_the_top_is_short_and_every_stage_says_what_it_holds() -> None:
    """At most about ten entries at the top; each stage's __init__ says what it holds and what it may import; ARCHITECTURE.md maps each."""
    entries = sorted(p.name for p in CORE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 10, entries
    assert {p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(STAGES)
    architecture = (PROJECT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for stage in STAGES:
        docstring = ast.get_docstring(ast.parse((CORE / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "May import:" in docstring, stage
        assert f"seniorsite/{stage}/" in architecture, stage
    for module in sorted(TOP_MODULES) + ["run"]:
        assert f"{module}.py" in architecture, module


def test_the_hooks_keep_no_state_but_the_run() -> None:
    """hooks.py holds one run object; every other name at its top is a constant (a string, a path, the logger)."""
    tree = ast.parse((PROJECT / "hooks.py").read_text(encoding="utf-8"))
    assignments = [node for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)]
    runs = []
    for node in assignments:
        value = node.value
        name = (node.targets[0] if isinstance(node, ast.Assign) else node.target).id
        assert not isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp), f"{name} is mutable state"
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "BuildRun":
            runs.append(name)
        elif isinstance(value, ast.Call):
            assert getattr(value.func, "id", getattr(value.func, "attr", "")) in {"Path", "get_plugin_logger"}, f"{name} is made by a call"
    assert runs == ["RUN"]
    assert "os.environ" not in (PROJECT / "hooks.py").read_text(encoding="utf-8")  # the switches are read once, by the run


def test_the_switches_are_read_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """SENIORSITE_PDF and SENIORSITE_OFFLINE: '0' turns the part off; unset or anything else leaves it on."""
    from seniorsite.run import Switches

    assert Switches.from_environment({}) == Switches(pdfs=True, offline=True)
    assert Switches.from_environment({"SENIORSITE_PDF": "0", "SENIORSITE_OFFLINE": "1"}) == Switches(pdfs=False, offline=True)
    assert Switches.from_environment({"SENIORSITE_OFFLINE": "0"}) == Switches(pdfs=True, offline=False)
    core = [path for path in CORE.rglob("*.py") if path.name != "run.py"]
    assert not [path for path in core if "SENIORSITE_PDF" in path.read_text(encoding="utf-8")]
