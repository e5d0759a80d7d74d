"""Reading bad and unusual files: encodings, binary data, gzip, NULs, huge files and lines."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.model import InputError

RU = (
    "Министр иностранных дел Казахстана заявил, что переговоры продолжатся на следующей "
    "неделе. Стороны обсудили вопросы сотрудничества и безопасности в регионе."
)
KK = (
    "Қазақстан Республикасының Сыртқы істер министрі келіссөздердің келесі аптада "
    "жалғасатынын мәлімдеді. Тараптар өңірдегі ынтымақтастық пен қауіпсіздік мәселелерін "
    "талқылады."
)
DE = (
    "Der Außenminister erklärte, dass die Gespräche in der nächsten Woche fortgesetzt "
    "würden. Die Seiten erörterten Fragen der Zusammenarbeit und Sicherheit in der Region."
)
AR = (
    "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل، وأكد على أهمية احترام مبادئ "
    "القانون الدولي وميثاق الأمم المتحدة في جميع الظروف."
)


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    """Write bytes to a file and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU, "utf-8"),
        (RU, "utf-8-sig"),
        (RU, "cp1251"),
        (RU, "koi8-r"),
        (RU, "iso-8859-5"),
        (RU, "cp866"),
        (KK, "utf-8"),
        (KK, "kz1048"),
        (KK, "ptcp154"),
        (DE, "cp1252"),
        (DE, "latin-1"),
        (AR, "cp1256"),
        (RU, "utf-16"),
        (RU, "utf-16-le"),
        (RU, "utf-16-be"),
        (DE, "utf-16-le"),
        (AR, "utf-16"),
    ],
    ids=lambda value: value if len(value) < 20 else value[:3],
)
def test_encodings_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    """Text in common Russian, Central Asian, Western and Arabic encodings reads back intact."""
    page = f"{text}\n\n{text.replace('.', '!')}\n"
    raw = read_document(_write(tmp_path, f"page-{encoding}.txt", page.encode(encoding)))
    assert raw.text.strip() == page.strip()
    assert text in clean_document(raw).body


def test_html_charset_declared(tmp_path: Path) -> None:
    """A cp1251 page declaring its charset in a meta tag is decoded by it."""
    page = f'<html><head><meta charset="windows-1251"><title>Т</title></head><body><p>{RU}</p>'
    raw = read_document(_write(tmp_path, "page.html", page.encode("cp1251")))
    assert raw.kind == "html"
    assert RU in clean_document(raw).body


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary"),
        ("zeros.html", b"\x00" * 5000, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \t\n", "empty"),
        ("corrupt.html.gz", b"\x1f\x8b\x08\x00" + b"not really gzip" * 20, "gzip"),
    ],
)
def test_unreadable_files_give_one_line_errors(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    """Binary, empty and corrupt files raise InputError with a short one-line reason."""
    with pytest.raises(InputError) as info:
        read_document(_write(tmp_path, name, data))
    message = str(info.value)
    assert reason in message
    assert "\n" not in message and len(message) < 200


def test_missing_path_and_directory(tmp_path: Path) -> None:
    """A missing path and a directory are one-line errors too."""
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


def test_html_gz_that_is_not_gzip_is_an_error(tmp_path: Path) -> None:
    """A page named .html.gz but not compressed gets a one-line error (a mislabelled file)."""
    page = f"<html><head><title>Talks</title></head><body><article><p>{DE}</p></article>"
    with pytest.raises(InputError, match="not gzip"):
        read_document(_write(tmp_path, "page.html.gz", page.encode("utf-8")))


def test_gzip_text_dump(tmp_path: Path) -> None:
    """A gzip-compressed text dump is decompressed."""
    raw = read_document(_write(tmp_path, "dump.txt.gz", gzip.compress(RU.encode("utf-8"))))
    assert raw.kind == "text"
    assert RU in clean_document(raw).body


def test_nul_bytes_and_control_characters_removed(tmp_path: Path) -> None:
    """A few NULs and stray control characters in text are dropped, the text kept."""
    noisy = DE[:40] + "\x00" + DE[40:80] + "\x07\x1b" + DE[80:]
    for kind in ("txt", "html"):
        content = noisy if kind == "txt" else f"<html><body><p>{noisy}</p></body></html>"
        raw = read_document(_write(tmp_path, f"nul.{kind}", content.encode("utf-8")))
        assert "\x00" not in raw.text and "\x07" not in raw.text
        assert DE in clean_document(raw).body


def test_very_long_line(tmp_path: Path) -> None:
    """A multi-megabyte line without breaks is cleaned without losing its text."""
    sentence = "The delegations agreed to continue their consultations next week. "
    text = sentence * 40_000
    raw = read_document(_write(tmp_path, "long.txt", text.encode("utf-8")))
    body = clean_document(raw).body
    assert body.replace("\n\n", " ").split() == text.split()


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    """A 50 MB file gets a clear error without being read into memory."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        read_document(str(path))


def test_broken_front_matter_fields(tmp_path: Path) -> None:
    """Front matter with a tab-indented mess and no closing quote still gives a document."""
    text = "---\ntitle: 'Half quoted\n\tdate: [2024-01-02\n---\n\n" + DE + "\n"
    raw = read_document(_write(tmp_path, "mess.md", text.encode("utf-8")))
    doc = clean_document(raw)
    assert doc.body == DE
    assert doc.title


def test_parse_command_continues_after_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_paths: dict[str, Path]
) -> None:
    """``parse --json`` prints an error object for a bad file and goes on with the others."""
    from diplomareader.cli.parse import main

    bad = _write(tmp_path, "bad.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    good = str(seed_paths["orda"])
    code = main(argparse.Namespace(paths=[good, bad, good], json=True))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [set(line) >= {"path", "error"} for line in lines] == [False, True, False]
    assert lines[1]["path"] == bad and "binary" in lines[1]["error"]
    assert lines[0]["author"] == "Igor Ulitin" and lines[2]["body"] == lines[0]["body"]
    assert lines[0]["cleaning"]["method"] == "text-dump"
