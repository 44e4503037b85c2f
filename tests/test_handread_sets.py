"""The hand-labelled blind sets stay true to their articles: every evidence sentence of a set checked by
evals/handread/check_evidence.py is in its article verbatim, and its table has the shape the checker reads."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

HANDREAD = Path(__file__).resolve().parent.parent / "evals" / "handread"
# The sets whose dataset card names the shared checker as theirs.
CHECKED = sorted(p.parent for p in HANDREAD.glob("session*/*/README.md") if "../../check_evidence.py" in p.read_text())


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_evidence", HANDREAD / "check_evidence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checked_sets_are_found() -> None:
    assert len(CHECKED) >= 15


@pytest.mark.parametrize("folder", CHECKED, ids=lambda p: p.name)
def test_every_evidence_sentence_is_in_its_article(folder: Path) -> None:
    questions, checked, missing, faults = _checker().check(folder)
    assert questions > 0 and checked > 0
    assert (missing, faults) == (0, 0)


def test_the_checker_finds_an_altered_sentence_and_an_unknown_kind(tmp_path: Path) -> None:
    source = next(p for p in CHECKED if p.name == "explore23")
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    tsv = copy / "questions.tsv"
    rows = tsv.read_text(encoding="utf-8").split("\n")
    cells = rows[1].split("\t")
    ref, sentence = cells[4].split(" || ")[0].split(" :: ", 1)
    cells[3] = "newest"
    cells[4] = f"{ref} :: {sentence} and more."
    tsv.write_text("\n".join([rows[0], "\t".join(cells), *rows[2:]]), encoding="utf-8")
    _, _, missing, faults = _checker().check(copy)
    assert missing == 1 and faults == 1
