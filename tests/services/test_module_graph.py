"""The store, the services, share and export import in one direction: no cycles, core never reaches the store."""

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

AREA = ("viewer.store", "viewer.services", "viewer.core.share", "viewer.core.export")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in (REPO / "viewer").rglob("*.py")}


def imports(module: str, *, lazy: bool) -> set[str]:
    """The viewer modules `module` imports at its top level (and inside functions too when `lazy`),
    leaving out those imported only for type checking."""
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    found: set[str] = set()

    def visit(nodes, top: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in MODULES)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:
                    sub = f"{node.module}.{a.name}"
                    found.add(sub if sub in MODULES else node.module)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if lazy:
                    visit(node.body, False)
            elif hasattr(node, "body") and isinstance(node.body, list):
                visit(node.body, top)
                for extra in ("orelse", "finalbody", "handlers"):
                    visit(getattr(node, extra, []) or [], top)
    visit(tree.body, True)
    return {m for m in found if m in MODULES and m != module}


def in_area(module: str) -> bool:
    return any(module == a or module.startswith(a + ".") for a in AREA)


def cycle_from(start: str, lazy: bool) -> list[str] | None:
    """An import cycle through `start` among the area's modules, or None."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        module, path = stack.pop()
        for nxt in imports(module, lazy=lazy):
            if not in_area(nxt) or module.startswith(nxt + "."):   # a package's own submodule importing it
                continue
            if nxt == start:
                return path + [nxt]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


@pytest.mark.parametrize("lazy", [False, True], ids=["top-level", "with-lazy-imports"])
def test_no_import_cycles_among_the_store_services_share_and_export(lazy):
    cycles = [c for m in sorted(MODULES) if in_area(m) and (c := cycle_from(m, lazy))]
    assert cycles == []


def test_share_and_export_import_neither_the_store_nor_the_services_nor_qt():
    core = [m for m in MODULES if m.startswith(("viewer.core.share", "viewer.core.export"))]
    reached = {m: {i for i in imports(m, lazy=True) if i.startswith(("viewer.store", "viewer.services", "viewer.ui"))}
               for m in core}
    assert {m: r for m, r in reached.items() if r} == {}
    for m in core:
        assert "PySide6" not in MODULES[m].read_text("utf-8"), m


def test_the_services_run_no_sql_and_import_no_qt():
    for m in (m for m in MODULES if m.startswith("viewer.services")):
        text = MODULES[m].read_text("utf-8")
        assert "PySide6" not in text and "sqlite3" not in text and ".execute(" not in text, m
        assert not {i for i in imports(m, lazy=True) if i.startswith("viewer.ui")}, m
