"""Postings analysed in a worker are exactly the postings Whoosh's writer would make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diplomareader.model import Article
from diplomareader.search import storage
from diplomareader.search.documents import article_fields

ARTICLE = Article(
    id="a1",
    path="a1.txt",
    title="Lavrov answers Toqayev",
    body=(
        "Lavrov said the U.S. and the UN must respect the territorial integrity of states; "
        "Toqayev's remarks at SPIEF in 2022 were about it.\n\n"
        "中方支持 dialogue. Negotiations, negotiating and negotiated: the same stem, again "
        "and again, said Lavrov."
    ),
)


def postings(folder: Path, analyzed: bool) -> dict[tuple[str, str], Any]:
    """Every (field, term) of the body fields with its weight, value and the field length."""
    storage.create(folder)
    aix, _ = storage.open_indexes(folder, create_missing=False, rebuild_old=False)
    writer = aix.writer()
    writer.add_document(**article_fields(ARTICLE, analyzed=analyzed))
    writer.commit()
    out: dict[tuple[str, str], Any] = {}
    with aix.reader() as reader:
        for fieldname in ("body", "terms"):
            out[("length", fieldname)] = reader.doc_field_length(0, fieldname)
            for term in reader.lexicon(fieldname):
                matcher = reader.postings(fieldname, term)
                out[(fieldname, term)] = (matcher.weight(), matcher.value())
    return out


def test_worker_analysis_equals_writer_analysis(tmp_path: Path) -> None:
    """Same terms, weights, encoded positions and field lengths both ways."""
    by_writer = postings(tmp_path / "writer", analyzed=False)
    by_worker = postings(tmp_path / "worker", analyzed=True)
    assert by_worker == by_writer
    assert ("body", b"negoti") in by_worker
    assert ("terms", "中方".encode()) in by_worker
