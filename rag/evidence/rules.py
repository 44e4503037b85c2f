"""The rules of something: "What are the rules for reporters holding a front-line press card?".

No one sentence answers it, and no sentence says "rules": the report announcing them tells each in a sentence of its
own ("Card holders must wear the card where it can be seen, …", "Cards are valid for 30 days", "They cross on foot in
groups of 45, one busload at a time, and must carry a birth certificate"). Read as any other question, the best match
was the one sentence that names the word, often an analysis piece's ("Then there are the rules. … the number of
students who may cross each day is set by the education ministry", a false claim; explore39b q25), or nothing at all
(explore35c q25, 36d q25 and 37d q25 abstained). So the answer is the sentences of one report that lay down what may,
must or may not be done (`_DEONTIC`) in a passage on the question's topic, in the report's order: the report whose
sentences weigh most (`_weight`), the earlier on a tie, as rules are laid down when they are announced. Columns and
analysis pieces are left out: they restate rules, sometimes wrongly. One such sentence makes no rules unless it names
them ("agreed on four conditions: …"): the question is then answered as any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.evidence.candidates import evidence_spans
from rag.evidence.question import content_stems, matches
from rag.types import Passage

# "What are the rules of the repair truce?", "What conditions did Korvath set before letting the planes cross?", "What
# were the main terms of the restructuring?", "what are you not allowed to put in a parcel". Not "What rule in the
# constitution stops …": one rule is a fact, asked as any other.
_RULES_ASKED = re.compile(
    r"^\s*what\s+(?:(?:are|were|is|was)\s+the\s+(?:main\s+|key\s+|new\s+)?|[\w'’-]+\s+)?"
    r"(?:rules|conditions|terms|restrictions|requirements)\b"
    r"|^\s*what\s+(?:are|were|is|was)\s+(?:you|people|they|we)\s+not\s+allowed\b",
    re.IGNORECASE,
)
# The question's words that ask for rules, not what they govern.
_ASKING = frozenset(
    content_stems(
        "rule rules condition conditions term terms restriction restrictions requirement requirements set follow "
        "allowed main key new attach attached have first announced"
    )
)
# Who sets the rules, where the question names them: "What conditions did Russia set for a ceasefire?", "What
# conditions did the military attach to …", "What restrictions did the commission impose …".
_SETTER = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would)\s+(?P<setter>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+"
    r"(?:set|attach|impose|demand|propose|put\s+forward|lay\s+down|insist\s+on|want)\b",
    re.IGNORECASE,
)
# Rules asked as first laid down, the earliest report's: "What conditions were set for the evacuation trains when the
# plan was approved?" was answered with a later report's "Trains now run once a day …, under conditions set by the
# Joint Humanitarian Committee on Friday" (blind explore48c q25).
_ORIGINAL = re.compile(
    r"\b(?:at\s+first|originally|initially|first\s+(?:set|laid|agreed|announced|approved)|"
    r"when\s+(?:the|it|they)\s+(?:[\w'’-]+\s+){0,3}?(?:was|were)\s+(?:first\s+)?"
    r"(?:approved|agreed|announced|signed|licensed|set\s+up)|"
    # … or in the active: "What rules did the commission set for the repair crews when it first licensed them?"
    r"when\s+(?:it|they|the\s+[\w'’-]+)\s+first\s+(?:approved|agreed|announced|signed|licensed|set))\b",
    re.IGNORECASE,
)
# The words a report lays rules down by: "under its terms", "on four conditions", "the administration's conditions
# also include", "Under rules agreed between the league and the defence ministry". Not conditions of another kind: "to
# create conditions for diplomatic resolution", "to secure the conditions it deems necessary" (the bundled corpus, "What
# are the terms of the ceasefire proposal?"), nor rules only named: "the first test of the ceasefire's rules for
# aircraft", "before the court rules".
_NAMES_RULES = re.compile(
    r"\b(?:under\s+(?:its|the|their)\s+terms|(?:on|under|with)\s+(?:\w+\s+)?conditions|"
    r"[\w’']+['’]s\s+conditions\s+(?:also\s+)?include|conditions\s+(?:also\s+)?(?:include|are|were)|"
    r"under\s+(?:[\w’'-]+\s+){0,6}?rules|restrictions|requirements)\b",
    re.IGNORECASE,
)
# What may, must or may not be done: "must carry", "may cross", "only in daylight", "a ban on away supporters", "under
# its terms", "on four conditions", "takes effect at 6 a.m.", "took effect at 6 a.m. on Monday and runs for four
# weeks" (not "The ceasefire … took effect on March 1", background). Not the "may" of what might happen ("may be
# delayed", "may be prolonging the war", "may not be sure", "may prove challenging", "may have left", "may well"; the
# bundled corpus's "Analysts believe that Putin may be prolonging the war" answered "What conditions did Putin set for
# a ceasefire?"), nor "the only crossing of the Ildra" or "Only 3,100 tonnes … have arrived"; not "no more than 37
# journalists had a card", a count (a limit says "may": "Parcels may weigh no more than 5 kilograms").
_DEONTIC = re.compile(
    r"\b(?:must|(?-i:may)(?!\s+(?:have|well|also|take|need|prove|not\s+be\s+(?:sure|certain|able|enough|possible|ready|a|an|the)|be\s+(?:\w+ing|able|ready|late|delayed|forced|"
    r"too|more|less|a|an|the)\b))|(?<!the\s)only\s+(?:in|on|at|by|with|between|from|after|before|during)\b|"
    r"not\s+allowed|allowed\s+to|ban\s+on|forbidden|prohibited|required|requires|provided|takes\s+effect|"
    r"took\s+effect\b[^;]{0,40}?\b(?:runs?|until)|is\s+free|valid\s+for)\b",
    re.IGNORECASE,
)
# A sentence ends with its stop: a headline or a picture caption lays nothing down.
# A rule binding someone: its subject, up to three words before "must" ("Russia must agree that …", "Moscow would
# first have to").
_BINDS = re.compile(
    r"((?:[\w’'.-]+\s+){1,3}?)(?:must|has\s+to|have\s+to|would\s+(?:first\s+)?have\s+to)\b", re.IGNORECASE
)
# A rule argued for, not laid down: "The official report emphasizes that 'Russia must agree that …'", "Official
# sources note that for real progress, Russia must recognize …" (the bundled corpus's report of an analysis, quoted
# for "What are the terms of the ceasefire proposal?"). "The ministry said crews must …" tells a rule.
_ARGUED = re.compile(
    r"\b(?:emphasi[sz]e[sd]?|notes?|noted|stress(?:es|ed)?|argue[sd]?|believes?|believed|insist(?:s|ed)?|"
    r"warn(?:s|ed)?|suggest(?:s|ed)?|urge[sd]?)\s+that\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?][\"”’']?\s*$")
# A sentence that goes on about the one before: "They cross on foot …", "It covers the ground within five kilometres".
_GOES_ON = re.compile(r"^\s*(?:they|it|each|every|these)\b", re.IGNORECASE)
_QUOTATION = re.compile(r"^\s*[\"“‘']")
_MOST_SHOWN = 4


@dataclass(frozen=True)
class RulesAsked:
    """The words of a question asking for rules ("What are the rules of the repair truce?") and the stems of what
    they govern (`topic`: "repair", "truce")."""

    question: str
    topic: tuple[str, ...]
    governed: str  # the question's words after its asking ones: "of the repair truce"
    setter: tuple[str, ...] = ()  # the stems of who sets them, where the question says: "russia"
    original: bool = False  # asked as first laid down: "… when the plan was approved?"

    @property
    def search(self) -> str:
        """A search for the report laying the rules down, which a search for the question may miss: "What are the
        rules of the repair truce?" ranked an analysis piece's "the rules" first, and the report's "Under its terms,
        repair crews work only between 7 a.m. and 6 p.m." below 24 passages (explore39 q25)."""
        return f"{self.governed.strip(' ?')}: terms, must, only, may"


@dataclass(frozen=True)
class Rule:
    """One sentence of a report laying down a rule, as offsets into its passage's text."""

    passage: Passage
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


def rules_asked(question: str) -> RulesAsked | None:
    """The rules a question asks for, or None when it asks something else."""
    m = _RULES_ASKED.search(question)
    if not m:
        return None
    topic = tuple(s for s in content_stems(question) if s not in _ASKING)
    by = _SETTER.search(question, m.end() - 1)
    setter = tuple(content_stems(by.group("setter"))) if by else ()
    original = _ORIGINAL.search(question) is not None
    return RulesAsked(question, topic, question[m.end() :], setter, original) if topic else None


def rules(asked: RulesAsked, passages: list[Passage]) -> list[Rule]:
    """The rules one report over `passages` lays down on the asked topic, in its order: the report telling most of
    them, the earlier on a tie; at most `_MOST_SHOWN`, those naming most of the topic kept. Empty when no report tells
    two, or one that names them ("Korvath agreed on four conditions: …")."""
    by_article: dict[str, list[Rule]] = {}
    seen: set[tuple[str, str]] = set()  # chunks overlap: a sentence once
    for p in passages:
        # The passage names the topic; its rules often do not ("Crews will work only in daylight").
        if p.commentary or 2 * len(_topic_named(asked, p.title + " " + p.text)) < len(asked.topic):
            continue
        for rule in _rules_in(p):
            if _binds_setter(asked, rule.text):
                continue
            if (p.article_id, rule.text.strip()) not in seen:
                seen.add((p.article_id, rule.text.strip()))
                by_article.setdefault(p.article_id, []).append(rule)
    if not by_article:
        return []
    if asked.original:
        laid_down = [r for r in by_article.values() if len(r) >= 2 or _NAMES_RULES.search(r[0].text)]
        told = min(laid_down, key=lambda r: _day_number(r[0].passage)) if laid_down else []
    else:
        told = max(by_article.values(), key=lambda r: (sum(_weight(asked, x) for x in r), -_day_number(r[0].passage)))
    if not told or (len(told) < 2 and not _NAMES_RULES.search(told[0].text)):
        return []
    kept = sorted(told, key=lambda r: -_weight(asked, r))[:_MOST_SHOWN]
    return sorted(kept, key=lambda r: r.passage.start + r.start)


def _rules_in(passage: Passage) -> list[Rule]:
    """The sentences of `passage` laying something down, and those going on about one that does."""
    found: list[Rule] = []
    after_rule = False
    for start, end in evidence_spans(passage.text):
        text = passage.text[start:end]
        said = bool(_DEONTIC.search(text) or _NAMES_RULES.search(text))
        lays_down = said and bool(_SENTENCE.search(text)) and not _QUOTATION.match(text) and not _ARGUED.search(text)
        rule = lays_down or (after_rule and bool(_GOES_ON.match(text)))
        if rule:
            found.append(Rule(passage, start, end))
        after_rule = rule
    return found


def _binds_setter(asked: RulesAsked, text: str) -> bool:
    """Whether a sentence lays a rule on the one the question says sets them: "What conditions did Russia set for a
    ceasefire?" is not answered by "Russia must agree that negotiations on a ceasefire should precede …", a condition
    set for Russia (the bundled corpus)."""
    return bool(asked.setter) and any(_is_setter(asked, m.group(1)) for m in _BINDS.finditer(text))


def _is_setter(asked: RulesAsked, who: str) -> bool:
    """Whether the words `who` name the one the question says sets the rules ("Moscow" for "Russia")."""
    return any(matches(t, set(content_stems(who))) for t in asked.setter)


# Who a sentence says sets a condition: "Experts state that Moscow sets this condition to buy time".
_SETS = re.compile(
    r"\b((?:[\w’'.-]+\s+){1,3}?)(?:sets?|setting|imposes?|imposed|attach(?:es|ed)?|demands?|demanded)\s+"
    r"(?:(?:this|these|those|the|its|their|such|new)\s+)?(?:pre)?(?:conditions?|terms)\b",
    re.IGNORECASE,
)


def set_by_another(question: str, text: str) -> bool:
    """Whether `text` names someone other than the one the question says sets the conditions as setting the ones it
    tells: "What conditions has Ukraine set for peace talks?" was answered with "Experts state that Moscow sets this
    condition to buy time …" (the bundled corpus, which tells none of Ukraine's)."""
    asked = rules_asked(question)
    if asked is None or not asked.setter:
        return False
    setters = [m.group(1) for m in _SETS.finditer(text)]
    return bool(setters) and not any(_is_setter(asked, who) for who in setters)


def _weight(asked: RulesAsked, rule: Rule) -> int:
    """How surely a sentence tells the asked rules: one, and one more for each word of the topic it names and two
    when it names rules ("conditions", "terms"): "Korvath agreed on four conditions: flights in daylight only, …"
    outweighs a later report's two sentences on flying near the line (explore34d q24)."""
    return 1 + len(_topic_named(asked, rule.text)) + (2 if _NAMES_RULES.search(rule.text) else 0)


def _topic_named(asked: RulesAsked, text: str) -> list[str]:
    stems = set(content_stems(text))
    return [t for t in asked.topic if matches(t, stems)]


def _day_number(passage: Passage) -> int:
    """The publication day as a sortable number; an undated report counts as the latest."""
    return int((passage.published or "9999-12-31")[:10].replace("-", ""))
