"""The layers, read statically from viewer/**.py: no import cycles, no SQL in the UI, core and store below it.

The import graph is read with `ast`, not by importing: an edge A -> B for each `import B` /
`from B import x` in A that names a viewer module (`from pkg import mod` counts as pkg.mod). An
import of a.b.c is an edge to a.b.c only, not to its parent packages (which are already importing
when a sibling is). Three graphs, each of which must be free of cycles:
  module-level      what runs when a module loads (class bodies included);
  + functions       adding the imports inside functions, which run later, on first call;
  + type names      adding the imports under `if TYPE_CHECKING:`: who knows whom at all.
The layer rules (no Qt, no store or UI in core) read every import, type names included.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "viewer"

#: Cycles that another branch removes -- ONLY in this branch; the lead empties the list at merge.
#: Each is a path A -> B -> ... (back to A). ui.main_window and the controllers it builds know each
#: other (they name MainWindow as a type): the "session" helper removes that. (core.export <->
#: core.share, the other cycle of the review, is gone here already: core.share takes the colour
#: keys from core.vocab instead of core.export; the "store" helper removes it in its branch too.)
KNOWN_CYCLES: list[tuple[str, ...]] = []

#: Cycles through function-level imports that are there by design (not temporary).
DESIGNED_CYCLES: list[tuple[str, ...]] = [
    # str(error) renders its English line through the catalogue, which renders nested errors and
    # phrases in turn; errors imports messages inside __str__, after both modules have loaded.
    ("viewer.core.errors", "viewer.core.messages"),
]

#: core's dependencies on the library that the "store" helper removes (lead: empty it at merge).
KNOWN_CORE_TO_STORE: set[tuple[str, str]] = set()


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    top_level: set[str] = field(default_factory=set)     # viewer modules imported when it loads
    in_functions: set[str] = field(default_factory=set)  # viewer modules imported inside its functions
    type_only: set[str] = field(default_factory=set)     # viewer modules imported under TYPE_CHECKING
    external: set[str] = field(default_factory=set)      # every other module it imports, anywhere

    def imports(self) -> set[str]:
        return self.top_level | self.in_functions | self.type_only


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _imports(node: ast.AST, where: str = "top"):
    """(import node, where: "top" / "function" / "type") for every import below `node`."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, where
        elif _is_type_checking(child):
            for stmt in child.body:
                yield from _imports(ast.Module(body=[stmt], type_ignores=[]), "type")
            for stmt in child.orelse:
                yield from _imports(ast.Module(body=[stmt], type_ignores=[]), where)
        else:
            inner = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _imports(child, "function" if inner and where == "top" else where)


@cache
def modules() -> dict[str, Module]:
    """Every module of the viewer package with its imports resolved to module names."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found[_module_name(path)] = Module(_module_name(path), path, ast.parse(path.read_text("utf-8"), str(path)))
    for module in found.values():
        package = module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]
        for node, where in _imports(module.tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in found else base
                           for alias in node.names]
            for target in targets:
                if target not in found:
                    module.external.add(target)
                elif target != module.name:
                    {"top": module.top_level, "function": module.in_functions, "type": module.type_only}[where].add(target)
    return found


GRAPHS = ("module-level", "with-functions", "with-type-names")


def _graph(kind: str) -> dict[str, set[str]]:
    graph = {name: set(m.top_level) for name, m in modules().items()}
    for name, m in modules().items():
        if kind in ("with-functions", "with-type-names"):
            graph[name] |= m.in_functions
        if kind == "with-type-names":
            graph[name] |= m.type_only
    return graph


def _cycle_edges(cycle: tuple[str, ...]) -> set[tuple[str, str]]:
    return {(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(len(cycle))}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [A, B, ..., A], or None (depth-first search, colouring nodes)."""
    state: dict[str, int] = {}          # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def _without(graph: dict[str, set[str]], cycles: list[tuple[str, ...]]) -> dict[str, set[str]]:
    edges = set().union(*map(_cycle_edges, cycles)) if cycles else set()
    return {name: {t for t in targets if (name, t) not in edges} for name, targets in graph.items()}


# --- the graph reader itself ------------------------------------------------------------------


def test_the_cycle_finder_finds_a_cycle_and_passes_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_import_reader_tells_module_level_function_and_type_name_imports_apart():
    cli = modules()["viewer.cli"]
    assert {"viewer.cli.args", "viewer.cli.verbs"} <= cli.top_level
    verbs = modules()["viewer.cli.verbs"]
    assert "viewer.ui.app" in verbs.in_functions and "viewer.ui.app" not in verbs.top_level
    assert "viewer.core.model" in verbs.type_only and "viewer.core.model" not in verbs.top_level
    assert "viewer.core.export" in modules()["viewer.ui.exports.export_actions"].top_level  # from viewer.core import export
    assert "PySide6.QtCore" in modules()["viewer.ui.labels"].external


# --- (a) no import cycles ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", GRAPHS)
def test_viewer_has_no_import_cycle(kind):
    allowed = {"module-level": [], "with-functions": DESIGNED_CYCLES,
               "with-type-names": DESIGNED_CYCLES + KNOWN_CYCLES}[kind]
    cycle = find_cycle(_without(_graph(kind), allowed))
    assert cycle is None, f"import cycle ({kind}): " + " -> ".join(cycle)


def test_every_listed_cycle_is_still_there_so_the_lists_do_not_go_stale():
    graph = _graph("with-type-names")
    gone = [c for c in KNOWN_CYCLES + DESIGNED_CYCLES if not all(t in graph[s] for s, t in _cycle_edges(c))]
    assert not gone, f"no longer cycles, remove them from KNOWN_CYCLES / DESIGNED_CYCLES: {gone}"


# --- (b) core, store and services below the UI (their Qt check: tests/core/test_no_qt.py) ------


def _in(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_core_store_and_services_never_import_the_ui_or_the_cli():
    headless = [m for m in modules().values() if _in(m.name, ("viewer.core", "viewer.store", "viewer.services"))]
    assert {"viewer.core.vocab", "viewer.core.export", "viewer.store"} <= {m.name for m in headless}
    above = sorted((m.name, t) for m in headless for t in m.imports() if _in(t, ("viewer.ui", "viewer.cli")))
    assert not above, above


# --- (c) no SQL in the UI; core on its own -----------------------------------------------------

SQL_MODULES = re.compile(r"^(sqlite3|sqlite_utils|apsw)(\.|$)")
#: A statement as the store writes them: an upper-case keyword first, another one later.
SQL_TEXT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|REPLACE|WITH)\s")
SQL_WORDS = re.compile(r"\b(FROM|INTO|SET|TABLE|WHERE|VALUES|TRANSACTION)\b|^\s*(PRAGMA|BEGIN|COMMIT)")
#: Calls that run SQL, or take a piece of it (`documents_where("d.id = ?", …)`, sqlite-utils' `rows_where`).
SQL_CALL = re.compile(r"^(execute|executemany|executescript|\w+_where)$")


def _sql_in(tree: ast.Module, external: set[str]) -> list[str]:
    found = [f"import {ext}" for ext in sorted(external) if SQL_MODULES.match(ext)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and SQL_CALL.match(getattr(node.func, "attr", "")):
            found.append(f"line {node.lineno}: .{node.func.attr}(")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value) \
                and SQL_WORDS.search(node.value):
            found.append(f"line {node.lineno}: {node.value[:40]!r}")
    return found


def test_the_sql_check_sees_sql_and_passes_plain_words():
    probe = ast.parse("conn.execute('SELECT id FROM documents WHERE 1')\nstore.documents_where('d.id = ?', (1,))\n"
                      "x = 'Update the notes from the file'\ny = 'delete'\n")
    assert len(_sql_in(probe, {"sqlite3", "PySide6.QtCore"})) == 4      # the import, two calls, one statement
    assert _sql_in(ast.parse("label = 'Select all'\nnote = 'Update from colleague'"), set()) == []


def test_the_ui_never_runs_sql():
    found = {m.name: sql for m in modules().values() if _in(m.name, ("viewer.ui",))
             if (sql := _sql_in(m.tree, m.external))}
    assert not found, found


def test_core_imports_neither_the_library_nor_the_ui():
    edges = {(m.name, t) for m in modules().values() if _in(m.name, ("viewer.core",)) for t in m.imports()
             if _in(t, ("viewer.store", "viewer.services", "viewer.ui", "viewer.cli"))}
    assert edges <= KNOWN_CORE_TO_STORE, sorted(edges - KNOWN_CORE_TO_STORE)


def test_every_known_core_dependency_is_still_there_so_the_list_does_not_go_stale():
    edges = {(m.name, t) for m in modules().values() for t in m.imports()}
    assert KNOWN_CORE_TO_STORE <= edges, f"gone, remove from KNOWN_CORE_TO_STORE: {KNOWN_CORE_TO_STORE - edges}"


#: What parses text: the parse pipeline, the rules for sections and figures, the format readers.
PARSERS = ("viewer.core.report", "viewer.core.structure", "viewer.core.figures", "viewer.core.ingest")
#: What the UI may take from them: how a figure's value reads, and which formats there are (Open dialog, guide).
DISPLAY_HELPERS = {("viewer.core.figures", "describe_value"), ("viewer.core.figures", "unit_word"),
                   ("viewer.core.ingest", "registry")}


def _imported_names(tree: ast.Module):
    """(module, name) for every `from viewer… import name` below `tree`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("viewer"):
            for alias in node.names:
                yield node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ""


def test_the_ui_never_parses_text_it_asks_the_services():
    parsing = sorted((m.name, f"{mod}.{name}") for m in modules().values() if _in(m.name, ("viewer.ui",))
                     for mod, name in _imported_names(m.tree)
                     if _in(mod, PARSERS) and (mod, name) not in DISPLAY_HELPERS)
    assert not parsing, parsing


def test_the_ui_writes_to_the_library_only_through_the_session():
    assert "viewer.services.annotations" in modules()["viewer.ui.session"].imports()
    writes = re.compile(r"^(add_annotation|update_annotation|set_annotation_deleted|import_report|replace_report|"
                        r"write_annotations?|set_setting|set_report_setting)$")
    found = sorted((m.name, node.lineno) for m in modules().values()
                   if _in(m.name, ("viewer.ui",)) and m.name != "viewer.ui.session"
                   for node in ast.walk(m.tree)
                   if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and writes.match(node.func.attr)
                   and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "store")
    assert not found, f"store writes outside the session: {found}"
