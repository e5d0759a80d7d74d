"""The bad-input matrix: files a scraper or a browser may leave, written into a folder.

Each case says what must happen: ``error`` (one clear line, the file skipped) or ``ok`` (the
article is read, and the listed words are in its body and found by a search of the index).
Everything is generated here; nothing big is committed.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров заявил журналистам, что переговоры "
    "о зерновой сделке продолжатся в Стамбуле на следующей неделе.\n\n"
    "«Мы не согласны с этой позицией», — подчеркнул министр, добавив, что делегации "
    "обсудят гарантии безопасности судоходства."
)
KAZAKH = (
    "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада өткен кездесуде сөз сөйлеп, "
    "көпвекторлы сыртқы саясатты жалғастыратынын мәлімдеді.\n\n"
    "«Біз бейбітшілік пен тұрақтылықты қолдаймыз», — деді Мемлекет басшысы. "
    "Сыртқы істер министрлігі бұл туралы ресми мәлімдеме жариялады."
)
ARABIC = (
    "قال وزير الخارجية إن المحادثات مع الوفد الإيراني ستستأنف الأسبوع المقبل في جنيف "
    "بعد توقف دام شهرين.\n\n"
    "وأضاف الوزير أن موقف بلاده من الاتفاق النووي لم يتغير، مؤكدا أهمية الحوار."
)
CHINESE = (
    "中国外交部发言人在例行记者会上表示，中方支持通过对话协商解决争端。\n\n"
    "他说：“我们希望各方保持克制，共同维护地区和平稳定。”发言人还介绍了外长访问欧洲的安排。"
)
FRENCH = (
    "Le ministre français des Affaires étrangères a déclaré que les négociations "
    "reprendraient à Genève. « Nous sommes prêts à négocier », a-t-il ajouté.\n\n"
    "Les délégations se réuniront après la trêve, selon le communiqué publié à Paris."
)

SEARCH_WORDS = {
    "russian.txt": ["Лавров", "переговоры", "Стамбуле"],
    "kazakh.txt": ["Тоқаев", "бейбітшілік", "Астанада"],
    "arabic.txt": ["المحادثات", "جنيف"],
    "chinese.txt": ["中方", "克制", "和平稳定"],
    "cp1251.txt": ["Лавров", "гарантии"],
    "latin1.txt": ["négociations", "Genève"],
    "utf16-bom.txt": ["Лавров", "судоходства"],
}
"""Words of each multilingual or re-encoded file that a search of the index must find."""


@dataclass(frozen=True)
class Case:
    """One input file and what reading it must give."""

    name: str
    data: bytes
    expect: str
    """``ok`` or ``error``."""
    words: tuple[str, ...] = ()
    """Words that must appear in the body (``ok`` cases)."""
    error_hint: str = ""
    """A word the one-line error should contain (``error`` cases), lowercase."""
    exact_paragraphs: tuple[str, ...] = field(default=())
    """Paragraphs that must appear in the body unchanged (text kept intact)."""


def _paras(text: str) -> tuple[str, ...]:
    """The paragraphs of ``text``."""
    return tuple(p for p in text.split("\n\n") if p.strip())


def _unclosed_html(count: int) -> bytes:
    """A page whose ``<div>`` and ``<font>`` tags are never closed (deep nesting)."""
    paras = "".join(
        f'<div class="c"><font color="red"><p>Paragraph {n} of the statement: the minister '
        f"said that the talks on point {n} would resume in Geneva next week (mark{n})."
        for n in range(count)
    )
    return f"<html><head><title>Unclosed tags</title></head><body>{paras}".encode()


def _truncated_gzip() -> bytes:
    """A gzip stream cut in the middle (an interrupted download)."""
    page = "<html><body>" + "".join(f"<p>Talks resumed in Geneva, day {n}.</p>" for n in range(500))
    data = gzip.compress(page.encode())
    return data[: len(data) // 2]


def _zip_bytes() -> bytes:
    """A small zip archive (binary)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello " * 200)
    return buffer.getvalue()


def cases() -> list[Case]:
    """The whole matrix, in file-name order."""
    rng = random.Random(7)
    long_line = " ".join(
        f"The delegation said on day {n} that the talks on grain corridors would go on."
        for n in range(30_000)
    )
    out = [
        Case("binary-random.bin", rng.randbytes(8192), "error", error_hint="binary"),
        Case("image.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000), "error", error_hint="binary"),
        Case("archive.zip", _zip_bytes(), "error", error_hint="binary"),
        Case("empty.txt", b"", "error", error_hint="empty"),
        Case("blank.txt", b" \n\n\t \r\n", "error", error_hint="empty"),
        Case("bom-only.txt", b"\xef\xbb\xbf", "error", error_hint="empty"),
        Case(  # a mislabelled download (often an error page): the lead wants it reported
            "page.html.gz",
            b"<html><body><p>Not gzip at all, only named so: the envoys met in Oslo.</p>"
            b"</body></html>",
            "error",
            error_hint="gzip",
        ),
        Case(
            "truncated.html.gz",
            _truncated_gzip(),
            "error",
            error_hint="gzip",
        ),
        Case(
            "real.html.gz",
            gzip.compress(
                b"<html><head><title>Compressed page</title></head><body><article>"
                b"<p>The foreign ministers met in Vienna on Monday to discuss the nuclear "
                b"agreement, officials said.</p></article></body></html>"
            ),
            "ok",
            words=("Vienna", "nuclear"),
        ),
        Case(
            "unclosed.html",
            _unclosed_html(400),
            "ok",
            words=("mark0", "mark255", "mark399"),
        ),
        Case(
            "unclosed-title.html",
            b"<html><head><title>Broken title<body><p>The envoy arrived in Doha for the "
            b"ceasefire talks, the ministry said on Sunday.",
            "ok",
            words=("envoy", "Doha", "ceasefire"),
        ),
        Case(
            "broken-yaml.md",
            b"---\ntitle: [unclosed\ndate: 2022-09-01: x\n  - bad: : :\n---\n\n"
            b"The summit in Samarkand ended with a joint declaration on transport corridors.\n",
            "ok",
            words=("Samarkand", "declaration"),
        ),
        Case(
            "nul-bytes.txt",
            b"Statement\n\nThe ministry\x00 said the embassy in Tbilisi\x00 would reopen "
            b"next month after repairs.\n",
            "ok",
            words=("Tbilisi", "embassy"),
        ),
        Case("long-line.txt", ("Long line\n\n" + long_line).encode(), "ok", words=("corridors",)),
        Case(
            "russian.txt",
            ("Новости\n\n" + RUSSIAN).encode(),
            "ok",
            exact_paragraphs=_paras(RUSSIAN),
        ),
        Case(
            "kazakh.txt",
            ("Жаңалықтар\n\n" + KAZAKH).encode(),
            "ok",
            exact_paragraphs=_paras(KAZAKH),
        ),
        Case("arabic.txt", ("أخبار\n\n" + ARABIC).encode(), "ok", exact_paragraphs=_paras(ARABIC)),
        Case(
            "chinese.txt", ("新闻\n\n" + CHINESE).encode(), "ok", exact_paragraphs=_paras(CHINESE)
        ),
        Case(
            "cp1251.txt",
            ("Новости\n\n" + RUSSIAN).encode("cp1251"),
            "ok",
            exact_paragraphs=_paras(RUSSIAN),
        ),
        Case(
            "latin1.txt",
            ("Actualités\n\n" + FRENCH).encode("latin-1"),
            "ok",
            exact_paragraphs=_paras(FRENCH),
        ),
        Case(
            "utf16-bom.txt",
            ("Новости\n\n" + RUSSIAN).encode("utf-16"),
            "ok",
            exact_paragraphs=_paras(RUSSIAN),
        ),
    ]
    return sorted(out, key=lambda c: c.name)


def write_cases(folder: Path) -> list[Case]:
    """Write every case into ``folder`` (plus a hidden file and a nested good article)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = cases()
    for case in written:
        (folder / case.name).write_bytes(case.data)
    (folder / ".hidden.txt").write_bytes(b"\x00\x01 never read: hidden files are skipped")
    return written


def ok_names(written: list[Case]) -> list[str]:
    """Names of the cases that must be read."""
    return [c.name for c in written if c.expect == "ok"]


def error_names(written: list[Case]) -> list[str]:
    """Names of the cases that must fail."""
    return [c.name for c in written if c.expect == "error"]


def fifo(folder: Path) -> Path | None:
    """A named pipe in ``folder`` (None where the system has none): reading it would block."""
    path = folder / "pipe.txt"
    if not hasattr(os, "mkfifo"):
        return None
    os.mkfifo(path)
    return path
