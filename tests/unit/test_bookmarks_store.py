"""The bookmarks store on real files: add/update/delete/undo, the YAML format, broken files,
and two stores (as two readers would) writing the same file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from diplomareader.model import Article, InputError, Quote
from diplomareader.store.bookmarks import (
    BookmarkStore,
    make_bookmark,
    make_paragraph_bookmark,
    normalize_tags,
    paragraph_at,
)

BODY = (
    "Kazakhstan will not recognise the referendums, the spokesman said.\n\n"
    '"We proceed from the principle of territorial integrity," Aibek Smadyarov said.\n\n'
    "The talks will continue next week in Astana."
)


def article(body: str = BODY, article_id: str = "a1") -> Article:
    """A small article with one quote."""
    q_start = body.find("We proceed")
    q_end = body.find(',"', q_start)
    return Article(
        id=article_id,
        path="corpus/a1.txt",
        title="Kazakhstan on referendums",
        body=body,
        date=dt.date(2022, 9, 26),
        source="Qazaq TV",
        url="https://example.org/a1",
        quotes=(Quote(body[q_start:q_end], q_start, q_end, speaker="Aibek Smadyarov"),),
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the test's bookmarks file lives."""
    return tmp_path / "data" / "bookmarks.yaml"


def test_make_bookmark_fills_context_and_metadata() -> None:
    """The passage, its context, offsets, hash and article metadata are recorded."""
    art = article()
    start = BODY.index("The talks")
    bm = make_bookmark(art, start - 2, len(BODY), note="n", tags="#Talks, astana talks")
    assert bm.text == "The talks will continue next week in Astana."
    assert BODY[bm.start : bm.end] == bm.text
    assert BODY.endswith(bm.prefix + bm.text) and bm.suffix == ""
    assert 0 < len(bm.prefix) <= 40
    assert bm.tags == ("Talks", "astana")
    assert (bm.title, bm.source, bm.date, bm.url) == (
        art.title,
        "Qazaq TV",
        "2022-09-26",
        art.url,
    )
    assert bm.created.endswith("Z") and len(bm.article_hash) == 16
    with pytest.raises(InputError):
        make_bookmark(art, 5, 5)
    with pytest.raises(InputError):
        make_bookmark(art, 0, len(BODY) + 1)


def test_paragraph_bookmark_takes_the_speaker_of_its_quote() -> None:
    """``b`` on a quote's paragraph records the speaker; elsewhere there is none."""
    art = article()
    bm = make_paragraph_bookmark(art, BODY.index("territorial"))
    assert bm.text.startswith('"We proceed') and bm.speaker == "Aibek Smadyarov"
    assert make_paragraph_bookmark(art, 0).speaker is None
    assert paragraph_at(BODY, len(BODY) + 10) == (BODY.index("The talks"), len(BODY))


def test_normalize_tags() -> None:
    """Tags lose ``#`` and blanks, keep case and appear once."""
    assert normalize_tags("#UN, un  peace  #") == ("UN", "peace")
    assert normalize_tags(["cease fire", "x"]) == ("cease-fire", "x")


def test_add_update_delete_restore_round_trip(path: Path) -> None:
    """Every change reaches the file at once and a fresh store reads it back."""
    store = BookmarkStore(path)
    assert store.load().bookmarks == ()
    art = article()
    first = store.add_paragraph(art, 0)
    second = store.add_passage(art, BODY.index("The talks"), len(BODY), tags=["astana"])
    assert store.add_paragraph(art, 0) == first  # the same passage is not added twice
    store.update(first.id, note="Key line.\nSecond line.", tags="#position #un")
    other = BookmarkStore(path)
    loaded = other.load()
    assert loaded.warning is None
    assert {b.id for b in loaded.bookmarks} == {first.id, second.id}
    got = other.get(first.id)
    assert got is not None and got.note == "Key line.\nSecond line."
    assert got.tags == ("position", "un") and got.text == first.text
    gone = store.delete(second.id)
    assert BookmarkStore(path).load().bookmarks == (store.get(first.id),)
    store.restore(gone)
    assert {b.id for b in BookmarkStore(path).load().bookmarks} == {first.id, second.id}


def test_file_is_readable_yaml(path: Path) -> None:
    """The file is documented YAML with the passage as a block and every field named."""
    store = BookmarkStore(path)
    store.load()
    bm = store.add_passage(article(), 0, len(BODY), note="note")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# diplomareader bookmarks")
    assert "text: |" in text
    doc = yaml.safe_load(text)
    entry = doc["bookmarks"][0]
    assert doc["version"] == 1
    for key in ("id", "article_id", "article_path", "title", "source", "date", "url", "text"):
        assert key in entry
    for key in ("prefix", "suffix", "start", "end", "article_hash", "speaker", "note", "tags"):
        assert key in entry
    assert entry["text"] == bm.text and entry["date"] == "2022-09-26"
    assert not list(path.parent.glob(".*.tmp"))


def test_filters(path: Path) -> None:
    """Filter by tag prefix, article, speaker and words."""
    store = BookmarkStore(path)
    store.load()
    a, b = article(), article(article_id="b2")
    one = store.add_passage(a, 0, 60, tags="ukraine un")
    two = store.add_paragraph(b, BODY.index("territorial"))
    store.update(two.id, note="principle")
    assert store.filter("#ukr") == [one]
    assert store.filter("article:b2") == [store.get(two.id)]
    assert store.filter("speaker:smadyarov") == [store.get(two.id)]
    assert store.filter("principle #un") == []
    assert store.filter('"next week"') == []
    assert len(store.filter("kazakhstan")) == 2
    assert store.tags() == {"ukraine": 1, "un": 1}
    assert store.article_ids() == {"a1", "b2"}


@pytest.mark.parametrize(
    "content",
    [
        b"bookmarks: [unclosed\n  - {id: x",
        b"\xff\xfe not utf-8 \x00\x01",
        b"just a string\n",
        b"bookmarks: 5\n",
    ],
)
def test_broken_file_is_backed_up_reported_and_store_carries_on(path: Path, content: bytes) -> None:
    """A broken file is copied aside, reported, and the store starts empty and saves again."""
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = BookmarkStore(path)
    result = store.load()
    assert result.bookmarks == ()
    assert result.warning and "broken" in result.warning and result.backup is not None
    assert result.backup.read_bytes() == content
    assert result.backup.name.startswith("bookmarks.yaml.corrupt-")
    bm = store.add_paragraph(article(), 0)
    assert [b.id for b in BookmarkStore(path).load().bookmarks] == [bm.id]
    assert result.backup.read_bytes() == content  # the backup is never overwritten
    assert len(list(path.parent.glob("bookmarks.yaml.corrupt-*"))) == 1


def test_broken_entries_are_skipped_and_the_file_backed_up(path: Path) -> None:
    """One bad entry among good ones: the good ones load, the file is kept as a backup."""
    store = BookmarkStore(path)
    store.load()
    good = store.add_paragraph(article(), 0)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["bookmarks"].append({"id": "bad", "title": "no text"})
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    result = BookmarkStore(path).load()
    assert [b.id for b in result.bookmarks] == [good.id]
    assert result.warning and "entry 2: missing" in result.warning and result.backup


def test_hand_broken_while_running_keeps_what_we_hold(path: Path) -> None:
    """If the file is broken by hand while a reader runs, its next save keeps its bookmarks."""
    store = BookmarkStore(path)
    store.load()
    first = store.add_paragraph(article(), 0)
    path.write_text("bookmarks: [oops", encoding="utf-8")
    second = store.add_paragraph(article(), len(BODY) - 1)
    assert {b.id for b in BookmarkStore(path).load().bookmarks} == {first.id, second.id}
    assert store.warnings and "broken" in store.warnings[0]
    assert list(path.parent.glob("bookmarks.yaml.corrupt-*"))


def test_two_stores_merge_instead_of_overwriting(path: Path) -> None:
    """Two readers on one file: adds, edits and deletes of both survive; no resurrection."""
    one, two = BookmarkStore(path), BookmarkStore(path)
    one.load()
    two.load()
    a = one.add_passage(article(), 0, 20)
    b = two.add_passage(article(), 30, 50)  # two never saw a, and must not drop it
    assert {x.id for x in BookmarkStore(path).load().bookmarks} == {a.id, b.id}
    one.delete(a.id)
    c = two.add_passage(article(), 60, 70)  # two still holds a stale copy of nothing: fine
    two.reload()
    assert two.get(a.id) is None
    assert {x.id for x in BookmarkStore(path).load().bookmarks} == {b.id, c.id}
    # one edits b after two deleted it elsewhere: the deletion wins, the edit is not resurrected
    one.reload()
    two.delete(b.id)
    one.update(b.id, note="late edit")
    assert {x.id for x in BookmarkStore(path).load().bookmarks} == {c.id}
    assert one.get(b.id) is None and "deleted in another" in one.warnings[-1]
    # the later of two edits of the same bookmark wins
    one.reload()
    one.update(c.id, note="first")
    two.update(c.id, note="second")
    final = BookmarkStore(path)
    final.load()
    got = final.get(c.id)
    assert got is not None and got.note == "second"


def test_undo_after_save_beats_the_tombstone(path: Path) -> None:
    """A restore after the deletion was saved brings the bookmark back for good."""
    store = BookmarkStore(path)
    store.load()
    bm = store.add_paragraph(article(), 0)
    gone = store.delete(bm.id)
    assert gone.id in yaml.safe_load(path.read_text(encoding="utf-8"))["deleted"]
    store.restore(gone)
    other = BookmarkStore(path)
    other.load()
    assert other.get(bm.id) == bm
    assert bm.id not in (yaml.safe_load(path.read_text(encoding="utf-8"))["deleted"] or {})


def test_changed_on_disk(path: Path) -> None:
    """A store notices when another process saved."""
    one, two = BookmarkStore(path), BookmarkStore(path)
    one.load()
    two.load()
    one.add_paragraph(article(), 0)
    assert not one.changed_on_disk()
    assert two.changed_on_disk()
    two.reload()
    assert not two.changed_on_disk() and len(two) == 1


def test_hand_written_minimal_entry_loads(path: Path) -> None:
    """A bare list with only the required fields (written by hand) is accepted."""
    path.parent.mkdir(parents=True)
    path.write_text(
        "- id: abc\n  article_id: a1\n  title: T\n  text: hello\n  start: 0\n  end: 5\n"
        "  date: 2022-09-26\n  tags: [x]\n",
        encoding="utf-8",
    )
    result = BookmarkStore(path).load()
    assert result.warning is None
    (bm,) = result.bookmarks
    assert (bm.text, bm.date, bm.tags, bm.note) == ("hello", "2022-09-26", ("x",), "")


def test_default_path_comes_from_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a path the store uses store.locations (DIPLOMAREADER_BOOKMARKS overrides)."""
    monkeypatch.setenv("DIPLOMAREADER_BOOKMARKS", str(tmp_path / "x.yaml"))
    assert BookmarkStore().path == tmp_path / "x.yaml"


def test_store_modules_do_not_import_textual_or_whoosh() -> None:
    """The bookmarks core (store, anchors, export, CLI) stays free of the UI and the index."""
    import subprocess
    import sys

    modules = [
        "diplomareader.store.bookmarks",
        "diplomareader.store.bookmark_export",
        "diplomareader.store.bookmark_locate",
        "diplomareader.cli.bookmarks",
    ]
    code = (
        f"import sys, {', '.join(modules)}\n"
        "print(','.join(m for m in ('textual', 'whoosh') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
