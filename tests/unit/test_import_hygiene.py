"""The core never imports Textual; only the search package imports Whoosh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "diplomareader"

CORE_MODULES = [
    "diplomareader.model",
    "diplomareader.pipeline",
    "diplomareader.ingest",
    "diplomareader.clean",
    "diplomareader.extract.entities",
    "diplomareader.extract.quotes",
    "diplomareader.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_does_not_import_textual_or_whoosh(module: str) -> None:
    """Importing a core module loads neither textual nor whoosh."""
    code = (
        f"import sys, {module}\n"
        "bad = [m for m in ('textual', 'whoosh') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_tui_imports_textual_and_only_search_imports_whoosh() -> None:
    """No source file outside tui/ mentions an import of textual; none outside search/ of whoosh."""
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).parts
        text = path.read_text(encoding="utf-8")
        if rel[0] != "tui" and ("import textual" in text or "from textual" in text):
            offenders.append(str(path))
        if rel[0] != "search" and ("import whoosh" in text or "from whoosh" in text):
            offenders.append(str(path))
    assert offenders == []
