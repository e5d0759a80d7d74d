"""Quote patterns the extractor must handle, on cases written for this project."""

from __future__ import annotations

import pytest

from diplomareader.extract.quotes import extract_quotes
from diplomareader.model import Entity, Mention, Quote


def _one(body: str) -> Quote:
    """The single quote of ``body`` (offsets checked)."""
    quotes = extract_quotes(body)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert body[quote.start : quote.end] == quote.text
    return quote


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('"We will not recognise the vote," Murat Nurtleu said.', "We will not recognise the vote"),
        ("“We will not recognise the vote,” Murat Nurtleu said.", "We will not recognise the vote"),
        ("«We will not recognise the vote», Murat Nurtleu said.", "We will not recognise the vote"),
        (
            "« We will not recognise the vote », Murat Nurtleu said.",
            "We will not recognise the vote",
        ),
        ("„We will not recognise the vote“, Murat Nurtleu said.", "We will not recognise the vote"),
        ("„We will not recognise the vote”, Murat Nurtleu said.", "We will not recognise the vote"),
        ("”We will not recognise the vote”, Murat Nurtleu said.", "We will not recognise the vote"),
    ],
)
def test_quotation_mark_styles(body: str, text: str) -> None:
    """Straight, typographic, guillemet (with inner spaces), low-high and Swedish marks."""
    quote = _one(body)
    assert quote.text == text
    assert (quote.speaker, quote.cue) == ("Murat Nurtleu", "said")


@pytest.mark.parametrize(
    ("body", "speaker", "mention", "cue"),
    [
        ("“The talks were useful,” said Murat Nurtleu.", "Murat Nurtleu", "Murat Nurtleu", "said"),
        ("Murat Nurtleu said: “The talks were useful.”", "Murat Nurtleu", "Murat Nurtleu", "said"),
        (
            "Murat Nurtleu said that “the talks were useful.”",
            "Murat Nurtleu",
            "Murat Nurtleu",
            "said",
        ),
        (
            "“The talks were useful,” Aibek Smadyarov, the ministry's spokesperson, said.",
            "Aibek Smadyarov",
            "Aibek Smadyarov",
            "said",
        ),
        (
            "“The talks were useful,” said Aibek Smadyarov, the ministry's spokesperson.",
            "Aibek Smadyarov",
            "Aibek Smadyarov",
            "said",
        ),
        (
            "“The talks were useful,” Kazakh Foreign Minister Murat Nurtleu told reporters.",
            "Murat Nurtleu",
            "Murat Nurtleu",
            "told",
        ),
        (
            "“The talks were useful,” Sen. Jim Risch (R-Idaho) said on Monday.",
            "Jim Risch",
            "Jim Risch",
            "said",
        ),
        (
            "“The talks were useful,” Ms. Zakharova pointed out.",
            "Zakharova",
            "Zakharova",
            "pointed out",
        ),
        (
            "Maria Zakharova, the ministry's spokeswoman, said the talks were “useful and frank.”",
            "Maria Zakharova",
            "Maria Zakharova",
            "said",
        ),
        (
            "“The talks were useful and frank” — Murat Nurtleu",
            "Murat Nurtleu",
            "Murat Nurtleu",
            None,
        ),
        (
            "“The talks were useful,” according to Murat Nurtleu.",
            "Murat Nurtleu",
            "Murat Nurtleu",
            "according to",
        ),
        (
            "According to Murat Nurtleu, “the talks were useful.”",
            "Murat Nurtleu",
            "Murat Nurtleu",
            "according to",
        ),
        (
            "“The talks were useful,” the Kazakh Ministry of Foreign Affairs said in a statement.",
            "Kazakh Ministry of Foreign Affairs",
            "Kazakh Ministry of Foreign Affairs",
            "said",
        ),
    ],
)
def test_speaker_before_or_after_with_titles(
    body: str, speaker: str, mention: str, cue: str | None
) -> None:
    """Speaker before or after the quote, with titles, appositions, dashes, "according to"."""
    quote = _one(body)
    assert (quote.speaker, quote.speaker_mention, quote.cue) == (speaker, mention, cue)


def test_inverted_cue_with_a_role_resolves_to_the_titled_person() -> None:
    """ "said the President" takes the person named earlier with that title."""
    body = (
        "President Shavkat Mirziyoyev met the delegation in Tashkent.\n\n"
        "“Our doors are open to investors,” said the President."
    )
    quote = _one(body)
    assert (quote.speaker, quote.speaker_mention, quote.cue) == (
        "Shavkat Mirziyoyev",
        "the President",
        "said",
    )


def test_role_prefers_the_person_with_that_title() -> None:
    """ "the minister noted" goes to the minister, not to the last speaker."""
    body = (
        "Foreign Minister Ararat Mirzoyan arrived in Astana on Monday.\n\n"
        "“The border must be demarcated,” President Ilham Aliyev said.\n\n"
        "“We are ready for the talks,” the minister noted."
    )
    quotes = extract_quotes(body)
    assert [q.speaker for q in quotes] == ["Ilham Aliyev", "Ararat Mirzoyan"]
    assert quotes[1].speaker_mention == "the minister"


def test_pronouns_take_the_last_named_speaker() -> None:
    """ "he added" / "she said" go to the last named speaker, across paragraphs."""
    body = (
        "“The referendums have no legal force,” Dmytro Kuleba said.\n\n"
        "Officials in Kyiv met later that day.\n\n"
        "“We will never accept them,” he added.\n\n"
        "“Europe stands with Ukraine,” Annalena Baerbock said. “Our support will last,” she said."
    )
    quotes = extract_quotes(body)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [
        ("Dmytro Kuleba", "Dmytro Kuleba"),
        ("Dmytro Kuleba", "he"),
        ("Annalena Baerbock", "Annalena Baerbock"),
        ("Annalena Baerbock", "she"),
    ]


def test_pronoun_follows_reported_speech() -> None:
    """A named subject of a cue verb without a quote is an antecedent too."""
    body = (
        "“The sanctions are working,” Josep Borrell said.\n\n"
        "Antony Blinken stressed that the allies were united.\n\n"
        "“We will keep the pressure on,” he said."
    )
    quotes = extract_quotes(body)
    assert [q.speaker for q in quotes] == ["Josep Borrell", "Antony Blinken"]


def test_split_quote_around_the_cue() -> None:
    """ "“A,” he said, “B.”" gives two quotes by the same speaker."""
    body = "“We want peace,” Recep Tayyip Erdogan said, “but not at any price.”"
    quotes = extract_quotes(body)
    assert [q.text for q in quotes] == ["We want peace", "but not at any price."]
    assert [q.speaker for q in quotes] == ["Recep Tayyip Erdogan"] * 2


def test_multi_paragraph_quote_opens_each_paragraph() -> None:
    """Paragraphs each open with a mark and only the last closes: one quote."""
    body = (
        "Antonio Guterres said:\n\n"
        "“The war must stop. Civilians are paying the highest price.\n\n"
        "“Humanitarian access must be granted without delay.\n\n"
        "“The Charter is not optional.”\n\n"
        "The Security Council meets again on Friday."
    )
    quote = _one(body)
    assert quote.text.startswith("The war must stop.")
    assert quote.text.endswith("The Charter is not optional.")
    assert "Humanitarian access" in quote.text
    assert quote.speaker == "Antonio Guterres"


def test_multi_paragraph_quote_with_cue_in_first_paragraph() -> None:
    """A quote opened with its cue in the first paragraph carries on to the closing mark."""
    body = (
        "“We will defend our sovereignty,” Volodymyr Zelensky said. "
        "“Every city will be rebuilt.\n\n"
        "“No referendum at gunpoint changes our borders.”"
    )
    quotes = extract_quotes(body)
    assert len(quotes) == 2
    assert quotes[1].text.startswith("Every city will be rebuilt.")
    assert quotes[1].text.endswith("changes our borders.")
    assert quotes[1].speaker == "Volodymyr Zelensky"


def test_colon_block_quote_without_marks() -> None:
    """ "X had said:" then a paragraph without marks is X's quote."""
    body = (
        "The remark was made in 2022.\n\n"
        "Shavkat Mirziyoyev had said:\n\n"
        "Central Asia must decide its own future, without pressure from anyone.\n\n"
        "The speech was widely reported."
    )
    quote = _one(body)
    assert quote.text == "Central Asia must decide its own future, without pressure from anyone."
    assert (quote.speaker, quote.cue) == ("Shavkat Mirziyoyev", "said")


def test_colon_that_is_not_a_lead_in_is_ignored() -> None:
    """A paragraph ending with a colon but no speaker and cue introduces no quote."""
    body = (
        "The agenda included the following items:\n\n"
        "Trade, transit and water management in the region."
    )
    assert extract_quotes(body) == []


def test_partial_quote_inside_reported_speech() -> None:
    """A short quoted phrase inside reported speech is a quote of the reporting subject."""
    body = "Maria Zakharova described the statement as “absolutely unacceptable” on Thursday."
    quote = _one(body)
    assert quote.text == "absolutely unacceptable"
    assert quote.speaker == "Maria Zakharova"


@pytest.mark.parametrize(
    "body",
    [
        "The so-called “referendums” were held in occupied regions.",
        "He read “The Art of the Deal” on the plane.",
        "The book “Diplomacy in a Changing World Order” was presented in Astana.",
        "The “Nurly Zhol” programme was extended.",
        "Officials discussed the “Middle Corridor” route again.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(body: str) -> None:
    """Scare quotes and titles of works are not quotes."""
    assert extract_quotes(body) == []


def test_apostrophes_are_never_quote_marks() -> None:
    """’ between letters (and after a plural) is an apostrophe, not a mark."""
    body = (
        "Kazakhstan’s position hasn’t changed, the ministry’s officials said. The leaders’ "
        "meeting is on Friday. “It’s a good day for Astana’s diplomacy,” Murat Nurtleu said."
    )
    quote = _one(body)
    assert quote.text == "It’s a good day for Astana’s diplomacy"
    assert quote.speaker == "Murat Nurtleu"


def test_single_quotes_at_top_level() -> None:
    """British-style single quotes make a quote; an apostrophe inside does not close it."""
    body = "‘We won’t accept this outcome,’ Liz Truss said."
    quote = _one(body)
    assert quote.text == "We won’t accept this outcome"
    assert quote.speaker == "Liz Truss"


def test_nested_quotes_stay_inside() -> None:
    """A nested quote of another kind does not close the outer one."""
    body = "«Мы называем это „специальной операцией“ и не иначе», — Dmitry Peskov said."
    quote = _one(body)
    assert quote.text == "Мы называем это „специальной операцией“ и не иначе"


def test_unclosed_mark_does_not_abort_the_document() -> None:
    """A stray opening mark is dropped; the quotes after it are still found."""
    body = (
        'The minister called the plan "a mistake and left.\n\n'
        "“The referendum is illegal,” Annalena Baerbock said.\n\n"
        "“We will respond,” she added."
    )
    quotes = extract_quotes(body)
    assert [q.text for q in quotes][-2:] == ["The referendum is illegal", "We will respond"]
    assert [q.speaker for q in quotes][-2:] == ["Annalena Baerbock"] * 2


def test_no_speaker_when_the_text_does_not_say() -> None:
    """A quote with no cue anywhere near has no speaker."""
    body = (
        "The banner read in large letters across the square: nothing.\n\n"
        "“Peace now, peace forever, peace for all.”"
    )
    quote = _one(body)
    assert quote.speaker is None


def test_entities_give_canonical_names() -> None:
    """A speaker mention overlapping a person mention takes the entity's canonical name."""
    body = (
        "“The talks were constructive,” Toqayev said. “We agreed on transit,” the President added."
    )
    start = body.index("Toqayev")
    entity = Entity(
        "Kassym-Jomart Tokayev",
        "person",
        ("Toqayev",),
        (Mention("Toqayev", start, start + len("Toqayev")),),
    )
    quotes = extract_quotes(body, [entity])
    assert [q.speaker for q in quotes] == ["Kassym-Jomart Tokayev"] * 2
    assert [q.speaker_mention for q in quotes] == ["Toqayev", "the President"]


def test_empty_and_markless_bodies() -> None:
    """No paragraphs, no marks: no quotes, no error."""
    assert extract_quotes("") == []
    assert extract_quotes("\n\n  \n") == []
    assert extract_quotes("Nothing was said today.") == []
    assert extract_quotes('"') == []
    assert extract_quotes("“") == []
