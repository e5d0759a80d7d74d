"""Dates as pages write them, in several languages and orders."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomareader.clean.dates import dayfirst_for_language, find_dates, first_date

D = dt.date(2022, 9, 26)


@pytest.mark.parametrize(
    "text",
    [
        "2022-09-26",
        "2022-09-26T13:35:00+06:00",
        "2022/09/26",
        "26 September 2022, 13:35",
        "September 26, 2022",
        "Sept. 26, 2022 8:03 am ET",
        "Mon 26 Sep 2022",
        "26. September 2022",
        "26 сентября 2022 года",
        "26 қыркүйек 2022",
        "2022 жылғы 26 қыркүйек",
        "2022年9月26日",
        "26 settembre 2022",
        "26 de septiembre de 2022",
        "26.09.2022",
        "09/26/2022",
    ],
)
def test_formats(text: str) -> None:
    """Each way of writing 26 September 2022 is read."""
    assert first_date(text) == D


def test_ambiguous_numeric_dates_follow_the_language() -> None:
    """02/10/2020 is 10 February in the US and 2 October elsewhere."""
    assert first_date("02/10/2020") == dt.date(2020, 2, 10)
    assert first_date("02/10/2020", dayfirst=True) == dt.date(2020, 10, 2)
    assert dayfirst_for_language("en-GB") is True
    assert dayfirst_for_language("en-US") is False
    assert dayfirst_for_language("ru") is True
    assert dayfirst_for_language(None) is None


def test_implausible_numbers_are_not_dates() -> None:
    """Phone numbers, versions and far-future years are not publication dates."""
    assert list(find_dates("Call 12.34.5678 or version 1.2.3")) == []
    assert first_date("31 February 2022") is None
    assert first_date("1 January 2999") is None
