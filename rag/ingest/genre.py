"""An article's genre: news, or an opinion or analysis piece, as its outlet marks it.

A column restates the facts loosely and often late ("cut a news agency's death toll from fourteen
to nine", three weeks after the cut): read as a report of its date, it led the answer to "What's the
latest death toll?" (explore17b q09). Outlets mark such pieces, and only their marks are read here,
not the column's style: a section ("section: Opinion" in front matter or a header line,
`<meta property="article:section" content="Opinion">`, a JSON "section"), a prefix of the headline
("Opinion: …", "Analysis | …", Reuters' "ANALYSIS-…"), a folder of the url ("/opinion/",
"/commentisfree/", "/analysis/"), or a disclaimer at the top or foot of the text ("The views expressed
in opinion pieces do not necessarily reflect the position of The Moscow Times": the bundled corpus's
column, whose sidecar gives no section). The first mark found decides, in that order.
"""

from __future__ import annotations

import re
from typing import Any, Literal

Genre = Literal["opinion", "analysis"]

# Section names and url folders, by the genre they mark.
_OPINION_WORDS = (
    r"opinions?|comment|commentary|commentisfree|editorials?|op-?eds?|columns?|columnists?|"
    r"letters|views|viewpoints?"
)
_ANALYSIS_WORDS = r"analysis|news[- ]analysis|analyses"

_SECTION = {
    "opinion": re.compile(rf"^\s*(?:{_OPINION_WORDS})\s*$", re.IGNORECASE),
    "analysis": re.compile(rf"^\s*(?:{_ANALYSIS_WORDS})\s*$", re.IGNORECASE),
}
# "Opinion: …", "OPINION | …", "Analysis – …", "ANALYSIS-…": the mark, then a separator.
_TITLE = {
    "opinion": re.compile(r"^\s*(?:opinion|comment|editorial|op-?ed|column)\s*[:|–—-]", re.IGNORECASE),
    "analysis": re.compile(r"^\s*(?:news\s+)?analysis\s*[:|–—-]", re.IGNORECASE),
}
_URL = {
    "opinion": re.compile(rf"/(?:{_OPINION_WORDS})/", re.IGNORECASE),
    "analysis": re.compile(rf"/(?:{_ANALYSIS_WORDS.replace('[- ]', '-')})/", re.IGNORECASE),
}


# An outlet's disclaimer under a column, or a guest writer's ("… the views expressed are her own").
_DISCLAIMER = re.compile(
    r"\bviews\s+expressed\s+in\s+(?:this\s+|these\s+)?(?:opinion|op-?ed|comment(?:ary)?)\s+"
    r"(?:pieces?|articles?|columns?)\b"
    r"|\bviews\s+expressed\s+(?:here\s+)?are\s+(?:his|her|their|the\s+author['’]s)\s+own\b",
    re.IGNORECASE,
)
_DISCLAIMER_REACH = 1500  # characters at the top and at the foot of a text where a disclaimer stands


def _marked(patterns: dict[str, re.Pattern[str]], value: str) -> Genre | None:
    for genre in ("opinion", "analysis"):
        if patterns[genre].search(value):
            return genre  # type: ignore[return-value]
    return None


def _sections(value: Any) -> list[str]:
    """A section field as a list of names: a string, or a list of them (trafilatura's categories)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def genre_of(section: Any, title: Any, url: Any, text: str = "") -> Genre | None:
    """ "opinion" or "analysis" when the article is marked as one; None for news (no mark)."""
    for name in _sections(section):
        if genre := _marked(_SECTION, name):
            return genre
    if isinstance(title, str) and (genre := _marked(_TITLE, title)):
        return genre
    if isinstance(url, str):
        path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
        if genre := _marked(_URL, path):
            return genre
    ends = " ".join(f"{text[:_DISCLAIMER_REACH]} {text[-_DISCLAIMER_REACH:]}".split())
    return "opinion" if _DISCLAIMER.search(ends) else None
