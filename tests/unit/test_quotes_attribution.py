"""Attribution rules beyond the basic templates: participles, subjects, unnamed speakers."""

from __future__ import annotations

import pytest

from diplomareader.extract.quotes import extract_quotes


def _speakers(body: str) -> list[tuple[str | None, str | None]]:
    """``(speaker, speaker_mention)`` of each quote of ``body`` (offsets checked)."""
    quotes = extract_quotes(body)
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text
    return [(q.speaker, q.speaker_mention) for q in quotes]


def test_participle_takes_the_subject_of_the_main_clause() -> None:
    """ ", adding “...”" belongs to whoever the main clause says spoke."""
    body = (
        "“The corridor is open,” Mukhtar Tileuberdi said on Tuesday, adding that "
        "“freight volumes will double by 2027.”"
    )
    assert [s for s, _ in _speakers(body)] == ["Mukhtar Tileuberdi"] * 2


def test_participle_after_a_statement() -> None:
    """ "X issued a statement, saying “...”" is X's quote, not the statement's."""
    body = (
        "Mevlut Cavusoglu issued a statement on Friday, saying “the grain deal must be extended.”"
    )
    assert _speakers(body)[0][0] == "Mevlut Cavusoglu"


def test_embedded_quote_takes_the_sentence_subject() -> None:
    """A quoted phrase in a sentence without a speech verb belongs to the subject."""
    body = "Emmanuel Macron denounced the annexation as “a violation of international law.”"
    assert _speakers(body)[0][0] == "Emmanuel Macron"


def test_subject_after_an_introductory_phrase_and_apposition() -> None:
    """ "On Monday, X, the envoy, dismissed ... as “...”"."""
    body = (
        "On Monday, Kairat Umarov, the ambassador in Washington, dismissed the report as "
        "“speculation with no basis in fact.”"
    )
    assert _speakers(body)[0][0] == "Kairat Umarov"


def test_transcript_style_name_and_colon() -> None:
    """ "Sen. X (R-Idaho): “...”" is X's line in a transcript."""
    body = "Sen. Jim Risch (R-Idaho): “Will the sanctions be lifted before the elections?”"
    assert _speakers(body)[0][0] == "Jim Risch"


def test_clause_final_attribution() -> None:
    """ "“...” if the talks fail, said X." — the cue comes later in the sentence."""
    body = (
        "“There will be consequences” if the talks fail, said Josep Borrell, the EU's foreign "
        "policy chief."
    )
    assert _speakers(body)[0][0] == "Josep Borrell"


def test_inverted_cue_with_lower_case_modifiers() -> None:
    """ "said retired Army general X" keeps the name after the modifiers."""
    body = "“The front line has not moved,” said retired Army general Ben Hodges."
    assert _speakers(body)[0][0] == "Ben Hodges"


def test_apposition_with_a_place_and_state() -> None:
    """ "X, of Springfield, Va., said" skips the place inside the apposition."""
    body = "“We were never asked,” Johnnie Wilson, of Springfield, Va., said."
    assert _speakers(body)[0][0] == "Johnnie Wilson"


def test_name_inside_an_apposition_of_a_role() -> None:
    """ "Her spokesman, X, said" names the speaker inside the apposition."""
    body = "“The visit is postponed,” her spokesman, Dmitry Peskov, said."
    assert _speakers(body)[0][0] == "Dmitry Peskov"


def test_days_are_not_speakers() -> None:
    """ "X later Thursday told ...:" skips the day; the name before it speaks."""
    body = "Rafael Grossi later Thursday told reporters: “The plant is stable for now.”"
    assert _speakers(body)[0][0] == "Rafael Grossi"


@pytest.mark.parametrize(
    "body",
    [
        "“The border will stay closed,” one senior official said.",
        "“The border will stay closed,” said a spokesman for the ministry.",
        "“The border will stay closed,” said a longtime adviser to Vladimir Putin.",
        "“The border will stay closed,” people close to Nikol Pashinyan say.",
        "Another diplomat responded, “The border will stay closed.”",
    ],
)
def test_unnamed_speakers_have_no_name(body: str) -> None:
    """An unnamed source is kept as a mention with no speaker, never the person it is close to."""
    (speaker, _mention), *_ = _speakers(body)
    assert speaker is None


def test_unnamed_speaker_keeps_its_mention() -> None:
    """The description is the mention ("one senior official")."""
    assert _speakers("“The border will stay closed,” one senior official said.") == [
        (None, "one senior official")
    ]


def test_noun_uses_of_cue_words_are_not_cues() -> None:
    """ "his home state" / "a conference call" are nouns; the real cue speaks."""
    body = (
        "Kassym-Jomart Tokayev praised the governor of his home state. "
        "“We will build the new airport,” he said on a conference call."
    )
    assert _speakers(body)[0] == ("Kassym-Jomart Tokayev", "he")


def test_partial_quotes_joined_by_and_share_the_cue() -> None:
    """ "“A” and “B,” X said" gives both quotes to X."""
    body = "“Peace through strength” and “trust but verify,” Ronald Reagan said."
    assert [s for s, _ in _speakers(body)] == ["Ronald Reagan"] * 2


def test_title_that_is_a_surname() -> None:
    """ "Amy Pope said" is a person named Pope, not a pope."""
    body = "“The numbers are up again,” Amy Pope said."
    assert _speakers(body)[0][0] == "Amy Pope"


def test_nested_quote_at_the_end_of_a_quote() -> None:
    """ "… 'above the president,' " said X": the nested closing mark does not stop the outer one."""
    body = "\"She said she would be 'above the president,' \" said Khin Zaw Win."
    quotes = extract_quotes(body)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Khin Zaw Win"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Kassym-Jomart Tokayev joked about the weather but went on to say, "
            "“Our economy is growing faster than expected.”",
            "Kassym-Jomart Tokayev",
        ),
        (
            "Sadyr Japarov praised the agreement and said, "
            "“The water dispute is settled for good.”",
            "Sadyr Japarov",
        ),
        (
            "As Maria Zakharova put it, the West is trying to “rewrite the history of the war.”",
            "Maria Zakharova",
        ),
        (
            "Hours later, Shavkat Mirziyoyev returned the compliment, telling reporters, "
            "“We are friends and neighbours.”",
            "Shavkat Mirziyoyev",
        ),
        (
            "Ilham Aliyev responded by calling the proposal “a step in the right direction.”",
            "Ilham Aliyev",
        ),
    ],
)
def test_subject_of_coordinated_and_participle_cues(body: str, speaker: str) -> None:
    """ "but went on to say", "and said", "put it", "telling", "by calling" keep the subject."""
    assert _speakers(body)[0][0] == speaker


def test_object_of_call_is_not_the_speaker() -> None:
    """ "X called Y “...”": the caller speaks, never the one called."""
    body = "Recep Tayyip Erdogan called Benjamin Netanyahu “a threat to the region.”"
    assert _speakers(body)[0][0] == "Recep Tayyip Erdogan"


def test_inverted_role_followed_by_the_name() -> None:
    """ "said the bureau's director, James Comey," names the director."""
    body = "“We found no ties of any consequence,” said the bureau's director, James Comey."
    assert _speakers(body)[0][0] == "James Comey"


def test_affiliation_after_the_name_is_not_the_speaker() -> None:
    """ "said X of the University of Texas" is X, not the university."""
    body = "“It would have been a long shot,” said Stephen Vladeck of the University of Texas."
    assert _speakers(body)[0][0] == "Stephen Vladeck"
