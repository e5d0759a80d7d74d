"""Per-line signals for cleaning text dumps: size, sentence shape, and boilerplate patterns.

Nothing here knows any site: the signals are the shape of a line (how many words, whether it
ends like a sentence, how many of its words are capitalised, whether it starts with a list
marker) and phrases that mark page furniture in any news site (section headings such as
"Related news" or "Most read", share and subscribe prompts, cookie notices, photo credits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

CACHE_SIZE: Final = 65_536
"""Entries kept by the per-text caches of line tests (bounded memory)."""

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

_BOILER_START: Final = re.compile(
    r"(?:advertisement$|advertising$|sponsored\b|skip to\b|jump to\b|back to top|scroll to"
    r"|share (?:this|on|via)\b|(?:share|tweet|email|print|whatsapp|facebook|twitter|telegram|"
    r"linkedin|pinterest|reddit|copy link|comment|comments|save)$"
    r"|subscribe\b|sign (?:up|in)\b|log ?in\b|register\b|follow us\b"
    r"|continue reading\b|read more\b|read the full\b"
    r"|tags?\s*:|tags\s|topics\s*:|filed under\b|categories\s*:"
    r"|loading\W*$|please enable javascript|your browser"
    r"|listen to (?:this|the) (?:article|story)|\d+ min(?:ute)?s? read$|reading time\b"
    r"|toggle (?:navigation|menu|search)\b|(?:main |primary )?navigation\b"
    r"|(?:home|menu|search|close|open|next|previous|prev|more|show more|load more|view all|"
    r"see all|see more|toggle navigation|main menu)\W*$)",
    re.I,
)
_BOILER_ANY: Final = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|copyright\b|cookies?\b|privacy policy"
    r"|terms of (?:use|service)|javascript is disabled|\bclick(?:ing)? here\b"
    r"|\b(?:subscribe|sign up|signing up|subscribed|subscription)\b.{0,40}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,40}\b(?:subscribe|sign up|inbox)\b",
    re.I,
)
_BOILER_HINTS: Final = (
    "©",
    "(c)",
    "rights",
    "copyright",
    "cookie",
    "privacy",
    "terms of",
    "javascript",
    "click",
    "newsletter",
)
"""Lines that are page furniture wherever they appear: a start that marks furniture, or
furniture words anywhere (looked for only when one of the hints occurs)."""

_CREDIT_START: Final = re.compile(
    r"(?:(?:photos?|images?|pictures?|pics?|video|illustration|graphic|infographic|фото|сурет)"
    r"(?: credits?| by| source| courtesy(?: of)?)?\s*[:/©|-]\s*\S"
    r"|(?:credits?|source)\s*:\s*\S.{0,80}$|\d{1,3} of \d{1,3}\b"
    r"|in this (?:[\w,.'-]+ ){0,8}?(?:file )?(?:photo|image|picture|photograph)\b)",
    re.I,
)
_CREDIT_ANY: Final = re.compile(
    r"\b(?:photo |image )?credits?\s*:\s*[^.]{2,60}$"
    r"|\((?:photo|image|picture|credit|photograph|pictured)[^)]{0,120}\)\s*$|\bfile photo\b"
    r"|\b(?:getty images|ap photo|afp photo|reuters photo|shutterstock|istock(?:photo)?|"
    r"epa-efe|via getty|photo by|photograph by|image by|photo courtesy|image courtesy|"
    r"photo credit|image credit|фото:)\b",
    re.I,
)
_CREDIT_HINTS: Final = (
    "credit",
    "photo",
    "image",
    "picture",
    "getty",
    "shutterstock",
    "istock",
    "epa-efe",
    "фото",
)
"""Photo credits and credit lines, and captions ending with a credit."""


def credit_text(text: str) -> bool:
    """``text`` is a photo credit or a caption carrying one."""
    if _CREDIT_START.match(text):
        return True
    lower = text.lower()
    return any(hint in lower for hint in _CREDIT_HINTS) and bool(_CREDIT_ANY.search(text))


def boilerplate_text(text: str) -> bool:
    """``text`` is page furniture (share buttons, copyright, cookie notice, menus...)."""
    if _BOILER_START.match(text):
        return True
    lower = text.lower()
    return any(hint in lower for hint in _BOILER_HINTS) and bool(_BOILER_ANY.search(text))


_NAME: Final = r"(?P<name>[^\W\d][\w.'’-]*(?:[ ][^\W\d][\w.'’-]*){0,3}?)"
_NAME_END: Final = (
    r"(?=\s*(?:$|[,;|•·/()]|[-–—]\s|\s(?:on|am|at|um|le|el|il|and|und|et|for|in|from|"
    r"staff|updated|published|posted)\b|\s\d))"
)
BYLINE: Final = re.compile(
    r"^(?:by|written by|posted by|reported by|story by|words by|text by|original author|"
    r"author|authors|автор|авторы|reporter|correspondent|von|par|por)\s*:?\s+" + _NAME + _NAME_END,
    re.I,
)
_BYLINE_INNER: Final = re.compile(
    r"(?P<lead>^|[|•·–—]\s*|\s)(?P<cue>(?:posted|written|published|gespeichert|geschrieben|verfasst"
    r"|publié|escrito|pubblicato)\b[^|•·]{0,40}?\s)?(?:by|von|par|por|di)\s+" + _NAME + _NAME_END,
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
    words, sentence_end, colon_end, caps, list_item = _shape(text)
    return Line(
        index=index,
        text=text,
        words=words,
        sentence_end=sentence_end,
        colon_end=colon_end,
        caps_ratio=caps,
        list_item=list_item,
        block_start=block_start,
    )


@lru_cache(maxsize=CACHE_SIZE)
def _shape(text: str) -> tuple[int, bool, bool, float, bool]:
    """Word count, sentence end, colon end, capitalised share (first 60 words), list mark."""
    tokens = WORD.findall(text)
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    words = len(tokens) + (cjk // 2 if cjk else 0)
    stripped = text.rstrip(_CLOSERS + " ")
    last = stripped[-1:] if stripped else ""
    upper = lower = 0
    for token in tokens[:60]:
        first = token[0]
        if first.isupper():
            upper += 1
        elif first.islower():
            lower += 1
    caps = upper / (upper + lower) if upper + lower else 0.0
    return words, last in _TERMINAL, last == ":", caps, bool(_LIST_MARK.match(text))


GENERIC_TITLE: Final = re.compile(
    r"^(?:home|home ?page|index|untitled|welcome|about|about us|blog|news|main page|start"
    r"|startseite|accueil|inicio|главная|новости)$",
    re.I,
)
"""Page titles that name no article ("Home", "About us")."""


@lru_cache(maxsize=CACHE_SIZE)
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


@lru_cache(maxsize=CACHE_SIZE)
def _boilerplate_text(text: str) -> bool:
    """``boilerplate_text`` (cached: menus repeat within and across pages)."""
    return boilerplate_text(text)


@lru_cache(maxsize=CACHE_SIZE)
def _credit_text(text: str) -> bool:
    """``credit_text`` (cached)."""
    return credit_text(text)


def is_boilerplate(line: Line) -> bool:
    """A short line of page furniture (copyright, share buttons, cookie notice, ...)."""
    return line.words <= 40 and _boilerplate_text(line.text)


def is_credit(line: Line) -> bool:
    """A photo credit, or a caption ending with its credit in brackets."""
    return line.words <= 60 and _credit_text(line.text)


@lru_cache(maxsize=CACHE_SIZE)
def byline_name(text: str) -> str | None:
    """The author's name when ``text`` is a byline ("By Igor Ulitin", "Original Author: ...",
    "Posted on May 4, 2020 by Jane Doe", "News | By Jane Doe | April 13")."""
    if len(text) > 160 or _credit_text(text):
        return None
    match = BYLINE.match(text)
    cue = True
    if not match:
        if len(text.split()) > 25:
            return None
        match = _BYLINE_INNER.search(text)
        if not match:
            return None
        cue = bool(match.group("cue"))
        lead = match.group("lead").strip() or match.start() == 0
        if not cue and not lead and not text[: match.start()].rstrip()[-1:].isdigit():
            return None
    name = match.group("name").strip(" .-")
    words = name.split()
    if not 1 <= len(words) <= 4:
        return None
    if not any(w[0].isupper() for w in words) and not (cue and len(words) == 1):
        return None
    return name


def is_prose(line: Line) -> bool:
    """A line that reads like article prose: a sentence of some length, or a long text."""
    if line.words >= 25 and line.caps_ratio < 0.6:
        return True
    return line.words >= 8 and line.sentence_end and line.caps_ratio < 0.75


def clear_caches() -> None:
    """Empty the per-text caches (benchmarks time cold passes with it)."""
    for cached in (heading_key, _boilerplate_text, _credit_text, byline_name, _shape):
        cached.cache_clear()
