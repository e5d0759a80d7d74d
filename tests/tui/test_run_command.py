"""``diplomareader run`` before the app starts: building a missing or stale index, bad paths."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplomareader.cli.run import update_index
from diplomareader.search import Library
from tests.tui.conftest import CORPUS

EXE = Path(sys.executable).with_name("diplomareader")


def test_missing_index_is_built_then_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing index is built from the corpus with a report; an up-to-date one is not touched."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with Library(tmp_path / "index") as library:
        update_index(library, corpus)
        assert library.count() == 3
        err = capsys.readouterr().err
        assert "Indexing" in err and "3 articles in the index (3 added" in err
        update_index(library, corpus)
        assert capsys.readouterr().err == ""


def test_changed_corpus_is_ingested_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file added to the corpus makes the index stale: it is updated before the reader."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with Library(tmp_path / "index") as library:
        update_index(library, corpus)
        capsys.readouterr()
        (corpus / "new.md").write_text("---\ntitle: New\n---\nA new article.\n", encoding="utf-8")
        update_index(library, corpus)
        assert "4 articles in the index (1 added" in capsys.readouterr().err
        assert library.count() == 4


def test_bad_paths_give_one_line_errors(tmp_path: Path) -> None:
    """A corpus folder that does not exist, or an index that is a file: one line, exit 1."""
    missing = subprocess.run(
        [str(EXE), "run", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "i")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "no corpus folder" in missing.stderr
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    broken = subprocess.run(
        [str(EXE), "run", "--index", str(not_a_folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr and broken.stderr.startswith("diplomareader:")
