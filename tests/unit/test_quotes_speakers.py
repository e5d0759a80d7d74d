"""Speaker attribution fixes of the second pass: clause limits, dashes, appositions, roles."""

from __future__ import annotations

import pytest

from diplomareader.extract.quotes import extract_quotes
from diplomareader.model import Entity, Mention


def _speakers(body: str) -> list[str | None]:
    """The speaker of each quote of ``body`` (offsets checked)."""
    quotes = extract_quotes(body)
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text
    return [q.speaker for q in quotes]


def test_title_that_is_also_a_cue_word_does_not_block_the_cue() -> None:
    """ "State spokesman X said": "State" is part of the title, not the verb "state"."""
    body = "“We take our obligations very seriously,” State spokesman Ned Price said Friday."
    assert _speakers(body) == ["Ned Price"]


def test_lower_case_state_title_before_an_inverted_name() -> None:
    """ "state Sen. X (D) said" keeps the senator."""
    body = "“We are tying their hands,” state Sen. Jason Holsman (D) said in the chamber."
    assert _speakers(body) == ["Jason Holsman"]


def test_cue_of_a_relative_clause_after_a_quote_is_not_the_attribution() -> None:
    """ "- “…” - diplomats who watched the talks said they were calm": not the diplomats."""
    body = (
        "Josep Borrell questioned the timing - “does it have to happen this week?” - "
        "and diplomats who watched the talks said they were unfazed."
    )
    assert _speakers(body) == ["Josep Borrell"]


@pytest.mark.parametrize(
    "body",
    [
        "Ursula von der Leyen accused Moscow of “weaponising energy” and "
        "Olaf Scholz says it will not work.",
        "Ursula von der Leyen said the talks were “going nowhere” until "
        "Olaf Scholz said he would join them.",
    ],
)
def test_cue_in_a_following_coordinated_clause_belongs_to_that_clause(body: str) -> None:
    """A quote ends its clause: "“…” and Y says" / "“…” until Y said" are not Y's quote."""
    assert _speakers(body) == ["Ursula von der Leyen"]


def test_two_names_joined_by_and_still_take_the_quote() -> None:
    """ "“…,” A and B wrote." — co-authors share the quote (the first is kept)."""
    body = "“The sanctions are leaking,” Maria Snegovaya and Max Bergmann wrote."
    assert _speakers(body) == ["Max Bergmann"] or _speakers(body) == ["Maria Snegovaya"]


def test_double_hyphen_is_a_dash_that_ends_a_phrase() -> None:
    """ "-- complete with a teleprompter -- X told": the name after the dash speaks."""
    body = (
        "Closing the summit with a formal speech -- complete with a teleprompter -- "
        'Shavkat Mirziyoyev told delegates that "we open a new chapter," and he thanked them.'
    )
    assert _speakers(body) == ["Shavkat Mirziyoyev"]


def test_next_sentence_with_an_object_is_not_the_attribution() -> None:
    """ "“….” Y announced a new package": Y's own sentence, the quote stays with its speaker."""
    body = (
        "Sergey Lavrov said the talks were over. “We see no point in meeting again.” "
        "Antony Blinken announced a new package of sanctions on Friday."
    )
    assert _speakers(body) == ["Sergey Lavrov"]


def test_next_sentence_after_a_full_stop_names_a_new_speaker_with_a_clause() -> None:
    """ "“….” This step, Moscow claimed, ...": a cue inside the next sentence is not the quote's."""
    body = (
        "On Friday, Volodymyr Zelensky wrote, “The grain corridor stays open.” "
        "This step, the Kremlin claimed, violates the deal."
    )
    assert _speakers(body) == ["Volodymyr Zelensky"]


@pytest.mark.parametrize(
    "body",
    [
        "“The treaty is dead.” Josep Borrell said on Monday.",
        "“The treaty is dead.” Josep Borrell told reporters in Brussels.",
        "“Is the treaty dead?” Josep Borrell asked.",
    ],
)
def test_bare_attribution_after_a_full_stop_still_counts(body: str) -> None:
    """ "“….” X said on Monday." — a new sentence that only attributes the quote."""
    assert _speakers(body) == ["Josep Borrell"]


def test_surname_that_is_a_work_word_is_not_a_title_marker() -> None:
    """ "the comment by Dr. Paul Song “…”" — "Song" is a name, the quote is kept."""
    body = (
        "Bernie Sanders said on Thursday that the comment by Dr. Paul Song "
        "“was inappropriate and insensitive.”"
    )
    assert _speakers(body) == ["Bernie Sanders"]


def test_went_on_alone_is_a_cue() -> None:
    """ "“…?” X went on, as if …" attributes the quote; "went on for hours" does not."""
    body = (
        "Tokayev listened. “You know, it happens, right?” Nikol Pashinyan went on, "
        "as if he had not heard. The talks went on for hours."
    )
    assert _speakers(body) == ["Nikol Pashinyan"]


def test_title_word_used_as_a_surname() -> None:
    """ "King says" without a determiner is a person called King, not "the king"."""
    body = (
        "Billie Jean King won twelve titles while Ali was rising to stardom. "
        "King says Ali “talked the talk and walked the walk.”"
    )
    assert _speakers(body) == ["Billie Jean King"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“Positions will soften,” Senator Rand Paul’s chief of staff, Doug Stafford, "
            "told Politico.",
            "Doug Stafford",
        ),
        ("“We need him home,” his wife, Gabriela Lazar, wrote in a letter.", "Gabriela Lazar"),
        (
            "Mark Holden, chairman of the board of Freedom Partners, the network’s funding "
            "arm, said “a candidate must earn it.”",
            "Mark Holden",
        ),
    ],
)
def test_name_inside_or_before_a_long_apposition(body: str, speaker: str) -> None:
    """The person's name wins over a role or an organisation in the apposition."""
    assert _speakers(body) == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., said in an interview.',
        '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was among those '
        "polled, said in an interview.",
    ],
)
def test_a_place_in_the_apposition_is_not_the_speaker(body: str) -> None:
    """ "X, 30, of Raleigh, N.C., said": the place names where X lives."""
    assert _speakers(body) == ["Harry Bond"]


def test_title_with_of_before_the_name() -> None:
    """ "former secretary of state X said": "of state" belongs to the title."""
    body = "“The first line of defence is at home,” former secretary of state Hillary Clinton said."
    assert _speakers(body) == ["Hillary Clinton"]


def test_what_x_called_is_x() -> None:
    """ "the hope of shedding what X called “…”": the preposition is not before X."""
    body = "They dropped the hope of shedding what David Gilbert called “a perception problem.”"
    assert _speakers(body) == ["David Gilbert"]


def _person(name: str, body: str, *texts: str) -> Entity:
    """A person entity with a mention at the first occurrence of each of ``texts``."""
    mentions = tuple(Mention(t, body.index(t), body.index(t) + len(t)) for t in texts)
    return Entity(name, "person", (), mentions)


def test_wrongly_merged_entity_does_not_rename_the_speaker() -> None:
    """An entity whose canonical name lacks the written surname is not the speaker's name."""
    body = "Gov. Rick Scott (R) blasted Congress. “Stop playing politics with Zika,” Scott said."
    start = body.rindex("Scott")
    wrong = Entity("Marco Rubio", "person", ("Scott",), (Mention("Scott", start, start + 5),))
    assert [q.speaker for q in extract_quotes(body, [wrong])] == ["Rick Scott"]


def test_other_first_name_is_another_person() -> None:
    """ "Bill Clinton" overlapping a "Clinton" mention of Hillary Clinton stays Bill Clinton."""
    body = "“She thinks the tests are too much,” Bill Clinton said in Cheyenne."
    start = body.index("Clinton")
    hillary = Entity(
        "Hillary Clinton", "person", ("Clinton",), (Mention("Clinton", start, start + 7),)
    )
    assert [q.speaker for q in extract_quotes(body, [hillary])] == ["Bill Clinton"]


def test_spelling_variants_and_titles_still_take_the_canonical_name() -> None:
    """Toqayev -> "Kassym-Jomart Tokayev"; a title at the head of a canonical name is ignored."""
    body = "“We are neutral,” Qasym-Jomart Toqayev said. “We agree,” Ted Cruz said."
    tokayev = _person("Kassym-Jomart Tokayev", body, "Qasym-Jomart Toqayev")
    cruz = _person("Sen. Ted Cruz", body, "Ted Cruz")
    speakers = [q.speaker for q in extract_quotes(body, [tokayev, cruz])]
    assert speakers == ["Kassym-Jomart Tokayev", "Sen. Ted Cruz"]


def test_dash_byline_after_a_full_stop() -> None:
    """ "“….” ― Name" under a quote is its attribution even after a sentence-final stop."""
    body = "“The ceasefire must hold. Everyone loses otherwise.” ― Aigerim Bekova"
    assert _speakers(body) == ["Aigerim Bekova"]
