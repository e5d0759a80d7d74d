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


@pytest.mark.parametrize(
    "body",
    [
        "Kaja Kallas responded to the question on Facebook writing, “Yes, I will.”",
        "Kaja Kallas, herself a critic, drew boos upon saying, “The sanctions are working.”",
        "Kaja Kallas emailed supporters saying: “The struggle continues.”",
        "“Nothing can be done,” Kaja Kallas said before adding: “Maybe something can.”",
    ],
)
def test_participle_cues_after_an_object_or_a_linking_word(body: str) -> None:
    """ "on Facebook writing", "upon saying", "supporters saying", "before adding"."""
    assert set(_speakers(body)) == {"Kaja Kallas"}


def test_a_cue_ending_the_sentence_without_a_subject_does_not_introduce_the_quote() -> None:
    """ "… if asked. “…”" — "asked." has no subject; the quote carries the last speaker."""
    body = (
        "John Bolton said he would bring his expertise to the administration if asked. "
        "“I am going to support him.”"
    )
    assert _speakers(body) == ["John Bolton"]


def test_named_cue_ending_the_sentence_introduces_the_next_quote() -> None:
    """ "…, Mr X says. “…”" — the quote that follows is still X's."""
    body = (
        "The union will watch the case closely, Mat dos Santos says. "
        "“If the government is allowed to cherry-pick our statements, we all lose.”"
    )
    assert _speakers(body) == ["Mat dos Santos"]


@pytest.mark.parametrize(
    "body",
    [
        '"Let me make it clear," Senate Majority Leader Mitch McConnell, R-Ky., said.',
        '"Let me make it clear," said Sen. Mitch McConnell, R-Ky.',
    ],
)
def test_party_and_state_tag_between_commas(body: str) -> None:
    """ "X, R-Ky., said" skips the tag."""
    assert _speakers(body) == ["Mitch McConnell"]


def test_another_is_not_a_name() -> None:
    """ "Another featured …" opens a sentence with a determiner, not a speaker's name."""
    body = "Another featured five photos telling “the story of how they met in college.”"
    assert _speakers(body) == [None]


def test_name_before_a_dashed_apposition() -> None:
    """ "X — tipped as a running mate — told Fox News that “…”"."""
    body = (
        "On Friday, Gingrich — tipped by Newsmax as the leading choice for running mate — "
        "told Bill O’Reilly of Fox News that “you have to look at it very seriously.”"
    )
    assert _speakers(body) == ["Gingrich"]


def test_name_inside_a_dashed_apposition_of_a_role() -> None:
    """ "A former candidate -- John McCain, who lost in 2008 -- said"."""
    body = (
        '"He offered no changes," a former presidential candidate -- John McCain, who lost '
        "the 2008 election -- said."
    )
    assert _speakers(body) == ["John McCain"]


def test_participle_right_after_a_quote_is_not_an_inverted_cue() -> None:
    """ "“…,” telling Fox 35 that …": Fox 35 is who was told, the subject spoke."""
    body = (
        "The Trayvon Martin Foundation would not address “that person,” telling Fox 35 that "
        "it is focused on “ending senseless gun violence.”"
    )
    assert _speakers(body)[-1] == "Trayvon Martin Foundation"


def test_capitalised_sentence_of_names_is_a_quote_not_a_title() -> None:
    """ "“That’s Jeb Bush and Marco Rubio.”" after a quote is a sentence, not a title."""
    body = (
        "“Two people have the knowledge to do that,” said Rick Wilson, a strategist. "
        "“That’s Jeb Bush and Marco Rubio.”"
    )
    assert _speakers(body) == ["Rick Wilson", "Rick Wilson"]


def test_title_inside_a_sentence_is_still_dropped() -> None:
    """ "named “Game of Thrones” as his favourite" stays a title."""
    body = "Ted Cruz named “Game of Thrones” and “Breaking Bad” as his favourite shows."
    assert _speakers(body) == []


def test_left_mark_followed_by_a_space_still_opens() -> None:
    """ "saying, “ you have to…”" — a stray space after the opening mark."""
    body = "The ad cuts to footage of Donald Trump saying, “ you have to give them a path.”"
    quotes = extract_quotes(body)
    assert [q.text for q in quotes] == ["you have to give them a path."]
    assert quotes[0].speaker == "Donald Trump"


def test_headline_with_a_byline_is_not_a_quote() -> None:
    """ "—“Museum to close,” by Times' Ben Sisario: “…”" — the headline is a title."""
    body = (
        "FAREWELL—“The Living Room to close at the end of December,” by Times' Ben Sisario: "
        "“The nightclub gave an early start to many singers.”"
    )
    assert [q.text for q in extract_quotes(body)] == [
        "The nightclub gave an early start to many singers."
    ]


def test_by_after_a_partial_quote_is_not_a_byline() -> None:
    """ "“may have violated the law” by calling …" keeps the quote."""
    body = "Harry Reid said Trump “may have violated the law” by calling on Russia to hack."
    assert _speakers(body) == ["Harry Reid"]


def test_qualified_role_takes_the_person_named_with_that_place() -> None:
    """ "the Florida senator" is the senator named with Florida, not the last senator named."""
    body = (
        "Marco Rubio (R-Fla.) spoke in Iowa. He appeared with Sen. Joni Ernst, R-Iowa, at a "
        "rally. The Florida senator told reporters that “we will see a week from tonight.”"
    )
    assert _speakers(body) == ["Marco Rubio"]


def test_qualified_role_with_a_two_word_place() -> None:
    """ "the New Jersey governor" matches "New Jersey Gov. X", not a New York congressman."""
    body = (
        "New Jersey Gov. Chris Christie and Rep. Peter King of New York spoke on Monday. "
        "“It starts to pay off,” the New Jersey governor said."
    )
    assert _speakers(body) == ["Chris Christie"]


def test_role_prefers_the_titled_person_who_spoke() -> None:
    """ "The president" after "… with World Bank President X" is the president who spoke."""
    body = (
        "“This agreement is our best chance,” President Barack Obama said after a game of golf "
        "with World Bank President Jim Yong Kim. The president also said that he imagined "
        "“a quiet sunset” with his grandchildren."
    )
    assert _speakers(body) == ["Barack Obama", "Barack Obama"]


def test_resolved_role_is_remembered_for_a_later_role() -> None:
    """ "the Vermont senator" then "the senator": one person, though no "Sen." title was seen."""
    body = (
        "Bernie Sanders of Vermont spoke to CNN. “Not a serious candidate,” the Vermont "
        "senator said. “That would be you?” Gloria Borger asked. “That would be me, yes,” "
        "the senator said."
    )
    assert _speakers(body) == ["Bernie Sanders", "Gloria Borger", "Bernie Sanders"]


@pytest.mark.parametrize("noun", ["man", "woman"])
def test_the_man_or_woman_is_not_a_named_speaker(noun: str) -> None:
    """ "a young woman asked … “…,” the woman said" stays unnamed, not the last named person."""
    body = (
        f"At a town hall, Hillary Clinton took questions. A young {noun} asked about the "
        f"allegations. “Should we believe them as well?” the {noun} said."
    )
    assert _speakers(body) == [None]


def test_two_titles_joined_by_and_before_a_name() -> None:
    """ "former Pennsylvania Gov. and DNC Chairman Ed Rendell" is Ed Rendell."""
    body = (
        "Jim Doyle spoke first. “He is reprising that role,” said former Pennsylvania Gov. and "
        "Democratic National Committee Chairman Ed Rendell."
    )
    assert _speakers(body) == ["Ed Rendell"]


def test_title_surname_before_an_of_phrase() -> None:
    """ "said Representative Peter T. King of New York" is King, not a role."""
    body = "“It will not be easy,” said Representative Peter T. King of New York."
    assert _speakers(body) == ["Peter T. King"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We agree,” Angela Merkel of Germany said.", "Angela Merkel"),
        ("“We agree,” said Sen. Ben Cardin of Maryland.", "Ben Cardin"),
        ("“Growth will slow,” said Holger Schmieding of Berenberg.", "Holger Schmieding"),
        ("“We agree,” the Ministry of Foreign Affairs said.", "Ministry of Foreign Affairs"),
    ],
)
def test_of_phrase_after_a_person_is_not_part_of_the_name(body: str, speaker: str) -> None:
    """ "X of Germany" is X; "Ministry of Foreign Affairs" stays one body."""
    assert _speakers(body) == [speaker]


def test_quote_paragraph_after_a_paragraph_about_a_person() -> None:
    """A quote standing alone after "X praised …" (no speech verb) is X's."""
    body = (
        "Kazakhstan hosted the summit on Monday.\n\n"
        "Mukhtar Tileuberdi praised the organisers and their work on the transit corridor.\n\n"
        "“We need partners who cut through the bureaucracy and bring people together.”"
    )
    assert _speakers(body) == ["Mukhtar Tileuberdi"]


def test_quote_paragraph_after_a_heading_like_line_has_no_speaker() -> None:
    """ "Transcript as follows:" is not a person; the quote below keeps no speaker."""
    body = "Transcript as follows:\n\n“Tonight we arrived in Astana and went to a restaurant.”"
    assert _speakers(body) == [None]


def test_dash_byline_in_the_paragraph_under_the_quote() -> None:
    """A quote paragraph, then "- Name." on its own line (fact-check layout)."""
    body = (
        "“Almost all new income is going to the top 1 percent.”\n\n"
        "- Bernie Sanders.\n\n"
        "The claim is broadly accurate."
    )
    assert _speakers(body) == ["Bernie Sanders"]


@pytest.mark.parametrize(
    "body",
    [
        "The ministers agreed on “know your customer” (KYC) rules for virtual assets.",
        "The leaders hail progress on a civil nuclear agreement (“123 agreement”).",
        "The Gambia’s perspective on the theme: “Leaving no one behind: acting together for "
        "peace and human dignity,” aligns with the Agenda.",
        "Let us embrace Te Mauri, which literally means “health, peace and prosperity”.",
        "The event included a workshop on the “Promotion of Good Quality jobs for a Just and "
        "Inclusive Green Transition,” which focused on labour.",
    ],
)
def test_terms_themes_and_glosses_are_not_quotes(body: str) -> None:
    """Defined terms, debate themes, translations and event titles are not quotes."""
    assert extract_quotes(body) == []


def test_bracketed_sentence_is_still_a_quote() -> None:
    """ "(“Oh, I'm definitely voting for Eric”)" is a sentence someone says, not a term."""
    body = "Canvassers rank voters from 1 (“Oh, I'm definitely voting for Eric.”) to 6."
    assert len(extract_quotes(body)) == 1


@pytest.mark.parametrize("heading", ["Speakers:", "Participants:", "The Vice President said:"])
def test_list_items_under_a_heading_are_not_block_quotes(heading: str) -> None:
    """ "Speakers:" then "- Rep. X, PA House Minority Leader": a list, not a quote."""
    body = f"The meeting ended.\n\n{heading}\n\n- Rep. Joanna McClinton, PA House Minority Leader"
    assert extract_quotes(body) == []


def test_heading_without_a_cue_does_not_introduce_a_block_quote() -> None:
    """A colon heading with no speech verb ("Participants:") gives no block quote."""
    body = "Participants:\n\nAlexandra Reeve Givens, CEO, Center for Democracy and Technology"
    assert extract_quotes(body) == []


def test_i_quote_gives_the_words_to_the_person_named_before() -> None:
    """ "… highlighted by King Mohammed VI in a message. I quote: “…”" is the King's."""
    body = (
        "This reality was highlighted by His Majesty King Mohammed VI in a message to the "
        "annual meetings. I quote:\n\n“The world remains mired in problems we thought solved.”"
    )
    assert _speakers(body) == ["Mohammed VI"]


def test_passive_agent_of_a_cue() -> None:
    """ "as stated by X" names X."""
    body = (
        "The principle, as stated by Josep Borrell, is that “we do not negotiate with ourselves.”"
    )
    assert _speakers(body) == ["Josep Borrell"]


@pytest.mark.parametrize("adverb", ["Fourthly", "Moreover", "Finally"])
def test_sentence_adverbs_are_not_names(adverb: str) -> None:
    """ "Fourthly, the President of Brazil mentioned …, adding: “…”" is not "Fourthly"."""
    body = f"{adverb}, the delegate mentioned the paralysis, adding: “The Council must act.”"
    assert _speakers(body) != [adverb]


def test_a_name_after_a_sentence_end_does_not_take_the_title_before_it() -> None:
    """ "Secretary-General António Guterres. This Pact …": "Pact" is not a secretary."""
    body = (
        "We support the reform spirit of Secretary-General António Guterres. This Pact "
        "reflects hope. The Secretary-General said that multilateralism faces a dilemma: "
        "“to breakthrough or to breakdown”."
    )
    assert _speakers(body) == ["António Guterres"]


def test_a_country_speaks_under_its_own_name_only() -> None:
    """ "Russia said" takes the place entity; "Cuban said" (an adjective alias) does not."""
    body = "“We reject the claims,” Russia said. “It is too early,” Cuban said."
    russia = Entity(
        "Russia",
        "place",
        ("Russian",),
        (Mention("Russia", body.index("Russia"), body.index("Russia") + 6),),
    )
    cuba = Entity(
        "Cuba",
        "place",
        ("Cuban",),
        (Mention("Cuban", body.index("Cuban"), body.index("Cuban") + 5),),
    )
    assert [q.speaker for q in extract_quotes(body, [russia, cuba])] == ["Russia", "Cuban"]


def test_pronoun_after_a_newly_introduced_person() -> None:
    """ "he" after a new person is introduced at length takes that person, not an old speaker."""
    body = (
        "“Our systems are not failing us,” the United States said.\n\n"
        + "The League met again and again over those years, and the delegates argued at length " * 8
        + "\n\nLet me quote another Irish leader, Eamon de Valera, also speaking to the League. "
        "De Valera believed in the League. But he recognized that the Covenant had to be "
        "enforced. He said,\n\n“People are complaining that the League is devoting its activity "
        "to minor matters.”"
    )
    assert _speakers(body)[-1] == "Eamon de Valera"


def test_subject_after_a_long_introductory_phrase() -> None:
    """ "With leaders worried about … voters, President X is rolling out a message: “…”"."""
    body = (
        "With party leaders increasingly worried about a lack of passion for the nominee among "
        "young voters in the big cities, President Kassym-Jomart Tokayev is rolling out a new "
        "message: “It is about all of us.”"
    )
    assert _speakers(body) == ["Kassym-Jomart Tokayev"]


def test_quote_used_as_a_headline_after_a_colon_is_kept() -> None:
    """ "used one of her quotes as its headline: “…”" — still her words."""
    body = "The piece used one of the woman’s quotes as its headline: “Finally. Someone like me.”"
    assert len(extract_quotes(body)) == 1


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Politifact did a fact-check on Donald Trump’s claim that there have been "
            "“thousands of shootings” in Chicago.",
            "Donald Trump",
        ),
        (
            "Moscow rejected the Kazakh Foreign Ministry’s statement that “referendums have no "
            "legal force.”",
            "Kazakh Foreign Ministry",
        ),
        (
            "House Speaker Paul Ryan told CNN that Ginsburg’s comments “show bias to me.”",
            "Paul Ryan",
        ),
        (
            "Ryan’s campaign shrugged off Trump’s comments, telling reporters, “Nobody asked "
            "for his endorsement.”",
            "Ryan’s campaign",
        ),
    ],
)
def test_possessive_speech_noun_names_the_speaker(body: str, speaker: str) -> None:
    """ "X's claim that “…”" is X's, unless another cue governs it ("Y said that X's …")."""
    assert _speakers(body) == [speaker]


def test_singing_and_likening_are_cues() -> None:
    """ "X sings …", "X likened the rules to “…”"."""
    body = (
        "“Keep your hands in sight,” Mary J. Blige sings. Another critic, Laurence H. Tribe, "
        "likened the rules to “burning the Constitution.”"
    )
    assert _speakers(body) == ["Mary J. Blige", "Laurence H. Tribe"]


def test_role_with_no_speaker_yet_takes_the_person_named_with_it() -> None:
    """ "X gave her speech as the Democratic nominee … said the Democratic nominee"."""
    body = (
        "Hillary Clinton delivered her acceptance speech as the Democratic nominee, painting "
        "her rival, Donald Trump, as unqualified.\n\n“A man you can bait with a tweet is not a "
        "man we can trust with nuclear weapons,” said the Democratic nominee."
    )
    assert _speakers(body) == ["Hillary Clinton"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“The impact is still small,” wrote Cameron Easley for Morning Consult.",
            "Cameron Easley",
        ),
        (
            "“We agree,” said the Center for Strategic and International Studies.",
            "Center for Strategic and International Studies",
        ),
        ("As Trump went on about “how the system is rigged,” Melanie said yes.", "Trump"),
    ],
)
def test_for_phrases_and_and_in_names_and_answers(body: str, speaker: str) -> None:
    """ "X for Outlet" is X; "and" inside a body's name; "said yes" is an answer."""
    assert _speakers(body) == [speaker]


def test_capitalised_first_word_is_a_subject_only_if_it_is_a_name_elsewhere() -> None:
    """ "Talk compared to “working the referees”" has no speaker; "Butz" used again does."""
    assert _speakers("Talk compared to “working the referees” at a basketball game.") == [None]
    body = "Earl Butz met the envoys. Butz described the talks as “more reckless than usual.”"
    assert _speakers(body) == ["Earl Butz"]


def test_dotted_delegate_title_is_cut_from_the_name() -> None:
    """ "said Del. Stacey Plaskett": "Del." is the title of a delegate, not the speaker."""
    body = "“This is a waste of time, and it is wrong,” said Del. Stacey Plaskett of Guam."
    assert _speakers(body) == ["Stacey Plaskett"]


def test_lower_case_del_stays_a_name_particle() -> None:
    """ "Guillermo del Toro said": a lower-case "del" is part of the name."""
    body = "“We make films for everyone who loves them,” Guillermo del Toro said."
    assert _speakers(body) == ["Guillermo del Toro"]


def test_honorific_before_a_title_word_makes_it_a_surname() -> None:
    """ "Mr. King added" after "Charlie King": King is his surname, not a royal title."""
    body = (
        "“Turnout makes a difference in every single race,” said Charlie King, a Democrat.\n\n"
        "“This is not the first generation to be frustrated,” Marc Morial said.\n\n"
        "“It is all about enthusiasm around this race,” Mr. King added."
    )
    assert _speakers(body) == ["Charlie King", "Marc Morial", "Charlie King"]


def test_surname_entity_takes_the_full_name_written_earlier() -> None:
    """A bare "Moore" after "Minyon Moore" is the same speaker under her full name."""
    body = (
        "Minyon Moore, a senior adviser to the campaign, called it “a true wake-up call.”\n\n"
        "“Are we where we need to be? Probably not,” Ms. Moore said."
    )
    mention = body.index("Moore", body.index("Ms."))
    moore = Entity("Moore", "person", (), (Mention("Moore", mention, mention + 5),))
    quotes = extract_quotes(body, [moore])
    assert [q.speaker for q in quotes] == ["Minyon Moore", "Minyon Moore"]


def test_it_takes_the_body_that_is_the_subject_of_the_sentence() -> None:
    """ "what it called “…”" with no body that spoke: the organisation the sentence is about,
    not the possessive named after it."""
    body = (
        "The United Nations Security Council on Friday condemned North Korea's latest test and "
        "pledged sanctions against what it called “a clear threat to international peace.”"
    )
    council = body.index("United Nations Security Council")
    korea = body.index("North Korea")
    entities = [
        Entity(
            "UN Security Council",
            "organization",
            (),
            (Mention("United Nations Security Council", council, council + 31),),
        ),
        Entity("North Korea", "place", (), (Mention("North Korea", korea, korea + 11),)),
    ]
    quotes = extract_quotes(body, entities)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("UN Security Council", "it")]


def test_she_passes_over_the_last_speaker_when_he_is_a_man() -> None:
    """ "she said" after a man spoke: the woman named since, whose given name shows she is one."""
    body = (
        "“He cannot dispense with facts,” said David Gorski, a professor of surgery.\n\n"
        "Sen. Claire McCaskill scolded him at the hearing: “The scientific community is "
        "against you,” she said."
    )
    assert _speakers(body) == ["David Gorski", "Claire McCaskill"]


def test_he_follows_the_form_of_address_in_the_article() -> None:
    """ "Mr. Okonjo" shows a man even when his given name is in no list."""
    body = (
        "“We will vote,” said Chidi Okonjo, a teacher.\n\n"
        "“It is our turn,” said Adaeze Nwosu, his neighbour. Ms. Nwosu drove him to the hall, "
        "where Mr. Okonjo spoke again.\n\n“We have waited long enough,” he said."
    )
    assert _speakers(body) == ["Chidi Okonjo", "Adaeze Nwosu", "Chidi Okonjo"]


def test_pronoun_of_unknown_sex_keeps_the_last_speaker() -> None:
    """No name shows a sex: "she" still goes to the last speaker, as before."""
    body = (
        "“We will vote,” said Chidi Okonjo.\n\n“It is our turn,” said Adaeze Nwosu.\n\n"
        "“We have waited long enough,” she said."
    )
    assert _speakers(body) == ["Chidi Okonjo", "Adaeze Nwosu", "Adaeze Nwosu"]


def test_state_after_a_home_town_is_not_the_speaker() -> None:
    """ "X, a salesman from Sumter, South Carolina, says": the person, not the state."""
    body = (
        "“We will leave here with momentum,” Dean Johnson, a 55-year-old salesman from "
        "Sumter, South Carolina, says."
    )
    assert _speakers(body) == ["Dean Johnson"]


def test_town_and_state_of_an_introductory_phrase_are_not_the_subject() -> None:
    """ "Speaking … in Salem, New Hampshire, Trump went after Bush, calling him “…”"."""
    body = (
        "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, "
        "calling him “a total stiff.”"
    )
    assert _speakers(body) == ["Trump"]


def test_day_before_the_comma_keeps_the_apposition_rule() -> None:
    """ "On Monday, Trump, the nominee, called it “…”": the subject is still Trump."""
    body = "On Monday, Trump, the nominee, called it “a total disaster for all of us.”"
    assert _speakers(body) == ["Trump"]


def test_noun_after_a_and_a_name_is_not_a_cue() -> None:
    """ "posted a Twitter comment …, saying": "comment" is a noun, Twitter is not the speaker."""
    body = (
        "Hillary Clinton immediately posted a Twitter comment of her own, saying, “We are so "
        "excited to meet our second grandchild!”"
    )
    assert _speakers(body) == ["Hillary Clinton"]
