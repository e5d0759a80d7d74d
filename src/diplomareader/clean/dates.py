"""Finding and parsing publication dates written the many ways pages write them.

Handles ISO dates (``2022-09-26``, ``2022/09/26``), day-month-year and month-day-year with
month names in English, German, French, Italian, Spanish, Portuguese, Dutch, Russian and
Kazakh (``26 September 2022``, ``Sept. 26, 2022``, ``12. November 2015``, ``26 сентября
2022``), and numeric dotted or slashed dates (``26.09.2022``; ``09/26/2022`` when the day
is unambiguous or the order is US style).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

_MONTH_NAMES: Final[dict[int, tuple[str, ...]]] = {
    1: (
        "jan",
        "january",
        "januar",
        "janvier",
        "gennaio",
        "enero",
        "janeiro",
        "januari",
        "январь",
        "января",
        "январ",
        "қаңтар",
    ),
    2: (
        "feb",
        "february",
        "februar",
        "février",
        "fevrier",
        "febbraio",
        "febrero",
        "fevereiro",
        "februari",
        "февраль",
        "февраля",
        "ақпан",
    ),
    3: (
        "mar",
        "march",
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "март",
        "марта",
        "наурыз",
    ),
    4: ("apr", "april", "avril", "aprile", "abril", "апрель", "апреля", "сәуір"),
    5: ("may", "mai", "maggio", "mayo", "maio", "mei", "май", "мая", "мамыр"),
    6: ("jun", "june", "juni", "juin", "giugno", "junio", "junho", "июнь", "июня", "маусым"),
    7: ("jul", "july", "juli", "juillet", "luglio", "julio", "julho", "июль", "июля", "шілде"),
    8: ("aug", "august", "août", "aout", "agosto", "augustus", "август", "августа", "тамыз"),
    9: (
        "sep",
        "sept",
        "september",
        "septembre",
        "settembre",
        "septiembre",
        "setembro",
        "сентябрь",
        "сентября",
        "қыркүйек",
    ),
    10: (
        "oct",
        "october",
        "oktober",
        "octobre",
        "ottobre",
        "octubre",
        "outubro",
        "okt",
        "октябрь",
        "октября",
        "қазан",
    ),
    11: ("nov", "november", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "қараша"),
    12: (
        "dec",
        "december",
        "dezember",
        "décembre",
        "decembre",
        "dicembre",
        "diciembre",
        "dezembro",
        "dez",
        "декабрь",
        "декабря",
        "желтоқсан",
    ),
}
MONTHS: Final[dict[str, int]] = {name: num for num, names in _MONTH_NAMES.items() for name in names}
"""Month name (lower case, also abbreviations) -> month number."""

_MONTH_RE: Final = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY: Final = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR: Final = r"(?P<y>(?:19|20)\d\d)"
_MON: Final = rf"(?P<m>{_MONTH_RE})\.?"

_PATTERNS: Final = (
    # 2022-09-26, 2022/09/26, 2022.09.26 (also inside URLs and ISO timestamps)
    (
        "ymd",
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
    ),
    # 26 September 2022, 26. September 2022, 26 Sept., 2022, 20 Jan, 2020
    ("dMy", re.compile(rf"(?<!\w){_DAY}\s*(?:de\s+)?{_MON}(?:\s+de)?,?\s+{_YEAR}(?!\d)", re.I)),
    # September 26, 2022; Sept. 26th 2022; Feb 8, 2020
    ("Mdy", re.compile(rf"(?<!\w){_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I)),
    # 2022年9月26日 (Chinese, Japanese)
    ("ymd", re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")),
    # 2022 жылғы 26 қыркүйек (Kazakh: year first)
    ("YdM", re.compile(rf"{_YEAR}\s*(?:жылғы|жылы|ж\.)\s*{_DAY}\s*{_MON}(?!\w)", re.I)),
    # 26.09.2022, 26/09/2022, 09/26/2022, 01.21.2020
    (
        "num",
        re.compile(
            r"(?<![\d.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d|[0-3]\d)[./](?P<y>(?:19|20)\d\d)(?!\d)"
        ),
    ),
)

_TODAY_LIMIT_YEARS: Final = 1
"""Dates further in the future than this are not publication dates."""


def _valid(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers do not make a plausible publication date."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if date.year < 1990 or date.year > dt.date.today().year + _TODAY_LIMIT_YEARS:
        return None
    return date


def find_dates(text: str, dayfirst: bool | None = None) -> Iterator[tuple[int, dt.date]]:
    """Yield ``(position, date)`` for every date written in ``text``, in order of position.

    ``dayfirst`` settles numeric dates such as ``02/10/2020`` (True: 2 October); by default
    dotted dates are read day first and slashed ones month first (US style).
    """
    found: list[tuple[int, int, dt.date]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _from_match(kind, match, dayfirst)
            if date is None:
                continue
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in found):
                continue
            found.append((start, end, date))
    for start, _, date in sorted(found, key=lambda item: item[0]):
        yield start, date


def first_date(text: str, dayfirst: bool | None = None) -> dt.date | None:
    """The first date written in ``text``, or None."""
    for _, date in find_dates(text, dayfirst):
        return date
    return None


def parse_date(value: object) -> dt.date | None:
    """Parse a date given as a string (any supported format), date or datetime."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        return None
    return first_date(str(value))


def _from_match(kind: str, match: re.Match[str], dayfirst: bool | None) -> dt.date | None:
    """Turn one regex match of pattern ``kind`` into a date."""
    year = int(match.group("y"))
    if kind == "ymd":
        return _valid(year, int(match.group("m")), int(match.group("d")))
    if kind in ("dMy", "Mdy", "YdM"):
        month = MONTHS.get(match.group("m").lower().rstrip("."))
        if month is None:
            return None
        return _valid(year, month, int(match.group("d")))
    first, second = int(match.group("a")), int(match.group("b"))
    if first > 12 >= second:
        return _valid(year, second, first)
    if second > 12 >= first:
        return _valid(year, first, second)
    # Ambiguous (both <= 12): dotted is day-first in most of the world, slashed US style.
    if dayfirst is None:
        dayfirst = match.group(0)[len(match.group("a"))] == "."
    if dayfirst:
        return _valid(year, second, first)
    return _valid(year, first, second)


def dayfirst_for_language(lang: str | None) -> bool | None:
    """Whether numeric dates are day first for a page language tag (None: unknown/plain en)."""
    if not lang:
        return None
    tag = lang.strip().lower().replace("_", "-")
    if tag in ("en", "") or tag.startswith(("en-us", "en-ph", "en-ca")):
        return False if tag.startswith("en-") else None
    return True
