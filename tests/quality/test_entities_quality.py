"""Entity quality on re3d with the shared scorer (issue 4: F1 >= 0.60); skips without ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from extract_data import score_re3d  # noqa: E402

RE3D_F1_TARGET = 0.60


@pytest.mark.corpora
def test_re3d_named_mentions_f1(corpora: Path, shared_eval: Path) -> None:
    result = score_re3d(shared_eval, corpora / "re3d" / "json")
    print("re3d:", result)
    assert result["f1"] >= RE3D_F1_TARGET, result
