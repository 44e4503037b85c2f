"""A learned judge of whether two news statements disagree (issue 16).

The rule detector (rag/news/conflicts.py with values.py, sameness.py, stance.py) decides from
hand-written conditions; written against the development splits, it found 1 of 15 disagreements
on a split it had not seen (evals/news/README.md). This module scores a pair of statements with
a logistic model over a few signals that say *how much* the two statements are about one thing
and *how* they differ, and lets the weights come from the labelled pairs:

- how much they are about one thing: content-word overlap, shared names (with the titles, for
  sentences whose subject is "he" or "the 31-year-old"), the overlap of the clauses around two
  values that differ;
- how they differ: two values of one kind and unit that disagree (numbers, ages, dates, post
  holders) and by how much; a negation one side lacks; a denial ("denied", "untrue", "dismissed
  reports") on one side only, and how many of the other side's words the denial's clause takes;
  a claim cue ("alleges", "a new book claims") on the other side;
- the rule detector's own verdict, as one signal among the others.

No language model is involved. The weights live in a small versioned JSON file
(`pair_model.v2.json`), refitted by `scripts/fit_pair_model.py`, which says what data it used and
the cross-validated figures. Scoring is a dot product: microseconds per pair once the values are
extracted.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rag.answer.support import content_words, negated_words, negation_conflict
from rag.news.sameness import agree, comparable, group_pairs, written_in
from rag.news.values import Value
from rag.news.words import names_in, same_name

MODEL_FILE = Path(__file__).with_name("pair_model.v2.json")

FEATURES = (
    "overlap",  # shared content words / the smaller side's
    "names_shared",  # share of the smaller side's names (title included) the other names too
    "number_differs",  # clause overlap of the closest pair of numbers, one unit, that disagree
    "number_gap",  # log ratio of that pair's values (capped at 1)
    "number_agrees",  # a number of one unit given alike on both sides
    "date_differs",  # as number_differs, for dates and years
    "name_differs",  # two holders of one post
    "negation",  # a negation of words the other side states (support.negation_conflict)
    "denial_one_side",  # one side denies or disputes, the other does not
    "denial_takes",  # share of the other side's words the denying clause takes
    "claim_other_side",  # the side that does not deny reports a claim or allegation
    "both_deny",  # both deny: two denials, not a claim and its denial
    "same_article",
    "across_time",  # published more than the change window apart
    "rule",  # the rule detector reports this pair
    # v2: is the denied proposition the other side's, or another one both can hold?
    "denied_unmatched",  # share of the denied clause's own words the other side lacks
    "denial_generic",  # the denial names no proposition of its own ("denied the allegations")
    "noncommittal",  # one side only declines to confirm or comment: no claim of its own
    # v2: a contrary claim with no denial word ("China, however, insists it was ...")
    "contrast",
    # v2: a value with a comparable one on the other side and no agreeing one there
    "number_unmatched",
)

# Denying or disputing what someone else says: "denied", "rejected the allegations", "untrue".
# "Dismissed X as" denies only when what follows says X is false ("as complete rubbish"); "dismissed
# this as insignificant" plays a figure down and leaves it standing.
# Rejecting "the idea that X" denies a proposition; rejecting "the idea of ceding land" opposes a
# proposal, which no reported claim answers (hand-read round 6 Q25: a note set it against a peace
# proposal that "allegedly included" Russia keeping territory).
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|untrue|baseless|unfounded|"
    r"fabricat(?:ed|ion)|absurd|rubbish|nonsense|categorically|not\s+true|no\s+truth|no\s+evidence|"
    r"(?:reject|dismiss)(?:s|ed|ing)?\s+(?:[\w'’]+\s+){0,3}?(?:claims?|allegations?|reports?|accusations?|suggestions?|"
    r"charges?|assertions?|comments?|remarks?|speculation|rumou?rs?|(?:idea|notion)(?=\s+that\b)|"
    r"as\s+(?:[\"“‘']?[\w-]+\s+){0,3}?[\"“‘']?(?:untrue|false|baseless|unfounded|rubbish|nonsense|lies?|"
    r"fabricat\w*|speculation|fiction|wrong|ridiculous|absurd|fantasy|myth|inaccurate|a\s+smear)))\b",
    re.IGNORECASE,
)
# "Dispute" denies when it takes what is disputed ("disputed the figures", "disputes that ..."); "core
# disputes", "territorial disputes", "the disputed region" name a quarrel or a place.
_DISPUTE_OBJECT = re.compile(
    r"\s+(?:the|that|this|these|those|it|its|his|her|their|any|claims?|reports?|allegations?|accounts?|"
    r"figures?|findings?|version|assertions?|suggestions?)\b",
    re.IGNORECASE,
)


# Rubbish as the thing itself, not a verdict: "where the rubbish is taller than the children", "1,930 tonnes of
# rubbish", "rubbish collection" (a column on a city's uncollected rubbish read as denying its own "Collections …
# remain suspended"; explore42c q21).
_LITERAL_RUBBISH = re.compile(
    r"\b(?:the|of|uncollected|household|burning|rotting|piled|some|more|much|its|their)\s+$", re.IGNORECASE
)
_RUBBISH_THING = re.compile(r"\s+(?:collect|lorr|truck|bin|sack|bag|tip|dump|heap|pile)", re.IGNORECASE)


def _literal(text: str, m: re.Match[str]) -> bool:
    return m.group(0).lower() == "rubbish" and bool(
        _LITERAL_RUBBISH.search(text[: m.start()]) or _RUBBISH_THING.match(text, m.end())
    )


def _denial(text: str) -> re.Match[str] | None:
    """The first denial of `text`, a "dispute" that takes no object left out, rubbish that is rubbish left out."""
    for m in _DENIAL.finditer(text):
        if _literal(text, m):
            continue
        if not m.group(0).lower().startswith("disput") or _DISPUTE_OBJECT.match(text, m.end()):
            return m
    return None


def denies(text: str) -> bool:
    """Whether `text` denies, refutes or disputes something."""
    return _denial(text) is not None


# Reporting a claim or an accusation: the statement a denial answers.
_CLAIM = re.compile(
    r"\b(?:alleg(?:e|es|ed|edly|ing|ation|ations)|claim(?:s|ed|ing)?|accus(?:e|es|ed|ing|ation|ations)|"
    r"reported(?:ly)?|reports?\s+(?:that|say|said)|suggest(?:s|ed|ing)?|believ(?:e|es|ed)|evidence|"
    r"according\s+to|says?|said|told|insist(?:s|ed)?|maintain(?:s|ed)?)\b",
    re.IGNORECASE,
)


# What a denial may name instead of a proposition of its own: the claim it answers.
# When a denial came: "rejected the claim within hours".
DENIED_WHEN = r"within\s+(?:hours|minutes|days)|immediately|swiftly|quickly|promptly|at\s+once|later|yesterday|today"
_GENERIC_OBJECT = re.compile(
    r"\b(?:allegations?|claims?|reports?|accusations?|suggestions?|charges?|assertions?|speculation|rumou?rs?|"
    r"wrongdoing|idea|notion|story|stories|suggestion|them|this|that|these|those|any|all|the|strongly|"
    r"categorically|firmly|vehemently|flatly|repeatedly|calling|baseless|unfounded|untrue|false|wrong|"
    r"ridiculous|nonsense|rubbish|completely|entirely|totally|"
    # when it was denied is not what: "rejected the claim within hours" names no claim (explore33d q23)
    rf"{DENIED_WHEN})\b",
    re.IGNORECASE,
)
# Declining to say either way: neither a claim nor a denial.
_NONCOMMITTAL = re.compile(
    r"\b(?:(?:refus|declin)(?:e|es|ed|ing)\s+to\s+(?:confirm|comment|say|deny|discuss)|"
    r"(?:would|will|could)\s+not\s+(?:confirm|comment|say)|no\s+comment|neither\s+confirm)",
    re.IGNORECASE,
)
# A statement set against another: "But ...", "however", "instead" set it against what comes before
# it, so in one article they count only in the later sentence of a pair; "insists", "in fact",
# "actually" set it against another claim wherever it stands.
_CONNECTIVE = re.compile(r"^\s*(?:But|However|Yet)\b|\bhowever\b|\binstead\b", re.IGNORECASE)
_COUNTER = re.compile(
    r"\binsist(?:s|ed|ing)?\b|\bin\s+fact\b|\bactually\b|\bcounter(?:ed|s)?\b|\bcontrary\b", re.IGNORECASE
)


def _contrasts(text: str, earlier: bool) -> bool:
    """Whether `text` sets itself against another statement; `earlier`: it comes first in its
    article, so its "However" answers a sentence before it, not the other side of the pair."""
    return bool(_COUNTER.search(text)) or (not earlier and bool(_CONNECTIVE.search(text)))


def _names(text: str) -> list[str]:
    return [n for _, n in names_in(text)]


def _names_shared(a: str, b: str) -> float:
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return 0.0
    small, large = (na, nb) if len(na) <= len(nb) else (nb, na)
    return sum(any(same_name(x, y) for y in large) for x in small) / len(small)


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _differing(va: Sequence[Value], vb: Sequence[Value], a: str, b: str, kind: str) -> tuple[float, float, float]:
    """For values of `kind`: the clause overlap of the best pair that disagrees (0 if none), the
    gap between them (log ratio, capped at 1), and 1.0 when some pair of one unit agrees."""
    best, gap, agrees = 0.0, 0.0, 0.0
    for group in group_pairs(va, vb, a, b, kind):
        if group.agree:
            agrees = 1.0
            continue
        for x, y in group.pairs:
            link = _overlap(set(x.near), set(y.near))
            if link <= best and best > 0:
                continue
            best = max(best, link, 1e-3)  # differing values with no shared clause word still count a little
            if kind == "number":
                lo = max(min(abs(x.low), abs(y.low)), 1e-9)
                hi = max(abs(x.high), abs(y.high))
                gap = min(1.0, math.log10(max(hi / lo, 1.0)))
    return best, gap, agrees


def _denial_takes(denier: str, other: str) -> float:
    """How much of `other` the denying clause of `denier` speaks of (its words after the cue)."""
    m = _denial(denier)
    if m is None:
        return 0.0
    mine, theirs = content_words(denier[m.start() :]), content_words(other)
    return len(mine & theirs) / len(theirs) if theirs else 0.0


def _denied_clause(denier: str) -> str:
    """The words of the first denial after its cue, up to the end of the sentence or a "saying"."""
    m = _denial(denier)
    if m is None:
        return ""
    rest = denier[m.end() :]
    return re.split(r",\s*(?:saying|adding|calling|but)\b|;", rest, maxsplit=1)[0]


def _denial_object(denier: str, other: str) -> tuple[float, float]:
    """(share of the denied clause's own words that `other` lacks, 1.0 when the clause has none
    of its own). "denied reports it was withdrawing completely from Iraq" against "pulled out of
    a contract in Iraq" leaves "withdrawing", "completely" unmatched: likely another proposition;
    "denies the charges" names none and answers whatever was claimed."""
    clause = _GENERIC_OBJECT.sub(" ", _denied_clause(denier))
    own = {w for w in content_words(clause) if not w.isdigit()}
    if len(own) <= 1:
        return 0.0, 1.0
    theirs = {w[:5] for w in content_words(other)}
    return sum(w[:5] not in theirs for w in own) / len(own), 0.0


def _unmatched_number(va: Sequence[Value], vb: Sequence[Value], a: str, b: str) -> float:
    """The clause overlap of the best number on one side that has a comparable number on the
    other, agrees with none of them and is not written there: judged value by value, where
    `_differing` sets a whole group aside when any pair in it agrees ("$20m (£10.5m) ... $1.8bn
    (£9.4m)" against the same with "£94m")."""
    best = 0.0
    for xs, ys, other in ((va, vb, b), (vb, va, a)):
        for x in xs:
            if x.kind != "number":
                continue
            comp = [y for y in ys if y.kind == "number" and comparable(x, y)]
            if not comp or any(agree(x, y) for y in comp) or written_in(x.shown, other):
                continue
            best = max(best, max(_overlap(set(x.near), set(y.near)) for y in comp), 1e-3)
    return best


def pair_features(
    a: str,
    b: str,
    va: Sequence[Value],
    vb: Sequence[Value],
    *,
    a_title: str = "",
    b_title: str = "",
    same_article: bool = False,
    across_time: bool = False,
    rule: bool = False,
    a_first: bool | None = None,
) -> list[float]:
    """The signals of FEATURES, in that order, for statements `a` and `b` with their values;
    `a_first`: whether `a` comes before `b` in their one article (None: not known, or two articles)."""
    wa, wb = content_words(a), content_words(b)
    number, gap, number_agrees = _differing(va, vb, a, b, "number")
    date_link, _, _ = _differing(va, vb, a, b, "date")
    name_link, _, _ = _differing(va, vb, a, b, "name")
    deny_a, deny_b = bool(_denial(a)), bool(_denial(b))
    one_side = deny_a != deny_b
    denier, other = (a, b) if deny_a else (b, a)
    unmatched, generic = _denial_object(denier, other) if one_side else (0.0, 0.0)
    values = {
        "overlap": _overlap(wa, wb),
        "names_shared": max(_names_shared(a, b), _names_shared(f"{a_title} {a}", f"{b_title} {b}")),
        "number_differs": number,
        "number_gap": gap,
        "number_agrees": number_agrees,
        "date_differs": date_link,
        "name_differs": name_link,
        "negation": float(negation_conflict(a, b) and bool(negated_words(a) or negated_words(b))),
        "denial_one_side": float(one_side),
        "denial_takes": _denial_takes(denier, other) if one_side else 0.0,
        "claim_other_side": float(one_side and bool(_CLAIM.search(other))),
        "both_deny": float(deny_a and deny_b),
        "same_article": float(same_article),
        "across_time": float(across_time),
        "rule": float(rule),
        "denied_unmatched": unmatched if one_side else 0.0,
        "denial_generic": generic if one_side else 0.0,
        "noncommittal": float(bool(_NONCOMMITTAL.search(a)) != bool(_NONCOMMITTAL.search(b))),
        "contrast": float(_contrasts(a, a_first is True) or _contrasts(b, a_first is False)),
        "number_unmatched": _unmatched_number(va, vb, a, b),
    }
    return [values[f] for f in FEATURES]


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over FEATURES (standardised by `mean`/`scale`) and the threshold above
    which a pair is reported; fitted by scripts/fit_pair_model.py."""

    version: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, x: Sequence[float]) -> float:
        """The probability that the two statements disagree."""
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def disagree(self, x: Sequence[float]) -> bool:
        return self.score(x) >= self.threshold

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> PairModel:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if tuple(raw["features"]) != FEATURES:
            raise ValueError(f"{path} was fitted on other features; refit: python scripts/fit_pair_model.py")
        return cls(
            raw["version"],
            tuple(raw["features"]),
            tuple(raw["mean"]),
            tuple(raw["scale"]),
            tuple(raw["weights"]),
            float(raw["bias"]),
            float(raw["threshold"]),
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }


@cache
def default_model() -> PairModel | None:
    """The committed model, or None when its file is absent (the rules then decide alone)."""
    return PairModel.load() if MODEL_FILE.exists() else None


GATE = (
    "number_differs", "date_differs", "name_differs", "negation", "denial_one_side", "rule", "contrast",
    "number_unmatched",
)  # fmt: skip


# What the model alone may report: a value that differs, a negation of the other side's words, or a
# denial set against a reported claim. Over 182 development questions on corpus/, the pairs it found
# on a "contrast" word or a bare denial word alone were 17 false alarms of 17 ("Trump criticized
# Zelenskyy for publicly rejecting the idea …" against "Trump's … public criticism of Zelenskyy");
# on the labelled suite (all development data), 8 true of 20.
GROUNDS = ("number_differs", "date_differs", "name_differs", "number_unmatched", "negation")
# A negation is of the other side's words only when the sides share some: "Ukraine flatly refuses
# to cede any land …" and Radchenko's "it will be difficult to get them to accept …" (overlap 0.09)
# were shown as a disagreement (hand-read round 3, Q8). On the labelled suite no true pair found
# on a negation alone has less.
MIN_NEGATION_OVERLAP = 0.1


_SUBJECT = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
_PRONOUNS = ("he", "she", "they", "it")
_NOT_NAMES = ("The", "A", "An", "Even", "In", "But", "And", "However", "Yet")


def _denied_subject(denier: str) -> str | None:
    """Whose proposition a denial denies, when the clause names it: "no evidence that Moscow is
    willing …" -> "Moscow"; None for a pronoun or a bare object ("denied the allegations")."""
    m = re.match(rf"\s*(?:that\s+)?(?:the\s+)?(?P<name>{_SUBJECT})", _denied_clause(denier))
    return m.group("name") if m and m.group("name") not in _NOT_NAMES else None


def _claimed_subject(other: str) -> str | None:
    """Whose deed a reported claim is about: "he claimed boldly he would end the war" -> the name the
    sentence gave before the pronoun ("Donald Trump’s"); None when it cannot tell."""
    m = _CLAIM.search(other)
    if m is None:
        return None
    s = re.match(rf"\s*(?:\w+ly\s+)?(?:that\s+)?(?:the\s+)?(?P<who>{_SUBJECT}|he|she|they|it)\b", other[m.end() :])
    if s is None:
        return None
    if s.group("who") not in _PRONOUNS:
        return s.group("who")
    names = [n for n in re.findall(_SUBJECT, other[: m.start()]) if n.split()[0] not in _NOT_NAMES]
    return names[-1] if names else None


def denies_another_subject(a: str, b: str) -> bool:
    """Whether the side that denies names whose proposition it denies and the other side's claim is
    about someone else: Zelensky's "no evidence that Moscow is genuinely willing to end the war" is no
    denial of Trump's claim that "he would end Russia's war in Ukraine within 24 hours" (hand-read
    round 6 Q19, round 7 Q6)."""
    denier, other = (a, b) if _denial(a) else (b, a)
    denied, claimed = _denied_subject(denier), _claimed_subject(other)
    if denied is None or claimed is None:
        return False
    theirs = [w.lower() for w in re.findall(r"\w+", claimed)]
    return not any(same_name(w.lower(), t) for w in re.findall(r"\w+", denied) for t in theirs)


# A claim and its denial in one sentence, the denial an apposition closing it: "… had privately turned
# down a 6 percent pay offer last week, a claim the union flatly denied." Not "India, which denies the
# allegations" (what it denies is another sentence's) nor "some £50bn of cuts, which the Tories deny".
_SELF_DENIED = re.compile(
    r"\b(?:(?:a|an)\s+(?:claim|allegation|accusation|charge|assertion|suggestion)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:(?:has|have|had)\s+)?|"
    # "… allegations made against three other councillors, claims which are denied."
    r"(?:claims|allegations|accusations|charges)\s+(?:which|that)\s+(?:are|were|have\s+been|had\s+been)\s+)"
    r"(?:flatly\s+|strongly\s+|firmly\s+|immediately\s+)?"
    # … closing its clause: "…, a claim the agency denies, and ordered Egeland to leave" (blind explore22b q25).
    r"(?:denied|denies|deny|rejected|rejects|disputed|disputes)\s*(?:[.;,]|$)",
    re.IGNORECASE,
)


# Denying a report or a claim, which the words after name: "denied a report …", "rejected the claim …".
_DENYING = r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses)\s+(?:an?|the)\s+"
_REPORTED_WORD = r"(?:report|claim|allegation|suggestion|accusation|assertion)s?"
# "Marsh denied a report in the Capital Post that …": a denial naming whose report it denies.
_DENIED_REPORT = re.compile(
    rf"{_DENYING}{_REPORTED_WORD}\s+(?:in|by|from|of)\s+(?:the\s+)?"
    r"(?P<source>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)[^.;]{0,80}?\bthat\b"
)


def denies_named_report(a: str, b: str) -> bool:
    """Whether one side denies a report it names the source of, and the other side is that source's
    report: the denial's sentence tells the whole dispute, so the two sentences do not disagree.
    explore16b: "Marsh denied a report in the Capital Post that the government favoured Halvard's bid"
    against "Last week the Capital Post reported that the government privately favours Halvard"."""
    for denier, other in ((a, b), (b, a)):
        m = _DENIED_REPORT.search(denier)
        # Written as one word too: "Northgate Post" is the outlet "northgatepost.co" (blind explore27d q14).
        if m and _squeezed(m.group("source")) in _squeezed(other):
            return True
    return False


def _squeezed(text: str) -> str:
    return re.sub(r"\W", "", text.lower())


def denies_a_report(text: str) -> bool:
    """Whether `text` denies a report it names ("rejected a report in the Pelmara Daily Ledger that …")."""
    return _DENIED_REPORT.search(text) is not None


# A denial telling the report it denies: "The Calderan Union on Monday denied a newspaper report that Velsk Commercial
# Bank had been removed from its planned 21st sanctions package" (blind explore24b q29 set it against the Union's
# own "it remains on the list", which says the same).
# "… rejected a report published on Saturday by the Lessoria tabloid The Echo, which said the first convoy had been
# escorted …" tells it in a relative clause (blind explore26 q05 set it against the navy's own denial).
_DENIES_REPORT_THAT = re.compile(
    rf"{_DENYING}(?:[\w’'-]+\s+){{0,2}}?{_REPORTED_WORD}"
    # "… also rejected the report, which had said the fire came from Tavrenian positions" (blind explore27 q11).
    r"(?:\s+that\b|"
    r"[^.;]{0,120}?,\s+which\s+(?:had\s+|has\s+)?(?:said|says|claimed|claims|reported|alleged)\b)",
    re.IGNORECASE,
)


# A report and its denial in one sentence, the denial a relative clause closing it: "it faced a newspaper report this
# month that Wenzlaff had met a Drovaskan envoy secretly, which the foreign ministry denied" (blind explore25b q09 set
# it against a later report of the same newspaper story, which says no more).
_REPORT_WHICH_DENIED = re.compile(
    rf"\b{_REPORTED_WORD}\b[^.;]{{0,200}}?,\s+which\s+(?:[\w’'-]+\s+){{0,4}}?(?:denied|denies|rejected|rejects|dismissed)\b",
    re.IGNORECASE,
)


# A denial naming whose claim it denies and telling it: "Osmeria's State Department on Wednesday denied a claim by
# Vardenia's foreign minister that it had agreed … to lift sanctions on Vardair".
_DENIES_CLAIM_BY = re.compile(
    rf"{_DENYING}(?:[\w’'-]+\s+){{0,2}}?{_REPORTED_WORD}\s+by\s+[^.;,]{{1,60}}?\s+that\b", re.IGNORECASE
)


def denies_claim_by(text: str) -> bool:
    """Whether `text` denies a claim it attributes and tells ("denied a claim by X that …")."""
    return _DENIES_CLAIM_BY.search(text) is not None


def denies_itself(a: str, b: str) -> bool:
    """Whether a side holds a claim and its denial in its own sentence: that sentence alone shows the
    dispute, and a figure the other side gives ("raised its offer to 5.5 percent") is no side of it.
    explore15: the minister's claim, "a claim the union flatly denied", was set against the employers'
    public offer and against a union leader's words on another round."""
    return any(
        _SELF_DENIED.search(x) or _DENIES_REPORT_THAT.search(x) or _REPORT_WHICH_DENIED.search(x) for x in (a, b)
    )


def denial_only(x: Sequence[float]) -> bool:
    """Whether a pair's only grounds are a denial set against a reported claim."""
    f = dict(zip(FEATURES, x, strict=True))
    negation = f["negation"] > 0 and f["overlap"] >= MIN_NEGATION_OVERLAP
    return not negation and not any(f[g] > 0 for g in GROUNDS if g != "negation")


def grounded(x: Sequence[float]) -> bool:
    """Whether a pair the model finds (and the rules do not) has grounds to show a reader: one of
    `GROUNDS` (a negation only between sides that share words), or one side denying what the
    other reports as a claim."""
    f = dict(zip(FEATURES, x, strict=True))
    negation = f["negation"] > 0 and f["overlap"] >= MIN_NEGATION_OVERLAP
    return (
        negation
        or any(f[g] > 0 for g in GROUNDS if g != "negation")
        or (f["denial_one_side"] > 0 and f["claim_other_side"] > 0)
    )


def disputed(x: Sequence[float]) -> bool:
    """Whether one side denies, disputes or counters the other. Within one article that is how a
    disagreement is reported ("… alleged …"; "X has denied …"); two sentences of an article's own
    account that the model finds at odds are nearly always two facts of one story. A blind hand-read
    over 36 BBC articles (session 11, round 10) showed 7 such notes, all false ("grew by 3.1% in 2004"
    / "on course to continue its record period of growth")."""
    f = dict(zip(FEATURES, x, strict=True))
    return f["denial_one_side"] > 0 or f["contrast"] > 0


def differs(x: Sequence[float]) -> bool:
    """Do the statements differ in some way the model can weigh (a value, a negation, a denial,
    the rules' verdict)? Pairs that do not are never reported, whatever the weights."""
    f = dict(zip(FEATURES, x, strict=True))
    return any(f[d] > 0 for d in GATE)
