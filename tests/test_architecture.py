"""The shape of the code, pinned: no import cycle, small modules, heavy libraries only where they belong.

docs/ARCHITECTURE.md says what each package may import; these tests keep it true. They read the
source with ``ast`` (nothing is imported), so they are fast and see every module, tested or not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "accord"
MAX_LINES = 500

# Libraries that are slow to import or own a resource: who may import them at module level.
OWNERS = {
    "spacy": set(),  # nobody at import time: models are loaded on first use
    "duckdb": {"accord.store"},
    "fastapi": {"accord.api"},
    "uvicorn": {"accord.api"},
    "ray": {"accord.engines"},
}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(path: Path, module: str, *, top_level_only: bool) -> Iterator[str]:
    """Accord modules (or any modules) that ``path`` imports; lazy imports inside functions are
    skipped when ``top_level_only``; ``if TYPE_CHECKING:`` blocks are always skipped."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    for node in _walk(tree, top_level_only):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _walk(tree: ast.AST, top_level_only: bool) -> Iterator[ast.AST]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if top_level_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if isinstance(node, ast.ClassDef):
                yield from _walk(node, top_level_only)
            continue
        yield node
        yield from _walk(node, top_level_only)


def _graph() -> dict[str, set[str]]:
    modules = dict(_modules())
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in _imports(path, name, top_level_only=False) if t in modules and t != name}
        graph[name] = targets
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def _package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_architecture_has_no_import_cycle_between_modules():
    # A package importing its own submodules from __init__ is not a cycle of modules; the
    # graph below is between modules, counting lazy imports too (they hide cycles, not remove them).
    graph = _graph()
    for name in graph:
        if name.count(".") >= 1 and (PACKAGE / Path(*name.split(".")[1:]) / "__init__.py").exists():
            graph[name] = {t for t in graph[name] if not t.startswith(name + ".")}
    assert _find_cycle(graph) is None, f"import cycle: {' -> '.join(_find_cycle(graph) or [])}"


def test_architecture_has_no_cycle_between_packages():
    graph: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        source = _package_of(module)
        graph.setdefault(source, set()).update(_package_of(t) for t in targets if _package_of(t) != source)
    # The top-level modules (accord.records, accord.errors, accord.pipeline) count as packages of their own;
    # accord/__init__.py re-exports lazily and is left out.
    graph.pop("accord", None)
    for targets in graph.values():
        targets.discard("accord")
    assert _find_cycle(graph) is None, f"package cycle: {' -> '.join(_find_cycle(graph) or [])}"


def test_architecture_cycle_finder_can_find_one():
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name,path", list(_modules()), ids=lambda v: v if isinstance(v, str) else "")
def test_architecture_module_is_small(name: str, path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines (limit {MAX_LINES}): split it by job"


@pytest.mark.parametrize("library,owners", sorted(OWNERS.items()))
def test_architecture_heavy_libraries_are_imported_only_by_their_owners(library: str, owners: set[str]):
    offenders = []
    for name, path in _modules():
        if any(name == owner or name.startswith(owner + ".") for owner in owners):
            continue
        found = {t for t in _imports(path, name, top_level_only=True) if t.split(".")[0] == library}
        if found:
            offenders.append(name)
    assert not offenders, f"{library} imported at module level by {offenders}"


def test_architecture_base_layer_imports_no_stage():
    allowed = {"accord.base", "accord.errors", "accord.records"}
    for name, path in _modules():
        if not name.startswith("accord.base") and name not in ("accord.records", "accord.errors"):
            continue
        accord_imports = {t for t in _imports(path, name, top_level_only=False) if t.startswith("accord.")}
        stray = {t for t in accord_imports if not any(t == a or t.startswith(a + ".") for a in allowed)}
        assert not stray, f"{name} imports {sorted(stray)}: the base layer sits below every stage"
