"""Word lists for quote attribution: cue verbs, titles, role nouns, pronouns and fillers.

Kept in one resources module so the rules in ``quote_speaker`` and ``quote_attrib`` stay short
and the vocabulary can be reviewed in one place. Every entry is lower case.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


CUE_VERBS: frozenset[str] = _words(
    """
    say says said saying tell tells told telling add adds added adding note notes noted noting
    stress stresses stressed stressing emphasize emphasizes emphasized emphasise emphasises
    emphasised underline underlines underlined underscore underscores underscored reiterate
    reiterates reiterated state states stated declare declares declared announce announces
    announced insist insists insisted argue argues argued claim claims claimed write writes
    wrote tweet tweets tweeted post posts posted warn warns warned urge urges urged recall
    recalls recalled remark remarks remarked reply replies replied respond responds responded
    answer answers answered continue continues continued conclude concludes concluded comment
    comments commented observe observes observed acknowledge acknowledges acknowledged admit
    admits admitted concede concedes conceded suggest suggests suggested predict predicts
    predicted promise promises promised vow vows vowed pledge pledges pledged assure assures
    assured confirm confirms confirmed deny denies denied complain complains complained lament
    laments lamented joke jokes joked quip quips quipped shout shouts shouted yell yells yelled
    exclaim exclaims exclaimed whisper whispers whispered muse muses mused boast boasts boasted
    brag brags bragged charge charges charged counter counters countered retort retorts retorted
    testify testifies testified contend contends contended maintain maintains maintained agree
    agrees agreed caution cautions cautioned highlight highlights highlighted explain explains
    explained ask asks asked call calls called describe describes described dub dubs dubbed
    label labels labeled labelled brand brands branded accuse accuses accused blast blasts
    blasted slam slams slammed criticize criticizes criticized criticise criticised praise
    praises praised mock mocks mocked wonder wonders wondered thank thanks thanked recount
    recounts recounted reflect reflects reflected repeat repeats repeated read reads
    concur concurs concurred chime chimes chimed interject interjects interjected snap snaps
    snapped sigh sighs sighed scoff scoffs scoffed rail rails railed hint hints hinted
    acknowledge report reports reported describe reason reasons reasoned point points pointed
    demand demands demanded proclaim proclaims proclaimed assert asserts asserted affirm affirms
    affirmed allege alleges alleged opine opines opined predict surmise surmised denounce
    denounces denounced decry decries decried condemn condemns condemned hail hails hailed tout
    touts touted lambaste lambastes lambasted remember remembers remembered echo echoes echoed
    plead pleads pleaded beg begs begged threaten threatens threatened question questions
    questioned challenge challenges challenged exhort exhorts exhorted gush gushes gushed fume
    fumes fumed riff riffs riffed wrote quote quotes quoted telling adding noting writing arguing
    calling warning insisting claiming declaring explaining stressing asking describing urging
    suggesting predicting promising vowing accusing stating saying tweeting posting reiterating
    acknowledging admitting emphasizing emphasising recalling responding replying react reacts
    reacted yelling shouting joking quipping lecturing boasting complaining reminding announcing
    propose proposes proposed refer refers referred referring remind reminds reminded
    sing sings sang singing chant chants chanted chanting liken likens likened
    """
)
"""Verbs that attribute speech (all inflections spelled out: the rules are pure string work)."""

CUE_PARTICLES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "points": frozenset({"out"}),
    "pointed": frozenset({"out"}),
    "chime": frozenset({"in"}),
    "chimes": frozenset({"in"}),
    "chimed": frozenset({"in"}),
    "went": frozenset({"on"}),
    "shot": frozenset({"back"}),
    "put": frozenset({"it"}),
    "puts": frozenset({"it"}),
    "fired": frozenset({"back"}),
    "hit": frozenset({"back"}),
}
"""Particles that complete a cue verb ("pointed out", "chimed in")."""

WEAK_CUES: frozenset[str] = _words(
    """
    call calls called describe describes described dub dubs dubbed label labels labeled labelled
    brand brands branded accuse accuses accused blast blasts blasted slam slams slammed criticize
    criticizes criticized criticise criticised praise praises praised mock mocks mocked thank
    thanks thanked point points pointed denounce denounces denounced decry decries decried condemn
    condemns condemned hail hails hailed tout touts touted lambaste lambastes lambasted echo echoes
    echoed question questions questioned challenge challenges challenged calling describing
    accusing propose proposes proposed refer refers referred referring liken likens likened
    """
)
"""Cues that attribute a quote only when the quote follows in the same sentence (partial quotes)."""

AUX_WORDS: frozenset[str] = _words(
    """
    also later then further previously once repeatedly recently again earlier reportedly simply
    flatly bluntly famously has had have would will did does do was is were are been be being
    could can may might should must shall just already often frequently subsequently finally
    quickly immediately publicly privately angrily calmly firmly openly loudly softly proudly
    sarcastically jokingly emphatically initially originally first last still even never not
    indeed however therefore thus instead only herself himself themselves itself yet somehow
    reportedly allegedly apparently candidly frankly succinctly tersely curtly briefly
    similarly separately likewise recently
    """
)
"""Auxiliaries and adverbs allowed between a speaker and the cue ("Tokayev had also said")."""

PRONOUNS: dict[str, str] = {
    "he": "he",
    "she": "she",
    "they": "they",
    "we": "we",
    "i": "i",
    "it": "it",
}
"""Subject pronouns that can introduce a quote, mapped to their lower-case form."""

TITLES: frozenset[str] = _words(
    """
    president vice prime minister ministers secretary secretary-general undersecretary deputy
    foreign defense defence interior finance justice state general chief senior former acting
    official officials spokesperson spokesman spokeswoman spokespeople press ambassador envoy
    special representative representatives senator sen sen. rep rep. gov gov. governor
    congressman congresswoman congressmember lawmaker speaker chairman chairwoman chair chairperson
    director head leader mayor chancellor premier king queen prince princess emir sheikh sultan
    pope cardinal bishop archbishop reverend rev rev. father mr mr. mrs mrs. ms ms. dr dr.
    prof prof. professor gen gen. general lt lt. col col. colonel major maj maj. captain capt
    capt. commander admiral adm adm. sgt sgt. sergeant judge justice attorney counsel adviser
    advisor aide candidate nominee hopeful frontrunner front-runner manager strategist
    chief-of-staff ceo cfo coo founder co-founder executive president-elect vp sir lord lady dame
    ayatollah imam rabbi commissioner inspector superintendent sheriff officer analyst expert
    economist researcher author columnist journalist correspondent reporter editor anchor host
    activist organizer organiser member members mp mep delegate ambassador-at-large consul
    consul-general attaché attache diplomat minister-counsellor counsellor councillor councilman
    councilwoman assemblyman assemblywoman legislator majority minority whip leader republican
    democrat democratic gop independent libertarian presidential
    chief-executive then-president then-secretary then-senator then-candidate ex-president
    incumbent first lady supreme high deputy-minister vice-president vice-premier
    """
)
"""Words that make a title or office before a name ("Foreign Minister", "Sen.", "Official")."""

ORG_WORDS: frozenset[str] = _words(
    """
    ministry ministries department office agency committee council commission government
    administration campaign house senate congress parliament assembly court bureau service
    services embassy consulate mission union league party organization organisation
    association federation institute foundation university college center centre company
    corporation group network news times post journal press radio television tv channel
    statement report board authority authorities affairs security relations police army forces
    force navy command headquarters secretariat cabinet kremlin akorda pentagon staff team
    democrats republicans
    """
)
"""Nouns that make a capitalised phrase the name of a body rather than a person."""

ROLE_NOUNS: frozenset[str] = _words(
    """
    president minister secretary senator governor congressman congresswoman lawmaker speaker
    chairman chairwoman chair director head leader mayor chancellor premier king queen prince
    pope spokesperson spokesman spokeswoman official ambassador envoy diplomat representative
    candidate nominee hopeful frontrunner front-runner adviser advisor aide manager strategist
    general commander judge attorney analyst expert economist professor author columnist
    reporter journalist activist founder executive chief businessman businesswoman billionaire
    mogul veteran politician republican democrat nominee pastor priest
    """
)
"""Nouns naming a person by office ("the President", "the minister", "the Florida senator")."""

GROUP_NOUNS: frozenset[str] = _words(
    """
    ministry department office agency committee council commission government administration
    campaign embassy statement report source sources officials spokespeople organization
    organisation party team group kremlin white house press service
    """
)
"""Nouns naming a body or a document ("the ministry", "the statement", "the campaign")."""

DETERMINERS: frozenset[str] = _words(
    "the a an this that his her its their our my your another one both each"
)
"""Determiners that open a role phrase."""

LEADING_STOPWORDS: frozenset[str] = _words(
    """
    the a an but and or so then when while as in on at for if yet still later earlier meanwhile
    however also this that these those there here after before since because although though
    speaking asked asking writing responding last next on today yesterday tomorrow now with
    without from by of to during under over about according mr mrs ms dr several many some most
    others both all few hours minutes days weeks months years moments online another other each
    every firstly secondly thirdly fourthly fifthly lastly finally moreover furthermore additionally
    similarly likewise consequently accordingly nevertheless nonetheless hence thus therefore
    indeed besides instead otherwise were was is are do does did have has had would could should
    shall must can
    """
)
"""Capitalised words that open a sentence but are not part of a name ("But Tokayev said")."""

NAME_PARTICLES: frozenset[str] = _words(
    "de da del della der den di du van von la le bin ibn al el abu dos das y st."
)
"""Lower-case particles allowed inside a personal name ("Ursula von der Leyen")."""

NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "the", "and"})
"""Lower-case words allowed inside the name of a body ("Ministry of Foreign Affairs")."""

ABBREVIATIONS: frozenset[str] = _words(
    """
    mr mrs ms dr sen rep gov gen lt col sgt st jr sr prof no u.s u.k u.n inc co corp ltd vs etc
    maj capt adm rev fr hon messrs mt ft jan feb mar apr aug sep sept oct nov dec d.c e.g i.e
    a.m p.m dept univ assn bros est approx del
    """
)
"""Words ending in a full stop that does not end a sentence."""

PREPOSITIONS: frozenset[str] = _words(
    """
    to of for with by from at in on about against near into onto than like via toward towards
    among between without under over behind beside despite during amid amidst following unlike
    """
)
"""Words after which a capitalised run is an object, not a subject ("close to Clinton")."""

NOT_NAMES: frozenset[str] = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december today yesterday tonight
    """
)
"""Capitalised words that never belong to a speaker's name (days and months)."""

TITLE_SURNAMES: frozenset[str] = _words("pope king prince bishop judge major speaker marshall dean")
"""Titles that are also surnames: "Amy Pope" is a person, "Kazakh President" is not."""

DOTTED_TITLES: frozenset[str] = frozenset({"del."})
"""Titles only when capitalised and written with their stop ("Del. Stacey Plaskett"); without
it the word is a name particle ("Guillermo del Toro")."""

HONORIFICS: frozenset[str] = _words("mr mr. mrs mrs. ms ms. miss mx mx. dr dr. sir dame")
"""Forms of address before a surname: after one, "King" in "Mr. King" is a name, not a title."""

SUBORDINATE_ROLES: frozenset[str] = _words(
    """
    adviser advisor aide spokesperson spokesman spokeswoman official staffer source strategist
    operative ally friend lawyer attorney manager donor supporter surrogate insider confidant
    associate
    """
)
"""Roles held for someone else: "a Cruz adviser" is not Cruz; resolved only by the same title."""

NP_STOP: frozenset[str] = _words(
    """
    that who which whose whom when while as and but because if after before where since until
    though although than or nor so yet then also is was are were has had have will would
    """
)
"""Lower-case words that end a noun phrase after an inverted cue ("said X, who ...")."""

NOUN_LIKE_CUES: frozenset[str] = _words(
    """
    state states report reports post posts call calls comment comments answer answers charge
    charges counter counters question questions challenge challenges claim claims note notes
    remark remarks praise praises label labels brand brands echo echoes read reads hint hints
    reason reasons tweet tweets quote quotes demand demands promise promises pledge pledges vow
    vows thank thanks concern concerns reply replies statement testify joke jokes boast boasts
    """
)
"""Cue forms that are also common nouns ("his home state", "a conference call")."""

CLAUSE_END_AFTER_CUE: frozenset[str] = _words(
    """
    in on at during to after before later earlier yesterday today tonight last this of about
    while when as with from outside inside
    """
)
"""Words that may follow a cue that closes its clause ("X said on Monday", "X said in Kyiv")."""

IRREGULAR_PAST: frozenset[str] = _words(
    """
    drew found made took gave got went came saw thought knew put set kept left felt held brought
    began ran spoke wrote told said met won lost led sent spent built sought fought bought stood
    understood became chose struck drove rose fell broke threw shook hid sat paid laid heard meant
    let cut hit hurt quit beat bore swore withdrew overtook undertook forbade foresaw
    """
)
"""Irregular past forms: a subject followed by one of these is a clause subject ("X drew boos")."""

NOT_VERBS: frozenset[str] = _words(
    """
    as us its his this thus yes less unless across always perhaps whereas plus versus news
    series sometimes besides towards afterwards nevertheless only early family july italy
    """
)
"""Words ending like a verb ("-s", "-ly") that are not one ("Transcript as follows")."""

SPEECH_NOUNS: frozenset[str] = _words(
    """
    statement statements claim claims remark remarks comment comments words assertion assertions
    promise promises pledge pledges vow vows warning warnings message tweet tweets declaration
    insistence argument suggestion accusation accusations charge description response reply
    """
)
"""Nouns for something said: "Lavrov's statement that “…”" names Lavrov as the speaker."""
