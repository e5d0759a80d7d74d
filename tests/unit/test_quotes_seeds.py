"""Quotes of the three seed articles: their article paragraphs, and the pipeline on the files."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from diplomareader.extract.quotes import extract_quotes
from diplomareader.model import Entity, Mention, Quote

QAZAQ = "\n\n".join(
    [
        "ASTANA. KAZINFORM Official Spokesperson of the Kazakh Ministry of Foreign Affairs Aibek "
        "Smadyarov commented on Kazakhstan’s position on the referendums in LPR, DPR, Zaporozhye "
        "and Kherson regions, Kazinform correspondent reports.",
        "«As for the referendums on joining the Russian Federation being held in self-declared "
        "states of LPR and DPR, and military administrations of Zaporozhye and Kherson regions, "
        "Kazakhstan adheres to the principle of territorial integrity of the states, their "
        "sovereign equality and peaceful coexistence. Our President has repeatedly stated, "
        "including in his recent speech from the UN tribune, the importance of constant observance "
        "of the international law principles, based on the Charter of the this global universal "
        "organization. The Charter stipulates the responsibility of the UN member-states in "
        "maintaining peace and adherence to territorial integrity of the countries,» Aibek "
        "Smadyarov said.",
        "As the Official Spokesperson noted, Kazakhstan reaffirms its readiness to provide "
        "all-round assistance to the promotion of political dialogue.",
        "«As the same time, Kazakhstan believes that maintaining stability at the regional and "
        "global levels is of paramount importance,» he added.",
    ]
)
"""The article paragraphs of the Qazaq TV seed."""

EMBASSY = "\n\n".join(
    [
        "“In this difficult situation, Kazakhstan takes a neutral position when voting in "
        "international organizations, primarily the United Nations (UN). It is in line with our "
        "national interests. For us, the most important thing is the territorial integrity and "
        "the well-being of our people,” said the President.",
        "Tokayev added that the country’s territorial integrity must be unshakable.",
        "“In the international arena, I have always been open and honest about this. It is no "
        "surprise that I restated this in my recent speech from the highest rostrum of the UN. A "
        "massive war is going on just next to us. With this in mind, we must first consider our "
        "country’s security,” he said.",
        "Tokayev also spoke about the increasing number of people arriving from neighboring Russia "
        "following the partial mobilization announced early last week. He stressed that keeping "
        "good relations with the neighbors is imperative for preserving peace in the region.",
        "He said that Kazakhstan would negotiate with the Russian side and that the arriving "
        "people would receive support but would not be granted any preferences.",
        "“The strength of our people is in unity, prudence, and tolerance. If we do not adhere to "
        "these values, our country is in great danger,” Tokayev noted.",
    ]
)
"""The article paragraphs of the embassy seed (without the photo caption)."""

ORDA = "\n\n".join(
    [
        "Russian Foreign Minister Sergey Lavrov has expressed disagreement with a past statement "
        "made by Kazakhstan's President Qasym-Jomart Toqayev regarding the balance between "
        "self-determination and the territorial integrity of states, Orda.kz reports.",
        "Lavrov’s remarks came during an interview with Kommersant following his recent visit to "
        "Almaty for the CIS Foreign Ministers Council.",
        "In the interview, journalist Andrei Kolesnikov asked Lavrov whether the right of nations "
        "to self-determination and the principle of territorial integrity are in conflict.",
        "As context, Kolesnikov referenced Toqayev’s remarks at the 2022 St. Petersburg "
        "International Economic Forum (SPIEF).",
        "Tokayev had said:",
        "It is estimated that if the right of nations to determine themselves were to be "
        "realized, then instead of the 193 states now in the UN, there would be more than 500 or "
        "600 states on Earth. Of course, this would be chaos.",
        "Responding to the question, Lavrov said:",
        "I remember this speech by the President of Kazakhstan Qasym-Jomart Toqayev. I do not "
        "agree with him. We later explained our position to our Kazakh friends. For him, there is "
        "only the right to territorial integrity. But I say again: if you are members of the UN, "
        "you must respect the Charter in its entirety.",
        "During his recent visit to Kazakhstan, Lavrov and Kazakh Foreign Minister Murat Nurtleu "
        "discussed several bilateral matters, including President Toqayev’s invitation to visit "
        "Moscow.",
        "Separately, Lavrov recently commented on the strike in the Ukrainian city of Sumy, where "
        "more than 20 people were killed and dozens injured.",
        "He said the target was not a civilian site but “another meeting of Ukrainian military "
        "leaders with their Western colleagues.”",
    ]
)
"""The article paragraphs of the Orda seed."""


def _check_offsets(body: str, quotes: list[Quote]) -> None:
    """Every quote indexes the body exactly."""
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text


def _mentions(body: str, text: str) -> tuple[Mention, ...]:
    """Every occurrence of ``text`` in ``body`` as a mention."""
    found, pos = [], body.find(text)
    while pos >= 0:
        found.append(Mention(text, pos, pos + len(text)))
        pos = body.find(text, pos + 1)
    return tuple(found)


def test_qazaq_both_statements_of_smadyarov() -> None:
    """Guillemets; the second statement is attributed only by "he added"."""
    quotes = extract_quotes(QAZAQ)
    _check_offsets(QAZAQ, quotes)
    assert len(quotes) == 2
    first, second = quotes
    assert first.text.startswith("As for the referendums")
    assert first.text.endswith("territorial integrity of the countries")
    assert (first.speaker, first.speaker_mention, first.cue) == (
        "Aibek Smadyarov",
        "Aibek Smadyarov",
        "said",
    )
    assert second.text.startswith("As the same time")
    assert (second.speaker, second.speaker_mention, second.cue) == (
        "Aibek Smadyarov",
        "he",
        "added",
    )


def test_embassy_three_statements_of_tokayev() -> None:
    """ "said the President", "he said", "Tokayev noted" all go to Tokayev."""
    quotes = extract_quotes(EMBASSY)
    _check_offsets(EMBASSY, quotes)
    assert [q.speaker for q in quotes] == ["Tokayev"] * 3
    assert [q.speaker_mention for q in quotes] == ["the President", "he", "Tokayev"]
    assert [q.cue for q in quotes] == ["said", "said", "noted"]
    assert quotes[0].text.startswith("In this difficult situation")
    assert quotes[2].text.endswith("our country is in great danger")


def test_embassy_with_caption_resolves_the_president_to_the_titled_name() -> None:
    """The photo caption names "Kazakh President Kassym-Jomart Tokayev": one name throughout."""
    body = "Kazakh President Kassym-Jomart Tokayev giving speech in Turkistan.\n\n" + EMBASSY
    quotes = extract_quotes(body)
    assert [q.speaker for q in quotes] == ["Kassym-Jomart Tokayev"] * 3


def test_orda_colon_block_quotes_and_partial_quote() -> None:
    """Two colon-introduced paragraphs without marks, and "He said ... but “...”"."""
    quotes = extract_quotes(ORDA)
    _check_offsets(ORDA, quotes)
    assert len(quotes) == 3
    spief, answer, sumy = quotes
    assert spief.text.startswith("It is estimated that")
    assert spief.text.endswith("this would be chaos.")
    assert spief.speaker == "Tokayev" and spief.cue == "said"
    assert answer.text.startswith("I remember this speech")
    assert "Lavrov" in (answer.speaker or "") and answer.speaker_mention == "Lavrov"
    assert (
        sumy.text == "another meeting of Ukrainian military leaders with their Western colleagues."
    )
    assert sumy.speaker == answer.speaker and sumy.speaker_mention == "He"


def test_orda_with_entities_uses_canonical_names() -> None:
    """With entities, Tokayev / Toqayev and Lavrov / Sergey Lavrov take the canonical names."""
    tokayev = Entity(
        "Kassym-Jomart Tokayev",
        "person",
        ("Tokayev", "Toqayev", "Qasym-Jomart Toqayev"),
        _mentions(ORDA, "Qasym-Jomart Toqayev") + _mentions(ORDA, "Tokayev"),
    )
    lavrov = Entity("Sergey Lavrov", "person", ("Lavrov",), _mentions(ORDA, "Lavrov"))
    quotes = extract_quotes(ORDA, [tokayev, lavrov])
    assert [q.speaker for q in quotes] == [
        "Kassym-Jomart Tokayev",
        "Sergey Lavrov",
        "Sergey Lavrov",
    ]


def test_embassy_with_entities_uses_canonical_names() -> None:
    """ "the President" and "he" resolve to the canonical name of the entity."""
    tokayev = Entity("Kassym-Jomart Tokayev", "person", ("Tokayev",), _mentions(EMBASSY, "Tokayev"))
    quotes = extract_quotes(EMBASSY, [tokayev])
    assert [q.speaker for q in quotes] == ["Kassym-Jomart Tokayev"] * 3


_PIPELINE = all(
    importlib.util.find_spec(name) is not None
    for name in ("diplomareader.extract.entities", "diplomareader.extract.names")
) and hasattr(importlib.import_module("diplomareader.clean"), "clean_document")


@pytest.mark.skipif(not _PIPELINE, reason="cleaning or entities not on this branch yet")
def test_seed_files_through_the_pipeline(seed_paths: dict[str, Path]) -> None:
    """The real pipeline on the seed files finds the same quotes and speakers."""
    from diplomareader.pipeline import parse_file

    qazaq = parse_file(str(seed_paths["qazaq"]))
    assert [q.speaker_mention for q in qazaq.quotes] == ["Aibek Smadyarov", "he"]
    assert len({q.speaker for q in qazaq.quotes}) == 1
    embassy = parse_file(str(seed_paths["embassy"]))
    assert len(embassy.quotes) == 3
    assert len({q.speaker for q in embassy.quotes}) == 1
    assert "Tokayev" in (embassy.quotes[0].speaker or "")
    orda = parse_file(str(seed_paths["orda"]))
    speakers = [q.speaker or "" for q in orda.quotes]
    assert len(orda.quotes) == 3
    assert speakers[0] == embassy.quotes[0].speaker
    assert "Lavrov" in speakers[1] and speakers[2] == speakers[1]
    for article in (qazaq, embassy, orda):
        _check_offsets(article.body, list(article.quotes))
