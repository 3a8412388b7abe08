"""The layers hold, read from every module's source (imports inside functions and under
TYPE_CHECKING count, and no module is exempt by name), and again in fresh interpreters:

    cli, ui  ->  actions  ->  domain, store  ->  model

The domain knows no UI, no storage and no use case; the store knows only the model;
screens never import the app and never call the store's write methods (they call actions);
nothing imports in a circle. Each rule is shown failing on a planted import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "app" / "debrief"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
MODULES = sorted(SOURCES)


def layer_of(module: str) -> str:
    """Which floor a module of ours stands on (a package's own name: its face, none)."""
    for prefix, layer in (
        ("debrief.model", "model"),
        ("debrief.store", "store"),
        ("debrief.actions", "actions"),
        ("debrief.ui", "ui"),
        ("debrief.cli", "cli"),
        ("debrief.shell", "cli"),
        ("debrief.__main__", "cli"),
    ):
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return "package" if module == "debrief" else "domain"


# What each floor may import of ours, and which outside packages it must not.
ALLOWED = {
    "model": {"model"},
    "domain": {"model", "domain"},
    "store": {"model", "store"},
    "actions": {"model", "domain", "store", "actions"},
    "ui": {"model", "domain", "store", "actions", "ui"},
    "cli": {"model", "domain", "store", "actions", "cli", "ui"},
    "package": set(),
}
FORBIDDEN_OUTSIDE = {
    "model": {"textual", "rich", "tinydb"},
    "domain": {"textual", "rich", "tinydb"},
    "store": {"textual", "rich"},
    "actions": {"textual", "rich", "tinydb"},
}
CLI_MAY_START = {"debrief.ui.app", "debrief.ui.screens.unlock", "debrief.ui.keymap"}  # the app
WRITE_METHODS = {
    "save_reflection", "save_interview", "save_interviews", "delete_interview", "save_plan",
    "save_followup", "save_opportunity", "delete_reflection", "restore_reflection",
    "apply_import", "apply_merge", "save_decision", "save_settings", "save_draft",
    "discard_draft", "restore",
}  # fmt: skip


def imports_in_source(source: str, this: str, *, is_package: bool = False) -> set[str]:
    """Every module a source file imports, anywhere in it: at the top, inside functions,
    under TYPE_CHECKING (a dependency a reader must hold in mind all the same)."""
    package = this if is_package else this.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def ours(names: set[str], this: str) -> set[str]:
    return {name for name in names if name in SOURCES and name != this}


def broken_rules(this: str, source: str, *, is_package: bool = False) -> list[str]:
    """Each import of `source` (the module `this`) that its floor forbids."""
    layer = layer_of(this)
    imported = imports_in_source(source, this, is_package=is_package)
    broken = []
    for target in sorted(ours(imported, this)):
        target_layer = layer_of(target)
        if target_layer == "package":
            continue
        if target_layer not in ALLOWED[layer]:
            broken.append(f"{this} ({layer}) imports {target} ({target_layer})")
        elif layer == "cli" and target_layer == "ui" and target not in CLI_MAY_START:
            broken.append(f"{this} (cli) imports {target}: only {sorted(CLI_MAY_START)}")
        elif this.startswith("debrief.ui.screens") and target == "debrief.ui.app":
            broken.append(f"{this} (a screen) imports the app")
    outside = {name.split(".")[0] for name in imported}
    broken += [
        f"{this} ({layer}) imports {name}"
        for name in sorted(outside & FORBIDDEN_OUTSIDE.get(layer, set()))
    ]
    return broken


def store_writes(source: str) -> list[str]:
    """Calls of the journal's write methods (`self.journal.save_plan(…)`)."""
    return [
        f"line {node.lineno}: {node.func.attr}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITE_METHODS
        and "journal" in ast.unparse(node.func.value).casefold()
    ]


def read(module: str) -> str:
    return SOURCES[module].read_text(encoding="utf-8")


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_only_from_the_floors_below_it(module: str) -> None:
    is_package = SOURCES[module].name == "__init__.py"
    assert broken_rules(module, read(module), is_package=is_package) == []


@pytest.mark.parametrize("module", [m for m in MODULES if layer_of(m) == "ui"])
def test_the_ui_never_calls_the_stores_write_methods(module: str) -> None:
    """Screens and flows change the journal through actions only."""
    assert store_writes(read(module)) == []


@pytest.mark.parametrize(
    ("module", "planted", "why"),
    [
        ("debrief.followups", "from debrief.store.journal import Journal", "(domain) imports"),
        (
            "debrief.trends",
            "def later():\n    from debrief.store import journal\n",
            "(domain) imports debrief.store",
        ),
        (
            "debrief.notes",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from debrief.actions import followups\n",
            "(domain) imports debrief.actions",
        ),
        ("debrief.compare", "import textual", "(domain) imports textual"),
        ("debrief.model", "from debrief.dates import parse_when", "(model) imports"),
        ("debrief.store.files", "from debrief.followups import plan", "(store) imports"),
        ("debrief.store.sealed", "def f():\n    import debrief.ui.app\n", "(store) imports"),
        ("debrief.actions.followups", "from debrief.ui import messages", "(actions) imports"),
        ("debrief.ui.screens.home", "from debrief.ui.app import make_app", "a screen"),
        ("debrief.cli.browsing", "from debrief.ui.screens.home import X", "(cli) imports"),
    ],
)
def test_each_rule_fails_on_a_planted_import(module: str, planted: str, why: str) -> None:
    broken = broken_rules(module, read(module) + "\n" + planted + "\n")
    assert any(why in line for line in broken), broken


def test_the_write_check_fails_on_a_planted_write() -> None:
    planted = "def f(self):\n    self.journal.save_plan(opportunity, [])\n"
    assert store_writes(read("debrief.ui.screens.home") + "\n" + planted) == [
        f"line {len(read('debrief.ui.screens.home').splitlines()) + 3}: save_plan"
    ]


# --- in fresh interpreters: what importing really loads --------------------------------------


def imported_after(module: str) -> set[str]:
    """Every module loaded by importing `module` in a fresh interpreter."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(output.stdout.split())


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("module", ["debrief.cli", "debrief.shell"])
def test_the_command_line_loads_no_textual_until_the_app_runs(module: str) -> None:
    assert not top_level(imported_after(module)) & {"textual", "rich"}


def test_the_app_starts_without_the_code_only_some_screens_need() -> None:
    """The trends and their chart load when F4 is first pressed."""
    at_start = imported_after("debrief.ui.app")
    assert {"debrief.trends", "debrief.ui.widgets.rating_chart"}.isdisjoint(at_start)


# --- no circles ------------------------------------------------------------------------------


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


def import_graph() -> Iterator[tuple[str, set[str]]]:
    for module, path in SOURCES.items():
        names = imports_in_source(read(module), module, is_package=path.name == "__init__.py")
        yield module, {t for t in ours(names, module) if t != "debrief"}


def test_no_module_imports_in_a_circle() -> None:
    assert circles(dict(import_graph())) == []


def test_the_circle_check_sees_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
