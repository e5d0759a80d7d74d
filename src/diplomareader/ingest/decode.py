"""Turning file bytes into text: BOMs, UTF-8, UTF-16, and single-byte code pages.

Russian and Central Asian sites often serve cp1251 or KOI8-R; Western pages cp1252 or
latin-1. Detection order: byte-order mark, a charset declared in HTML, strict UTF-8,
BOM-less UTF-16, then a statistical guess restricted to plausible encodings.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import Final

from diplomareader.model import InputError

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)

_GUESS_ENCODINGS: Final = (
    "cp1251",
    "koi8-r",
    "kz1048",
    "cp1252",
    "iso-8859-1",
    "iso-8859-2",
    "cp1250",
    "cp1256",
    "iso-8859-5",
    "mac-cyrillic",
    "cp866",
    "gb18030",
    "big5",
    "shift_jis",
    "euc-kr",
)

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise InputError for binary data."""
    if not data.strip():
        raise InputError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {encoding} after byte-order mark") from error
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(data[: len(data) // 2 * 2].decode(utf16, errors="replace")), utf16
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in _declared_charsets(data, declared):
        try:
            return _checked(data.decode(name)), codecs.lookup(name).name
        except (LookupError, UnicodeDecodeError):
            continue
    return _guess(data)


def _declared_charsets(data: bytes, declared: str | None) -> list[str]:
    """Charsets stated by the caller or by an HTML ``<meta>`` tag (never utf-8: it failed)."""
    names = [declared] if declared else []
    match = _META_CHARSET.search(data[:4096])
    if match:
        names.append(match.group(1).decode("ascii", "replace"))
    return [n for n in names if n and n.lower().replace("_", "-") not in {"utf-8", "utf8"}]


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16: one byte of each pair takes few values (the script's block).

    ASCII-heavy text has zeros there; Cyrillic, Arabic or CJK text a handful of block bytes
    (0x04 for Cyrillic). The other byte varies, and the result must decode to printable text.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    for encoding, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        top = Counter(high).most_common(3)
        if sum(n for _, n in top) < 0.9 * len(high) or len(set(low)) < 8:
            continue
        if len(set(high)) >= len(set(low)):
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
        if printable >= 0.97 * len(text):
            return encoding
    return None


def _looks_binary(data: bytes) -> bool:
    """True for data with many NUL or control bytes (images, archives, executables)."""
    sample = data[:8192]
    if sample.count(0) > max(4, len(sample) // 100):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > len(sample) * 0.05


def _guess(data: bytes) -> tuple[str, str]:
    """Pick the most plausible single- or double-byte encoding for non-UTF-8 bytes."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(_GUESS_ENCODINGS)).best()
    if best is not None and best.encoding:
        encoding = codecs.lookup(best.encoding).name
        if encoding in ("cp1251", "kz1048", "ptcp154"):
            encoding = _cyrillic_code_page(data)
        try:
            return _checked(data.decode(encoding)), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return _checked(data.decode("cp1252", errors="replace")), "cp1252"


_CYRILLIC_ALPHABETS: Final = frozenset(
    "АӘБВГҒҐДЕЁЄЖЗИІЇЙКҚЛМНҢОӨПРСТУҰҮЎФХҺЦЧШЩЪЫЬЭЮЯаәбвгғґдеёєжзиіїйкқлмнңоөпрстуұүўфхһцчшщъыьэюя"
)
"""Letters of Russian, Kazakh, Ukrainian and Belarusian."""


def _cyrillic_code_page(data: bytes) -> str:
    """cp1251, or KZ-1048 / PTCP154 when they read the bytes with fewer letters that none of
    Russian, Kazakh, Ukrainian or Belarusian uses (Kazakh letters read as cp1251 look
    Macedonian or Serbian: Ќ for Қ, њ for ң)."""
    sample = data[:200_000]

    def foreign(encoding: str) -> int:
        text = sample.decode(encoding, errors="replace")
        return sum(
            1 for ch in text if ch.isalpha() and not ch.isascii() and ch not in _CYRILLIC_ALPHABETS
        )

    return min(("cp1251", "kz1048", "ptcp154"), key=foreign)


def _checked(text: str) -> str:
    """Drop NULs and stray control characters; refuse text that is mostly not text."""
    if not text.strip():
        raise InputError("empty file")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 20):
        raise InputError("binary file, not text")
    return _CONTROL.sub("", text) if controls else text
