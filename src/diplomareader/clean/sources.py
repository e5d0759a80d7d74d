"""Recognising the outlet or issuing body of a page from what the page itself says.

Signals, in no site-specific way: a wire dateline at the head of the body ("ASTANA.
KAZINFORM", "WASHINGTON (AP) —"), an attribution like "..., Orda.kz reports.", the site
name after a page title ("Headline - Los Angeles Times"), a copyright line, an organisation
named in the footer ("The Embassy of the Republic of Kazakhstan"), and the host of the
page's URL (with the names of a few official issuers whose hosts do not spell their name).
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

_UPPER: Final = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_DATELINE_AGENCY: Final = re.compile(
    rf"^[{_UPPER}][{_UPPER}' -]{{1,30}}[.,]\s+(?P<src>[{_UPPER}][{_UPPER}-]{{2,30}})\b(?![a-zа-я])"
)
_DATELINE_PAREN: Final = re.compile(
    rf"^[{_UPPER}][\w .,'-]{{1,50}}?\((?P<src>[{_UPPER}][\w .&-]{{1,30}})\)\s*[-–—:]"
)
_REPORTS: Final = re.compile(
    r"(?:,|—|–)\s*(?P<src>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
    r"(?:\s+(?:correspondent|news agency|agency|reporter))?\s+reports?\s*[.!]?\s*$"
)
_SITE_SEPARATORS: Final = re.compile(r"\s+(?:[|–—•·»:]|-{1,2}|::)\s+")
COPYRIGHT: Final = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'.-]*(?:[ ][A-Z&][\w&'.-]*){0,6})",
    re.I,
)
_ORG_WORDS: Final = re.compile(
    r"\b(?:Embassy|Consulate|Ministry|Mission|Government|Office|Agency|Council|Committee|"
    r"Department|Administration|Presidency|Parliament|Assembly|Commission|Organization|"
    r"Organisation|Service|News|Press|Times|Post|Herald|Gazette|Journal|Tribune|Television|"
    r"Radio|Broadcasting|Media|Foundation|Institute|University|Center|Centre)\b"
)
_KNOWN_HOSTS: Final = (
    (re.compile(r"(?:^|\.)(?:\w+)?whitehouse\.(?:archives\.)?gov$"), "The White House"),
    (re.compile(r"(?:^|\.)state\.gov$"), "U.S. Department of State"),
    (re.compile(r"(?:^|\.)kremlin\.ru$"), "President of Russia"),
    (re.compile(r"(?:^|\.)mid\.ru$"), "Ministry of Foreign Affairs of Russia"),
    (re.compile(r"(?:^|\.)akorda\.kz$"), "Akorda"),
    (re.compile(r"(?:^|\.)un\.org$"), "United Nations"),
    (re.compile(r"(?:^|\.)gov\.uk$"), "GOV.UK"),
    (re.compile(r"(?:^|\.)europa\.eu$"), "European Union"),
    (re.compile(r"(?:^|\.)nato\.int$"), "NATO"),
)
"""Official issuers whose host name does not spell their name; other hosts are used as is."""


def _nice(name: str) -> str:
    """An all-caps agency name in title case ("KAZINFORM" -> "Kazinform"); others unchanged."""
    name = name.strip(" .,-")
    if name.isupper() and len(name) > 4:
        return name.title()
    return name


def dateline_source(paragraph: str) -> str | None:
    """The agency of a wire dateline at the start of the first paragraph, if there is one."""
    head = paragraph[:120]
    match = _DATELINE_PAREN.match(head) or _DATELINE_AGENCY.match(head)
    return _nice(match.group("src")) if match else None


def reports_source(paragraph: str) -> str | None:
    """The outlet of "..., Orda.kz reports." ending the first sentence of a paragraph."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“«])", paragraph, maxsplit=1)[0]
    match = _REPORTS.search(first)
    return match.group("src") if match else None


def split_site_name(title: str, site: str | None = None) -> tuple[str, str | None]:
    """Split "Headline - Site Name" into the headline and the site name.

    A part matching ``site`` (the page's stated site name) is removed; otherwise a short last
    part ("... | Los Angeles Times"), or a short first part before a long headline.
    """
    title = title.strip()
    parts = [p.strip() for p in _SITE_SEPARATORS.split(title)]
    if len(parts) < 2:
        return title, None
    if site:
        site_tokens = set(re.findall(r"\w+", site.lower()))
        kept = [p for p in parts if not _same_name(p, site_tokens)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept), site
    longest = max(parts, key=len)
    others = [p for p in parts if p is not longest]
    if len(parts) > 2 and len(longest) > sum(len(p) for p in others):
        return longest, " - ".join(others)
    head, tail = " - ".join(parts[:-1]), parts[-1]
    if len(tail.split()) <= 5:
        return head, tail
    first, rest = parts[0], " - ".join(parts[1:])
    if len(first.split()) <= 3:
        return rest, first
    return title, None


def _same_name(part: str, site_tokens: set[str]) -> bool:
    """A title part that names the site (most of its words are the site name's)."""
    tokens = set(re.findall(r"\w+", part.lower()))
    return bool(tokens) and len(tokens & site_tokens) >= 0.7 * len(tokens)


def org_name(line: str) -> str | None:
    """The line itself when it is just the name of an organisation ("The Embassy of ...")."""
    words = line.split()
    if not 2 <= len(words) <= 12 or line.endswith((".", "!", "?", ":")):
        return None
    if not _ORG_WORDS.search(line):
        return None
    capitalised = sum(1 for w in words if w[:1].isupper())
    return line.strip() if capitalised >= len(words) * 0.5 else None


def host_source(url: str | None) -> str | None:
    """The issuer named by a URL: a known official host's name, else the bare host name."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    for pattern, name in _KNOWN_HOSTS:
        if pattern.search(host):
            return name
    return host.removeprefix("www.")
