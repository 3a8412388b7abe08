"""The layers hold: the domain knows no UI and no storage, the store knows only the model,
nothing imports in a circle (checked in fresh interpreters and on the source itself)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "app" / "debrief"
NOT_DOMAIN = (
    "debrief.ui",
    "debrief.store",
    "debrief.cli",
    "debrief.shell",
    "debrief.unlock",  # asking for a passphrase: the shell's side of an encrypted journal
    "debrief.conflicts",  # opening sync conflict copies and storing the merge: uses the store
    "debrief.__main__",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(path) for path in PACKAGE.rglob("*.py"))
DOMAIN = [m for m in MODULES if m != "debrief" and not m.startswith(NOT_DOMAIN)]
STORE = [m for m in MODULES if m.startswith("debrief.store.")]


def imported_after(module: str) -> set[str]:
    """Every module loaded by importing `module` in a fresh interpreter."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(output.stdout.split())


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_modules_import_neither_textual_nor_tinydb_nor_the_store(module: str) -> None:
    loaded = imported_after(module)
    assert not top_level(loaded) & {"textual", "rich", "tinydb"}
    assert not {name for name in loaded if name.startswith("debrief.store")}


@pytest.mark.parametrize("module", STORE)
def test_the_store_imports_only_the_model_and_itself(module: str) -> None:
    ours = {name for name in imported_after(module) if name.startswith("debrief")}
    assert ours <= {"debrief", "debrief.model", "debrief.store", *STORE}
    assert "textual" not in top_level(imported_after(module))


@pytest.mark.parametrize("module", ["debrief.cli", "debrief.shell"])
def test_the_command_line_loads_no_textual_until_the_app_runs(module: str) -> None:
    assert not top_level(imported_after(module)) & {"textual", "rich"}


def imports_in_source(path: Path) -> set[str]:
    """Every debrief module a file imports, anywhere in it (in functions, and for type
    checking too: a circle there is a circle in what a reader must hold in mind)."""
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES and name != this}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_in_a_circle() -> None:
    graph = {module_name(path): imports_in_source(path) for path in PACKAGE.rglob("*.py")}
    graph = {m: {t for t in targets if t != "debrief"} for m, targets in graph.items()}
    assert circles(graph) == []


def test_the_circle_check_sees_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_screens_never_import_the_app() -> None:
    for path in (PACKAGE / "ui" / "screens").glob("*.py"):
        assert "debrief.ui.app" not in imports_in_source(path), path.name


def test_the_app_starts_without_the_code_only_some_screens_need() -> None:
    """The trends and their chart library load when F4 is first pressed."""
    at_start = imported_after("debrief.ui.app")
    assert {"debrief.trends", "textual_plotext"}.isdisjoint(at_start)
