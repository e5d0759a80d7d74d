"""Date expressions of ``date:`` queries, turned into inclusive day ranges.

Accepted forms (each end of a range may use any of them)::

    2022            the whole year
    2022-09         the whole month
    2022-09-01      one day
    2022-09-01..2022-09-30   an inclusive range; either end may be left open (``..2022``)
    >2022-09  >=2022-09  <2023  <=2022-12-31   open-ended comparisons
    -30d  -2w  -6m  -1y      a day that many days/weeks/months/years before today
    >-30d           newer than 30 days ago; ``<-1y`` older than a year
    today  yesterday
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

DateRange = tuple[dt.date | None, dt.date | None]
"""Inclusive ``(first, last)`` days; ``None`` is open."""

_ABSOLUTE: Final = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_RELATIVE: Final = re.compile(r"^-(\d{1,5})([dwmy])$")


class DateSyntaxError(ValueError):
    """A ``date:`` value that could not be read; the message says what is accepted."""


def parse_date_expr(text: str, today: dt.date | None = None) -> DateRange:
    """Read a ``date:`` value into an inclusive range of days (raises DateSyntaxError)."""
    today = today or dt.date.today()
    value = text.strip().lower()
    if not value:
        raise DateSyntaxError("empty date")
    if ".." in value:
        left, _, right = value.partition("..")
        first = _span(left, today)[0] if left else None
        last = _span(right, today)[1] if right else None
        if first is None and last is None:
            raise DateSyntaxError(f"date range {text!r} has no ends")
        if first and last and first > last:
            raise DateSyntaxError(f"date range {text!r} ends before it starts")
        return first, last
    for op in (">=", "<=", ">", "<"):
        if value.startswith(op):
            lo, hi = _span(value[len(op) :], today)
            if op == ">=":
                return lo, None
            if op == ">":
                return hi + dt.timedelta(days=1) if hi < dt.date.max else hi, None
            if op == "<=":
                return None, hi
            return None, lo - dt.timedelta(days=1) if lo > dt.date.min else lo
    if _RELATIVE.match(value):
        # A bare relative date means "since then", the useful reading of ``date:-30d``.
        return _span(value, today)[0], None
    return _span(value, today)


def _span(value: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day denoted by one date (year, month, day or relative)."""
    value = value.strip()
    if value == "today":
        return today, today
    if value == "yesterday":
        day = today - dt.timedelta(days=1)
        return day, day
    rel = _RELATIVE.match(value)
    if rel:
        day = _shift(today, int(rel.group(1)), rel.group(2))
        return day, day
    match = _ABSOLUTE.match(value)
    if not match:
        raise DateSyntaxError(
            f"date {value!r} not understood (use 2022, 2022-09, 2022-09-01, "
            "2022-09-01..2022-09-30, >2022-01 or >-30d)"
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    mday = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if mday is None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        return dt.date(year, month, mday), dt.date(year, month, mday)
    except ValueError as error:
        raise DateSyntaxError(f"date {value!r} is not a real date ({error})") from None


def _shift(today: dt.date, amount: int, unit: str) -> dt.date:
    """``today`` moved back by ``amount`` days, weeks, months or years (clamped)."""
    try:
        if unit == "d":
            return today - dt.timedelta(days=amount)
        if unit == "w":
            return today - dt.timedelta(weeks=amount)
        months = amount * (12 if unit == "y" else 1)
        total = today.year * 12 + today.month - 1 - months
        year, month = divmod(total, 12)
        month += 1
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, min(today.day, last))
    except (OverflowError, ValueError):
        return dt.date.min


def format_range(first: dt.date | None, last: dt.date | None) -> str:
    """The canonical text of a range, as shown in ``understood``."""
    if first and last and first == last:
        return first.isoformat()
    if first and last:
        return f"{first.isoformat()}..{last.isoformat()}"
    if first:
        return f">={first.isoformat()}"
    return f"<={last.isoformat()}" if last else ""
