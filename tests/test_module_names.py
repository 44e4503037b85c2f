"""No module of rag/ binds one top-level name twice: a second `_REASON = …` or `_CLAUSE_SPLIT = …` silently
replaces the first for every function that reads it (two such slips changed the 'reason' answer type and the
wording of every disagreement note before they were found by a snapshot diff)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "rag"


def _top_level_names(tree: ast.Module) -> list[tuple[str, int]]:
    names: list[tuple[str, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [(t.id, node.lineno) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append((node.target.id, node.lineno))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append((node.name, node.lineno))
    return names


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    first: dict[str, int] = {}
    twice = []
    for name, line in _top_level_names(ast.parse(path.read_text(encoding="utf-8"))):
        if name in first:
            twice.append(f"{name} (lines {first[name]} and {line})")
        first.setdefault(name, line)
    assert not twice, f"{path.name} binds {', '.join(twice)} twice"


def test_a_second_binding_is_found() -> None:
    tree = ast.parse("_A = 1\n\ndef f():\n    return _A\n\n_A = 2\n")
    names = [n for n, _ in _top_level_names(tree)]
    assert names.count("_A") == 2
