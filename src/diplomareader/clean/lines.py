"""Per-line signals for cleaning text dumps: size, sentence shape, and boilerplate patterns.

Nothing here knows any site: the signals are the shape of a line (how many words, whether it
ends like a sentence, how many of its words are capitalised, whether it starts with a list
marker) and phrases that mark page furniture in any news site (section headings such as
"Related news" or "Most read", share and subscribe prompts, cookie notices, photo credits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

WORD: Final = re.compile(r"\w+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TERMINAL: Final = frozenset(".!?…。！？;؟")
_CLOSERS: Final = "\"'”’»)]*"
_LIST_MARK: Final = re.compile(r"^(?:[-–—•·*►▶»>◦▪]\s+|\d{1,2}[.)]?\s+(?=\D))")

_SECTION_WORDS: Final = (
    r"related(?: news| articles?| stories| posts?| content| topics| coverage| links| reading)?"
    r"|read (?:also|more|next)|also read|see also|more (?:news|stories|articles|on this(?: story)?)"
    r"|more from [\w .'&-]{1,40}|more in [\w .'&-]{1,30}|latest(?: news| stories| articles| posts)?"
    r"|most (?:read|popular|viewed|shared|commented|recent)(?: news| stories| articles)?"
    r"|popular(?: news| stories| articles| posts| now)?|trending(?: now| news| stories)?"
    r"|top (?:news|stories)|recommended(?: for you| stories| articles| reading)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|what to read next|up next"
    r"|don'?t miss|editor'?s? picks?|news partners?|partners?|sponsored(?: content| stories)?"
    r"|in other news|other news|others also read|more headlines|further reading"
    r"|recent posts|recent news|news feed|newsletter|archives?"
)
_SECTION_WORDS_OTHER: Final = (
    r"читайте также|смотрите также|по теме|похожие (?:новости|материалы|статьи)"
    r"|последние новости|главные новости|популярное|самое читаемое|новости партн[её]ров"
    r"|тағы оқыңыз|оқи отырыңыз|соңғы жаңалықтар|lesen sie auch|mehr zum thema"
    r"|lire aussi|à lire aussi|leggi anche|lee también|آخر الأخبار|اقرأ أيضا|相关新闻|热门新闻"
    r"|você (?:pode|também pode) gostar|veja também|leia também|notícias relacionadas|mais lidas"
    r"|relacionad[oa]s|te puede interesar|noticias relacionadas|lo más leído|más noticias"
    r"|vous aimerez aussi|sur le même sujet|les plus lus|dans la même rubrique"
    r"|das könnte sie auch interessieren|meistgelesen|ähnliche artikel|weitere artikel"
    r"|potrebbe interessarti|articoli correlati|più letti|ti potrebbe interessare"
)

SECTION_HEADING: Final = re.compile(rf"^(?:{_SECTION_WORDS}|{_SECTION_WORDS_OTHER})$", re.I)
"""A heading that introduces a list of links to other pages (matched on the whole line)."""

INLINE_HEADING: Final = re.compile(
    r"^(?:read (?:also|more)|also read|see also|related|читайте также|смотрите также"
    r"|по теме|тағы оқыңыз|оқи отырыңыз|lesen sie auch|lire aussi|à lire aussi|leggi anche"
    r"|lee también)$",
    re.I,
)
"""Section headings that often sit inside an article, with the article going on after."""

_TERMINAL_WORDS: Final = (
    r"about (?:us|the author|the authors?|the [\w .'&-]{2,40}|[\w.'&-]{2,30})"
    r"|(?:top |all |user |reader |readers'? |top rated |view |show |see )?comments?"
    r"|\d+ comments?|comments? \d+|leave a (?:comment|reply)|post a comment|add a comment"
    r"|комментарии|kommentare|commentaires|commenti|comentários|comentarios"
    r"|join the (?:discussion|conversation)"
    r"|tags?|topics|share(?: this(?: article| story| post| page)?| on)?|share (?:via|with)"
    r"|follow us(?: on [\w ]+)?|contact(?: us)?|footer|copyright|disclaimer"
    r"|subscribe(?: to [\w ]+)?|sign up(?: for [\w ]+)?|newsletters?"
)
TERMINAL_HEADING: Final = re.compile(rf"^(?:{_TERMINAL_WORDS})$", re.I)
"""A heading after which the article does not continue (comments, tags, "About ...")."""

BOILERPLATE: Final = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|copyright\b|cookies?\b|privacy policy"
    r"|terms of (?:use|service)"
    r"|^advertisement$|^advertising$|^sponsored\b|^skip to\b|^jump to\b|^back to top|^scroll to"
    r"|^share (?:this|on|via)\b|^(?:share|tweet|email|print|whatsapp|facebook|twitter|telegram|"
    r"linkedin|pinterest|reddit|copy link|comment|comments|save)$"
    r"|\b(?:subscribe|sign up|signing up|subscribed|subscription)\b.{0,40}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,40}\b(?:subscribe|sign up|inbox)\b"
    r"|^subscribe\b|^sign (?:up|in)\b|^log ?in\b|^register\b|^follow us\b"
    r"|\bclick(?:ing)? here\b|^continue reading\b|^read more\b|^read the full\b"
    r"|^tags?\s*:|^tags\s|^topics\s*:|^filed under\b|^categories\s*:"
    r"|^loading\W*$|^please enable javascript|^your browser|javascript is disabled"
    r"|^listen to (?:this|the) (?:article|story)|^\d+ min(?:ute)?s? read$|^reading time\b"
    r"|^(?:home|menu|search|close|open|next|previous|prev|more|show more|load more|view all|"
    r"see all|see more|read more|continue reading|toggle navigation|main menu)\W*$",
    re.I,
)
"""Lines that are page furniture wherever they appear."""

CREDIT: Final = re.compile(
    r"^(?:photos?|images?|pictures?|pics?|video|illustration|graphic|infographic|фото|сурет)"
    r"(?: credits?| by| source| courtesy(?: of)?)?\s*[:/©|-]\s*\S"
    r"|^(?:credits?|source)\s*:\s*\S.{0,80}$|\b(?:photo |image )?credits?\s*:\s*[^.]{2,60}$"
    r"|^\d{1,3} of \d{1,3}\b"
    r"|\((?:photo|image|picture|credit|photograph|pictured)[^)]{0,120}\)\s*$"
    r"|^in this (?:[\w,.'-]+ ){0,8}?(?:file )?(?:photo|image|picture|photograph)\b|\bfile photo\b"
    r"|\b(?:getty images|ap photo|afp photo|reuters photo|shutterstock|istock(?:photo)?|"
    r"epa-efe|via getty|photo by|photograph by|image by|photo courtesy|image courtesy|"
    r"photo credit|image credit|фото:)\b",
    re.I,
)
"""Photo captions' credits and credit lines."""

BYLINE: Final = re.compile(
    r"^(?:by|written by|posted by|reported by|story by|words by|text by|original author|"
    r"author|authors|автор|авторы|reporter|correspondent)\s*:?\s+"
    r"(?P<name>[^\d\W][\w.'’ -]{1,60}?)(?:\s*(?:[,|•·/]|\bon\b|\band\b|\bfor\b|\d).*)?$",
    re.I,
)
"""A byline: who wrote the article (the name is in ``name``)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of a text dump with the signals used to classify it."""

    index: int
    """Position among the document's lines (blank lines included)."""
    text: str
    words: int
    """Word count (CJK characters count as half a word each)."""
    sentence_end: bool
    """Ends like a sentence (full stop, question mark, ...), after closing quotes."""
    colon_end: bool
    """Ends with a colon (introduces a quotation or a list)."""
    caps_ratio: float
    """Share of words that start with a capital letter (title-case lines are near 1)."""
    list_item: bool
    """Starts with a bullet or a small number, like an entry of a link list."""
    block_start: bool
    """A blank line (or the start of the document) comes right before it."""


def measure(index: int, text: str, block_start: bool) -> Line:
    """Compute the signals of one line."""
    tokens = WORD.findall(text)
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    words = len(tokens) + (cjk // 2 if cjk else 0)
    stripped = text.rstrip(_CLOSERS + " ")
    last = stripped[-1:] if stripped else ""
    cased = [t for t in tokens if t[0].isalpha() and (t[0].isupper() or t[0].islower())]
    caps = sum(1 for t in cased if t[0].isupper()) / len(cased) if cased else 0.0
    return Line(
        index=index,
        text=text,
        words=words,
        sentence_end=last in _TERMINAL,
        colon_end=last == ":",
        caps_ratio=caps,
        list_item=bool(_LIST_MARK.match(text)),
        block_start=block_start,
    )


def heading_key(text: str) -> str:
    """A line reduced for heading matching: lower case, no counts, arrows or end punctuation."""
    key = re.sub(r"[\s:>»›|•·.!…()\[\]0-9+-]+$", "", text.strip())
    key = re.sub(r"^[\s<«‹|•·#*(\[-]+", "", key)
    return re.sub(r"\s+", " ", key).lower().replace("’", "'")


def is_section_heading(line: Line) -> bool:
    """A short line naming a list of links to other pages ("Related news", "Most read")."""
    return line.words <= 7 and bool(SECTION_HEADING.match(heading_key(line.text)))


def is_inline_heading(line: Line) -> bool:
    """A "Read also"-style heading: a few links follow, then the article may go on."""
    return line.words <= 4 and bool(INLINE_HEADING.match(heading_key(line.text)))


def is_terminal_heading(line: Line) -> bool:
    """A short line after which the article does not go on ("About the Embassy", "Comments")."""
    return line.words <= 7 and bool(TERMINAL_HEADING.match(heading_key(line.text)))


_COMMENTS: Final = re.compile(
    r"^(?:\d+ )?(?:(?:top |all |user |reader |readers'? |top rated |view |show |see )?comments?"
    r"|comments? \d+|leave a (?:comment|reply)|post a comment|add a comment|join the discussion"
    r"|комментарии|kommentare|commentaires|commenti|comentários|comentarios)$",
    re.I,
)


def is_comments_heading(line: Line) -> bool:
    """A heading that opens the readers' comment thread."""
    return line.words <= 6 and bool(_COMMENTS.match(heading_key(line.text)))


def is_boilerplate(line: Line) -> bool:
    """A short line of page furniture (copyright, share buttons, cookie notice, ...)."""
    return line.words <= 40 and bool(BOILERPLATE.search(line.text))


def is_credit(line: Line) -> bool:
    """A photo credit, or a caption ending with its credit in brackets."""
    return line.words <= 60 and bool(CREDIT.search(line.text))


def byline_name(text: str) -> str | None:
    """The author's name when ``text`` is a byline ("By Igor Ulitin", "Original Author: ...")."""
    if len(text) > 120:
        return None
    match = BYLINE.match(text)
    if not match:
        return None
    name = match.group("name").strip(" .-")
    words = name.split()
    if not 1 <= len(words) <= 5 or not any(w[0].isupper() for w in words):
        return None
    return name


def is_prose(line: Line) -> bool:
    """A line that reads like article prose: a sentence of some length, or a long text."""
    if line.words >= 25 and line.caps_ratio < 0.6:
        return True
    return line.words >= 8 and line.sentence_end and line.caps_ratio < 0.75
