"""Whose words a question asks for, and whose words the evidence quotes.

"What did Zelensky say about Putin?" is not answered by "In essence, Petrov asserts that 'Putin
already got a part of what he wanted'", though the evidence set names Zelensky elsewhere. When a
question asks what a named person or body said, a span attributed to speakers ("Petrov asserts",
"according to ISW") that never names the one asked about is someone else's words and is not quoted;
a span with no stated speaker may be the person's own (the attribution is often in the sentence
before) and stays.
"""

from __future__ import annotations

import re

from rag.evidence.candidates import evidence_spans
from rag.evidence.entities import is_body
from rag.evidence.question import _NAME, STOPWORDS, content_stems, is_calendar, matches, mentions, stem_all, words
from rag.news.speakers import speakers

_VERBS = (
    r"(?:say|tell|claim|argue|state|think|warn|write|assert|note|describe|call|suggest|predict|propose|demand|"
    r"insist|add|reiterate|announce|declare|mean|believe)"
)
_VERB_STEM = re.compile(_VERBS + r"\w*")  # the verbs of `_VERBS` and their stems
_BODIES = (
    r"(?:unions?|government|ministry|company|board|regulator|authority|police|army|military|court|committee|"
    r"council|opposition|operator|airline|employers|consortium|agency|prosecutors?|bank|club|party|bidder)"
)
# Case-sensitive on purpose: the name is found by its capitals (and IGNORECASE would let the nested
# repetition in _NAME backtrack without end on a long lower-case word).
_ASKED = re.compile(
    # "Which oblasts did Lavrov claim as …?" asks for Lavrov's words as much as "What did Lavrov say?"
    rf"^\s*(?:[Ww]hat|[Hh]ow|[Ww]hich(?:\s+[a-z]+){{1,3}})\s+(?:did|does|do|has|have|had|would|will)\s+"
    rf"(?P<name>{_NAME.pattern})\s+{_VERBS}\b"
    rf"|^\s*[Aa]ccording\s+to\s+(?:the\s+)?(?P<source>{_NAME.pattern})\s*,"
    # "What did the union say about …?": a body named by its kind, in lower case (explore16b q20).
    rf"|^\s*(?:[Ww]hat|[Hh]ow)\s+(?:did|does|do|has|have|had|would|will)\s+the\s+(?P<body>{_BODIES})\s+{_VERBS}\b"
)


# "What did the EU's top diplomat say …?": a speaker named by a post, not a name.
_ROLE_NOUNS = (
    r"(?i:diplomat|minister|president|spokes(?:man|woman|person)|envoy|official|secretary|chancellor|advis[eo]r|"
    r"ambassador|commander|general|chief|head|leader|historian|expert|analyst|negotiator|ceo|director|chairman)s?"
)
_ASKED_ROLE = re.compile(
    rf"^\s*(?:[Ww]hat|[Hh]ow)\s+(?:did|does|do|has|have|had|would|will)\s+(?:the\s+)?"
    rf"(?P<role>(?:[A-Z][\w.]*(?:['’]s)?\s+)?(?:[A-Za-z]+\s+){{0,2}}{_ROLE_NOUNS}"
    # "the CEO of the Russian Direct Investment Fund"
    rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)\s+{_VERBS}\b"
)


def asked_role(question: str) -> str | None:
    """The post whose holder's words the question asks for ("the EU's top diplomat"), or None."""
    m = _ASKED_ROLE.match(question)
    return m.group("role") if m else None


# A person's name of one to three capitalized words ("Kirill Dmitriev", "Kaja Kallas").
_HOLDER = r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"


def role_holders(role: str, texts: list[str]) -> set[str]:
    """Surnames the `texts` give the post ("Russian Foreign Minister Sergey Lavrov" -> "Lavrov"), so
    that a later sentence naming only the person still counts as theirs."""
    stems = content_stems(role)
    head = re.escape(role.split()[-1])
    found: set[str] = set()
    for text in texts:
        # "Kirill Dmitriev, CEO of the Russian Direct Investment Fund"
        for m in re.finditer(rf"{_HOLDER},\s+(?:the\s+)?{re.escape(role)}", text):
            found.add(m.group("name").split()[-1])
        for m in re.finditer(rf"(?i:{head})\s+{_HOLDER}", text):
            before = set(content_stems(text[max(0, m.start() - 60) : m.end()]))
            if all(matches(t, before) for t in stems):
                found.add(m.group("name").split()[-1])
    return found


def role_unnamed(role: str, holders: set[str], text: str, context: str) -> bool:
    """Whether `text` and its `context` name neither the asked post (every word of it) nor one of
    its `holders`: Trump's remark on Crimea is no answer to what the EU's top diplomat said about it
    (hand-read round 6 Q20)."""
    around = f"{text} {context}"
    held = set(content_stems(around))
    return not all(matches(t, held) for t in content_stems(role)) and not any(_names(h, around) for h in holders)


def asked_speaker(question: str) -> str | None:
    """The person or body whose words the question asks for ("What did Lavrov say …?"), or None."""
    m = _ASKED.match(question)
    if m is None:
        return None
    return m.group("name") or m.group("source") or m.group("body")


# "What did Lavrov tell Le Monde …?", "… say to Fox News", "… in an interview with CNN": whom; and
# an audience named by its kind ("tell the Ugandan parliament", "told reporters").
_AUDIENCE = (
    r"parliament|congress|senate|assembly|committee|court|judges?|jury|reporters|journalists|lawmakers|legislators|"
    r"mps|senators|delegates|members|voters|supporters|crowds?|audiences?|conference|summit|council|cabinet|"
    r"newspaper|radio|television|programme|program"
)
_PRESS = ("reporters", "journalists", "press", "media", "newspaper")
_SAME_AUDIENCE = {"reporters": _PRESS, "journalists": _PRESS}
_TO = re.compile(
    rf"\b(?:tell|told|tells|say\s+to|said\s+to|in\s+an\s+interview\s+with|interviewed\s+by)\s+(?:the\s+)?"
    rf"(?:(?P<to>{_NAME.pattern})(?:\s+(?P<kind>(?i:{_AUDIENCE}))\b)?|(?P<audience>(?i:{_AUDIENCE}))\b)"
)


def asked_recipient(question: str) -> str | None:
    """Whom the asked words were said to ("What did Lavrov tell Le Monde?" -> "Le Monde"), or None."""
    m = _TO.search(question)
    return (m.group("to") or m.group("audience")) if m else None


def names_recipient(question: str, text: str) -> bool:
    """Whether `text` names the one the question's words were said to: Lavrov's remark on the 1991
    borders is no answer to what he told Le Monde, which interviewed Zelensky; what Sarah Mukasa "told
    the BBC's Focus on Africa programme" none to what she told "the Ugandan parliament", though the
    span names Uganda (hand-read round 13 Q18)."""
    m = _TO.search(question)
    if m is None:
        return True
    kind = m.group("kind") or m.group("audience")
    said = words(text)
    if kind is not None and not any(mentions(k, said) for k in _SAME_AUDIENCE.get(kind.lower(), (kind.lower(),))):
        return False
    return m.group("to") is None or _names(m.group("to"), text)


def others_words(name: str, text: str) -> bool:
    """Whether `text` is attributed to speakers and never names `name` (Zelensky / Zelenskyy match):
    a span that names the person asked about may well give their words, however it is attributed.
    A name given only as an owner or an object ("following David Blunkett's resignation, Mr Clarke
    said …"; Petrov's "the impression of Russia as a country equal to the U.S.") names no speaker:
    those are others' words (hand-read round 10 Q21, explore11 H4)."""
    found = speakers(text) + [m.group("name") for m in _REPORTS.finditer(text)]
    if not found:
        return False
    return not _names(name, text) or (
        not any(_names(name, s) for s in found)
        and (_not_the_subject(name, text) or _only_in_reported_clause(name, text, found))
    )


# "Lavrov stated that …": a speaker's verb of saying and the "that" opening what was said.
_SAID_THAT = (
    r"[^.;]{0,40}?\b(?:said|says|stated|states|declared|declares|told|argued|claimed|insisted|warned|asserted|added)\b"
    r"[^.;]{0,60}?\bthat\b"
)


def _only_in_reported_clause(name: str, text: str, found: list[str]) -> bool:
    """Whether `name` is named only inside what another speaker is reported to have said: "Lavrov stated that
    Ukrainian President Volodymyr Zelenskyy would have to accept territorial concessions" gives Lavrov's words, not
    Zelensky's (the bundled corpus answered "What did Zelensky say about territorial concessions?" with it)."""
    named = _name_words(name)
    at = [m.start() for m in re.finditer(r"[\w’'-]+", text) if any(mentions(n, [m.group(0)]) for n in named)]
    for who in found:
        said = re.search(rf"\b{re.escape(who.split()[-1])}\b{_SAID_THAT}", text)
        if said is not None and at and all(a >= said.end() for a in at):
            return True
    return False


# More verbs that report someone's words than the disagreement notes read as a speaker's: "Trump
# indicated that Crimea, … annexed by Russia in 2014, 'will stay with Russia'" is Trump's, not Russia's.
_REPORTS = re.compile(
    r"(?P<name>[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?(?:indicated|suggested|signal(?:l)?ed|hinted|predicted|promised|vowed|"
    r"conceded|confirmed|denied|insists|suggests|indicates)\b"
)


# Before a name: a preposition makes it an object ("annexed by Russia", "the impression of Russia").
_OBJECT_OF = re.compile(
    r"\b(?:of|by|with|to|from|against|on|in|for|about|into|towards?|over|at|than|between|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _not_the_subject(name: str, text: str) -> bool:
    """Whether every mention of the name's last word in `text` is a possessive ("Blunkett's
    resignation") or an object ("annexed by Russia"), never who speaks or acts."""
    last = words(name)[-1]
    found = list(re.finditer(rf"\b{re.escape(last)}\b(['’]s?)?(\s+\w+)?", text, re.IGNORECASE))

    def aside(m: re.Match[str]) -> bool:
        # "Lavrov's comments" are his words, however the sentence attributes them.
        if m.group(1):
            return not _WORDS_OF.match(m.group(2) or "")
        return bool(_OBJECT_OF.search(text[: m.start()]))

    return bool(found) and all(aside(m) for m in found)


_WORDS_OF = re.compile(
    r"\s+(?:comments?|remarks?|statements?|words|claims?|views?|positions?|stance|speech|interview|letter|"
    r"message|demands?|proposals?|warnings?|threats?|assertions?|argument|account|answer|response|reply)\b",
    re.IGNORECASE,
)


def _name_words(name: str) -> list[str]:
    """The words that name `name` in a text: a person's last word, any word of a body's (see `_names`)."""
    named = words(name)
    return named[-1:] if len(named) > 1 and named[0] != "the" and not is_body(name) else named


def _names(name: str, text: str) -> bool:
    """Whether `text` names `name` by one of its words, raw or stemmed (Zelensky / Zelenskyy). A
    person's name counts by its last word: a first name alone is another person's ("Sergey Lavrov" is
    not "Sergey Radchenko", hand-read round 9 Q13). A body ("Justice Department") keeps any word: its
    sentences may call it otherwise ("the DOJ says …", "the department")."""
    said, named = words(text), _name_words(name)
    return any(mentions(w, said) for w in named)


def _times(question: str) -> list[str]:
    return [w for w in words(question) if is_calendar(w) or w.isdigit()]


def gives_time(question: str, text: str) -> bool:
    """Whether `text` holds every date word of the question ("3", "April"): what Lavrov said on
    11 April is no answer to what he said on 3 April."""
    said = set(words(text))
    return all(w in said for w in _times(question))


def unnamed(name: str, text: str, context: str) -> bool:
    """Whether neither `text` nor its `context` (the sentence before, the article's title and
    outlet) names `name`: then `text` cannot give their words. "What did Dmitriev say about NATO?"
    is not answered by "Trump … suggested that Kyiv was unlikely to ever join NATO"."""
    return not _names(name, f"{text} {context}")


def others_at_time(name: str, question: str, text: str) -> bool:
    """Whether the question's date ("on 3 April") is in a sentence of `text` that gives another
    speaker's words: for "What did Lavrov say on 3 April?", "… Dmitriev, who told Fox News on 3 April
    that …" beside Lavrov's own sentence about 27 February."""
    if not _times(question):
        return False
    sentences = [text[start:end] for start, end in evidence_spans(text)]
    return any(gives_time(question, s) and others_words(name, s) for s in sentences)


# A caption or a label names people and states nothing: "Russian Foreign Minister Sergey Lavrov."
_LABEL_WORDS = 10
_LINKS = frozenset(["of", "the", "and", "for", "at", "in", "on", "de", "von", "van", "al"])


def says_nothing(text: str) -> bool:
    """Whether `text` is a short run of capitalised words (a caption, a name with its post): it
    gives nobody's words, so it never answers what someone said."""
    tokens = re.findall(r"[\w’'.-]+", text)
    return 0 < len(tokens) <= _LABEL_WORDS and all(t[0].isupper() or t.lower() in _LINKS for t in tokens)


def says_all_of(name: str, question_terms: list[str], text: str, context: str = "") -> bool:
    """Whether `text` gives `name`'s words (attributed to speakers, naming `name`) and, with `context`
    (the sentence before it, the title), holds every other key term of the question: "Russian Foreign
    Minister Sergey Lavrov reiterated … sanctions on Aeroflot" for "What did Lavrov say about Aeroflot?";
    "'… a great deal more than we were offered,' said Tomas Reiner" under the title "Dockworkers
    accept tentative deal" for what he said about the tentative deal (explore15 q23)."""
    if not speakers(text) or others_words(name, text):
        return False
    said = words(f"{text} {context}")
    held = set(said) | set(stem_all(said))
    own = set(words(name)) | set(stem_all(words(name)))
    asked = [t for t in question_terms if t not in own and not _VERB_STEM.fullmatch(t)]
    # "What did Lavrov say?" asks for nothing else: Lavrov's attributed words answer it.
    return all(matches(t, held) for t in asked)


# "What did Lavrov say about Ukraine's 1991 borders?": the topic the asked words are about. The occasion
# of "What did Sollberg say when the recount result was announced?" is read as one: her election-night
# words, a fortnight before any recount, were quoted (blind explore18b q21).
_ABOUT = re.compile(
    rf"^\s*(?:what|how)\s+(?:did|does|do|has|have|had|would|will)\s+.+?\s+{_VERBS}\w*\s+(?:\w+\s+)?(?:about|when|after)\s+"
    r"(?P<topic>.+?)\s*\??\s*$",
    re.IGNORECASE,
)


def said_about(question: str) -> str | None:
    """The topic of "What did X say about Y?" (Y), or None."""
    m = _ABOUT.match(question)
    return m.group("topic") if m else None


def speaks_of(topic: str, text: str) -> bool:
    """Whether `text` holds at least half of the key words of `topic`: Dmitriev's words on sanctions
    relief say nothing of "Ukraine's 1991 borders" (hand-read round 7 Q16)."""
    terms = content_stems(topic)
    held = set(content_stems(text))
    return not terms or 2 * sum(matches(t, held) for t in terms) >= len(terms)


# The words of a sentence its subject stands in: "Halvard says no more than 800", "The Aviation
# Workers' Union says 2,000 jobs would go".
_SUBJECT_WORDS = 6
_SAYS = r"(?:says|said|argues|argued|estimates|estimated|puts|put|claims|claimed|insists|insisted|told|tells)"


def voices(side: str, text: str) -> bool:
    """Whether `text` gives the account of `side` (a party a question sets against another): `side` is
    among its speakers, or, when it names none, opens it as its subject. "The Aviation Workers' Union
    says 2,000 jobs would go under Halvard" is the union's account, not Halvard's; "'Halvard's own
    numbers tell the story,' … said Karl Mendez" is Mendez's."""
    own = _name_words(side)
    # "… the union's own economist says half that": a speaker in lower case, or one of the side's people.
    if any(re.search(rf"\b{re.escape(w)}(?:['’]s(?:\s+[\w-]+){{0,3}})?\s+{_SAYS}\b", text, re.I) for w in own):
        return True
    said_by = speakers(text)
    if said_by:
        return any(_names(side, s) for s in said_by)
    return any(mentions(w, words(text)[:_SUBJECT_WORDS]) for w in own)


# "Who said 'I trust the people who are climbing the poles'?": the words in quotation marks, at least
# three of them. A single quotation mark opens only after a space or a bracket, never inside a word
# ("Drovask's"), and closes before one.
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]|(?:^|(?<=[\s(]))['‘]([^'‘’]+?)['’](?=[\s?.,!)]|$)")
_QUOTED_WORDS = 3


def quoted_words(question: str) -> str | None:
    """The words a question quotes ("Who called the summit 'a theatre without the main actor'?"), when it
    quotes at least three."""
    for m in _QUOTED.finditer(question):
        found = m.group(1) or m.group(2)
        if len(words(found)) >= _QUOTED_WORDS:
            return found
    return None


def _plain(text: str) -> str:
    return " ".join(w.lower() for w in words(text.replace("’", "'")))


def quotes(quoted: str, text: str) -> bool:
    """Whether `text` holds the quoted words, in order, whatever its punctuation and capitals: "Nothing changes
    for Velmora. The schedule is the schedule," holds "the schedule is the schedule"."""
    return f" {_plain(quoted)} " in f" {_plain(text)} "


# Words a question takes from a quotation without marking it: "Who branded the team leader an obstacle to justice?"
# beside "… had become \"an obstacle to justice\"".
_ECHOED_WORDS = 3  # consecutive words of the quotation, two of them content words


def echoes_quote(question: str, text: str) -> bool:
    """Whether `question` holds, unmarked, three or more consecutive words of a quotation in `text`, two of them no
    stopwords: what someone was quoted saying, asked of as the question's own words."""
    asked = f" {_plain(question)} "
    for m in _QUOTED.finditer(text):
        said = _plain(m.group(1) or m.group(2)).split()
        for n in range(len(said), _ECHOED_WORDS - 1, -1):
            for i in range(len(said) - n + 1):
                run = said[i : i + n]
                if sum(w not in STOPWORDS for w in run) >= 2 and f" {' '.join(run)} " in asked:
                    return True
    return False


# "Who insisted that nobody had demanded passengers hand over their passports?": who said no one did it.
_DENIAL_ASKED = re.compile(
    r"^\s*who\s+(?:[a-z]+ly\s+)?(?:insisted|said|says|maintained|argued|stated|claimed|told\s+[\w ]{1,30}?|replied|"
    r"answered|repeated)\s+(?:that\s+)?[^?]*\b(?:nobody|no\s*one|none|nothing|never|not\s+(?:one|a\s+single)|"
    # … or that something was not done: "Who insisted that camp residents' food had not been cut back …?" (explore47b
    # q09 abstained beside "Ansel Oduya, denied it. “Not one ration has been cut …”")
    r"(?:had|has|have|was|were|did|does|do)\s+not)\b"
    # … not a "nothing but" or "nothing more than": "Who said the besieged hospital had been kept going on nothing but
    # nerve and fuel?" (explore35 q30) asks who said so, not who denied anything.
    r"(?!\s+(?:but|more|less|short|else)\b)",
    re.IGNORECASE,
)
# A span saying no one did it: "“No one has asked for anyone's passport,” spokesman Dorin Asvald said", "Not one gate
# has been opened". Not "No Dunvarian citizen will hand over a passport", a refusal.
SAYS_NONE = re.compile(
    r"\b(?:nobody|no\s*one|none|nothing|never|not\s+(?:one|a\s+single|any))\b|\bno\s+\w+\s+(?:has|have|had|was|were)\b",
    re.IGNORECASE,
)


# "Who said having a tap that only works for a couple of weeks is worse than having none?": who said something, told
# in the question's own words.
_WHO_SAID = re.compile(
    # … "Who at the inspectorate said …" too (blind explore50b q09)
    r"^\s*who\s+(?:(?:at|from|in|inside|on|of|among)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?=said|says|told))?"
    r"(?:[a-z]+ly\s+|first\s+)?(?:said|says|told|warned|insisted|argued|complained|claimed|called|described)\b",
    re.IGNORECASE,
)
# A sentence quoting a speaker: "“A tap that works for a fortnight … is worse than no tap at all,” said Maren Tulloch".
_QUOTES_SPEAKER = re.compile(
    rf"[“\"‘][^”\"’]{{12,}}[”\"’][^.]{{0,80}}?\b{_SAYS}\b|\b{_SAYS}\b[^.“\"]{{0,80}}?[“\"]", re.IGNORECASE
)


def asks_who_said(question: str) -> bool:
    """Whether the question asks who said something."""
    return _WHO_SAID.match(question) is not None


def quotes_speaker(text: str) -> bool:
    """Whether `text` quotes someone's words with a verb of saying."""
    return _QUOTES_SPEAKER.search(text) is not None


# "… is worse than having none" compares; it denies nothing (explore45 q30).
_COMPARED_TO_NONE = re.compile(r"\bthan\s+(?:having\s+|getting\s+)?(?:none|nothing)\b", re.IGNORECASE)


def denial_asked(question: str) -> bool:
    """Whether `question` asks who said that no one did something, or that it never happened."""
    return _DENIAL_ASKED.match(question) is not None and not _COMPARED_TO_NONE.search(question)
