"""Text-dump cleaning on small hand-written pages: what must be kept and what must go."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplomareader.clean import clean_document
from diplomareader.ingest import read_document
from diplomareader.model import CleanedDocument

P1 = (
    "The foreign ministers met in Geneva on Monday to discuss the ceasefire, and agreed to "
    "meet again next month after a long session that ran late into the night."
)
P2 = (
    "Officials said the talks had been difficult but constructive, and that both sides had "
    "presented written proposals on the exchange of prisoners and the return of civilians."
)
P3 = (
    "A joint statement is expected on Friday, according to diplomats familiar with the "
    "negotiations, who spoke on condition of anonymity because they were not authorised."
)


def _clean_text(tmp_path: Path, text: str, name: str = "page.txt") -> CleanedDocument:
    """Write ``text`` to a file and clean it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return clean_document(read_document(str(path)))


def _page(*middle: str, head: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    """A dump: menu, headline and date, then ``middle``, then footer lists."""
    top = ("Home", "World", "Politics", "Business", "Sport", "Search")
    return (
        "\n".join(
            (
                *top,
                *head,
                "Ministers agree to meet again in Geneva",
                "12 March 2024",
                "",
                *middle,
                "",
                *tail,
            )
        )
        + "\n"
    )


def test_keeps_every_paragraph_in_order(tmp_path: Path) -> None:
    """All prose paragraphs survive, in order, one per paragraph."""
    doc = _clean_text(tmp_path, _page(P1, "", P2, "", P3))
    assert doc.body.split("\n\n") == [P1, P2, P3]
    assert doc.title == "Ministers agree to meet again in Geneva"
    assert doc.date == dt.date(2024, 3, 12)


def test_keeps_short_subheading_and_colon_lines(tmp_path: Path) -> None:
    """A subheading and a quote-introducing colon line inside the article are kept."""
    doc = _clean_text(tmp_path, _page(P1, "What comes next", P2, "The minister said:", P3))
    assert doc.body.split("\n\n") == [P1, "What comes next", P2, "The minister said:", P3]


def test_drops_related_and_read_also_lists(tmp_path: Path) -> None:
    """Link lists after section headings are dropped, inside and after the article."""
    text = _page(
        P1,
        "Read also",
        "Prime minister visits Astana",
        "Talks on the border resume",
        P2,
        P3,
        tail=(
            "Related news",
            "Election results announced",
            "Storm hits the coast",
            "Most read",
            "1 Markets fall",
            "2 Team wins the cup",
        ),
    )
    doc = _clean_text(tmp_path, text)
    assert doc.body.split("\n\n") == [P1, P2, P3]
    assert doc.report.dropped["link-list"] >= 3


def test_drops_captions_credits_and_bylines(tmp_path: Path) -> None:
    """A caption followed by its credit and a byline go; the byline gives the author."""
    text = _page(
        "By Jane Example",
        "The ministers before the meeting.",
        "Photo: John Doe / Agency",
        P1,
        P2,
        "Photo credit: Press service",
        P3,
    )
    doc = _clean_text(tmp_path, text)
    assert doc.body.split("\n\n") == [P1, P2, P3]
    assert doc.author == "Jane Example"
    assert doc.report.dropped["caption"] >= 3


def test_drops_about_block_share_prompts_and_cookie_notice(tmp_path: Path) -> None:
    """An "About us" block, share buttons, subscribe prompt and cookie notice are dropped."""
    about = (
        "The Agency is a leading provider of independent news about diplomacy, founded in "
        "1999 and based in Vienna with correspondents in forty countries around the world."
    )
    text = _page(
        "Share",
        "Twitter",
        "Facebook",
        P1,
        P2,
        P3,
        "Subscribe to our newsletter",
        "About us",
        about,
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    )
    doc = _clean_text(tmp_path, text)
    assert doc.body.split("\n\n") == [P1, P2, P3]


def test_dateline_kept_and_gives_source(tmp_path: Path) -> None:
    """A wire dateline stays at the head of the body and names the source."""
    first = "GENEVA (Reuters) - " + P1
    doc = _clean_text(tmp_path, _page(first, P2))
    assert doc.body.startswith("GENEVA (Reuters) - The foreign ministers")
    assert doc.source == "Reuters"


def test_scripts_kept_intact(tmp_path: Path) -> None:
    """Russian, Kazakh, Arabic and Chinese prose survives unchanged."""
    ru = (
        "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе, "
        "и подчеркнул важность соблюдения принципов международного права."
    )
    kk = (
        "Қазақстан Республикасының Сыртқы істер министрі келіссөздердің келесі аптада "
        "жалғасатынын мәлімдеді және халықаралық құқық қағидаттарының маңызын атап өтті."
    )
    ar = (
        "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل، وأكد على أهمية احترام "
        "مبادئ القانون الدولي وميثاق الأمم المتحدة في جميع الظروف."
    )
    zh = (
        "外交部长表示，谈判将于下周继续进行，"
        "并强调遵守国际法原则和联合国宪章的重要性。双方同意保持密切沟通。"
    )
    doc = _clean_text(tmp_path, _page(ru, "", kk, "", ar, "", zh))
    assert doc.body.split("\n\n") == [ru, kk, ar, zh]


def test_entities_and_whitespace_normalised(tmp_path: Path) -> None:
    """HTML entities are decoded and runs of spaces collapsed, without joining paragraphs."""
    raw_p1 = P1.replace(" and ", " &amp;  ", 1).replace("Geneva", "Geneva&nbsp;")
    doc = _clean_text(tmp_path, _page(raw_p1 + "   ", "", "\t" + P2))
    first, second = doc.body.split("\n\n")
    assert "&amp;" not in first and "&" in first and "  " not in first
    assert second == P2


def test_empty_result_still_has_title(tmp_path: Path) -> None:
    """A page with no prose gives an empty body and a title from the file name."""
    doc = _clean_text(tmp_path, "Home\nNews\nContact\n", name="my-saved_page.txt")
    assert doc.body == ""
    assert doc.title


def test_hard_wrapped_dump_is_unwrapped(tmp_path: Path) -> None:
    """A dump wrapped at 72 columns (lynx, email) gets its paragraphs back whole."""
    import textwrap

    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in (P1, P2, P3))
    menu = tuple(f"Section {n}" for n in range(80))
    text = _page(wrapped, head=menu, tail=("Related news", "Storm hits the coast", "Markets fall"))
    doc = _clean_text(tmp_path, text)
    assert doc.body.split("\n\n") == [P1, P2, P3]
    assert doc.title == "Ministers agree to meet again in Geneva"


def test_url_only_when_stated(tmp_path: Path) -> None:
    """A URL line at the top is the page's address; links inside menus are not."""
    stated = _clean_text(tmp_path, "URL: https://example.org/news/1\n" + _page(P1, P2))
    assert stated.url == "https://example.org/news/1"
    menu_link = _clean_text(tmp_path, _page(P1, P2, head=("Shop https://example.org/shop",)))
    assert menu_link.url is None
