"""Whether two values, one from each of two statements, are different values for one thing.

Two values are about one thing when
- they are of one kind and grain (a count of banks and a count of banks; a day and a day);
- the words of their clauses meet ("has *sued* 45 banks" / "launched *lawsuits* against 80
  banks", word families included) and the two sentences share at least two topic words;
- the names a preposition ties to one of them are named in the other statement too ("12.1% in
  Germany" meets "German unemployment"; "at this year's Oscars" does not meet a sentence about
  the Baftas), and the names next to them are not two different sets ("Sideways has taken" /
  "The Aviator came third with");
and they differ beyond hedging and rounding, with neither written in the other statement.
Amounts that restate one another ("$2bn (1.53bn euros)") agree with an amount when any of them does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rag.news.date_patterns import MONTH, WEEKDAYS
from rag.news.plans import FIRST_PLANNED, FORECAST_AFTER, SCHEDULED
from rag.news.text import sentences
from rag.news.values import Value
from rag.news.words import mentions, names_in, same_name, topic_words

_MEASURES = frozenset({"$", "£", "€", "%"})
_SCALED = re.compile(r"\b(?:million|billion|trillion|bn)\b", re.IGNORECASE)
_MIN_TOPIC = 2  # topic words two sentences must share before their values are compared


def written_in(value: str, text: str) -> bool:
    """The value's digits appear in the other text as they are ("2028" beside "2024 and 2028")."""
    digits = re.sub(r"[^\d.]", "", value)
    return bool(digits) and re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d.])", text.replace(",", "")) is not None


def _grain(v: Value) -> str:
    days = v.high - v.low
    return "day" if days <= 7 else "decade" if days >= 3650 else "year" if days >= 364 else "month"


def agree(a: Value, b: Value) -> bool:
    """Do two values of one kind agree (or overlap)?"""
    if a.kind == "name":
        return a.key == b.key or a.key in b.key or b.key in a.key
    return a.low <= b.high and b.low <= a.high


def comparable(x: Value, y: Value) -> bool:
    if x.kind == "number":
        return bool(x.unit & y.unit)
    if x.kind == "date":
        return _grain(x) == _grain(y)  # "on Thursday" and "since 1966" do not date the same thing
    return x.unit == y.unit  # one post


# The end of a term, which an extension moves like a plan: "took effect on August 30 and runs until October 4" /
# "had agreed to extend the truce around Orlenza by two weeks, until Sunday, October 18" (explore37 q22 answered the
# first end with no word of the second).
_TERM_END = re.compile(r"\b(?:runs|running|lasts|expires?|extend(?:s|ed|ing)?|prolong(?:s|ed|ing)?|stretched)\b", re.I)


def _scheduled(v: Value, text: str, chars: int = 60) -> bool:
    """Whether a word of a plan, or of a term's end, is within `chars` before the value ("will get another attempt
    at launching on Saturday"), not anywhere in the sentence ("… on Monday, launching a strike over pay and plans to
    automate …")."""
    before = text[max(0, v.at[0] - chars) : v.at[0]]
    return SCHEDULED.search(before) is not None or _TERM_END.search(before) is not None


# A plan told as the first one, since changed: "Ambassadors were originally due to approve the package on 11 March".
_ORIGINAL_PLAN = re.compile(rf"\b(?:{FIRST_PLANNED}|at\s+first|first)\b[^.;]*$", re.IGNORECASE)
_FIRST_PLAN = re.compile(rf"\b(?:{FIRST_PLANNED})\b", re.IGNORECASE)


def _original(v: Value, text: str, chars: int = 50) -> bool:
    """Whether the value is told as what was first planned ("originally due to approve the package on 11 March")."""
    return _ORIGINAL_PLAN.search(text[max(0, v.at[0] - chars) : v.at[0]]) is not None


def tells_first_plan(text: str) -> bool:
    """Whether a sentence tells what was originally or initially planned."""
    return _FIRST_PLAN.search(text) is not None


def _next_to(word: str, v: Value, chars: int = 25) -> bool:
    return v.distance.get(word, chars + 1) <= chars


# Two states a count can be of: let go and still held. "it freed 102 Varnians" and "around 1,400 Varnians
# remain in Ostrelian custody" count different people (explore16 q30), as do "released 50 hostages" and
# "still holds 100".
# So are the killed, the wounded and those aboard: "killing two of its crew" is no count of the "23 crew
# on board" (blind explore19 q07), and the bodies handed back are no count of the men freed ("the bodies of
# 340 Karvenian soldiers" / "released 152 Karvenians", blind explore20 q10). A death word counts only right
# by the number: in "put the death toll at 47 and that 29 people were still missing" the 29 are the missing
# (explore15b).
_STATES = {
    "freed": ("free", "relea", "retur", "repat", "hande", "swapp"),
    "held": ("held", "hold", "remai", "detai", "custo", "capti", "impri", "jail"),
    "dead": ("death", "dead", "bodi", "body"),
    "hurt": ("wound", "injur", "hurt"),
    "aboard": ("board", "aboar"),
    # "23,100 people were registered as evacuated" is no count of "16 people had died" (blind explore26b q30).
    # So are those moved out: "The trains moved 431 residents out of the front-line area".
    "evacuated": ("evacu", "moved"),
    # … and those registered to go are no count of those who went: "Of the 1,574 residents registered for evacuation,
    # about 120 are still waiting" / "1,019 residents have now been moved since the evacuation began" (blind explore48c
    # q13 noted a change). Not "registered as evacuated" (`_REGISTERED_AS`).
    "registered": ("regis",),
    # Ships or machines ordered are no count of those delivered: "Dunvaria ordered four new ferries" / "Two new
    # ferries … have been delivered" (blind explore38 q26 showed them as a change).
    "ordered": ("order",),
    # … nor of those that arrived: "Lodravia ordered four container bakeries" / "the day the first two container
    # bakeries arrived" (explore40 q26).
    "delivered": ("deliv", "arriv"),
    # Work put off is no count of work done: "surgeons had postponed about 120 planned operations" / "surgeons have
    # carried out 41 planned operations since they restarted" (explore41c q13 showed them disagreeing).
    "put off": ("postp", "cance"),
    "done": ("carri", "perfo"),
    # What is collected is no count of what lies uncollected: "had collected 1,930 tonnes of rubbish" / "About 8,200
    # tonnes of rubbish still lie uncollected" (explore42c q02 showed 1,930 becoming 8,200).
    "collected": ("coll",),
    "uncollected": ("uncol",),
    # Those taken back on are no count of those still out of work: "Kessmore has rehired 610 laid-off workers" /
    # "1,890 of the 2,900 it laid off in 2024 are still without a job" (blind explore43c q02 showed 610 becoming
    # 1,890).
    "hired": ("rehir", "hired", "recru"),
    "without": ("witho",),
    # … and those who applied no count of those served: "1,640 former workers who had applied" / "Some 610 former
    # workers have been rehired" (explore43c q02). Not "registered": "23,100 people were registered as evacuated".
    "applied": ("appli",),
    # What a side declares it has is no count of what it pulled back, nor of what monitors checked: "Vessany declared
    # 310 artillery pieces" / "it had withdrawn 268 artillery pieces" (blind explore47 q30 noted them as sources that
    # disagree), "They have examined 960 objects so far" / "some 2,400 objects … handed back" (explore47c q02). Nor is
    # what was taken away a count of what came back: "about 5,200 objects taken" / "2,316 of the 3,412 objects"
    # handed over (explore47c q31).
    "declared": ("decla",),
    "withdrawn": ("withd", "pull"),
    # … nor what a laboratory identified a count of those captured: "identified 155 soldiers" / "several hundred
    # soldiers listed by the army as captured" (blind explore48 q23 noted a change).
    "checked": ("verif", "exami", "auth", "ident"),
    # Those captured are taken, as those "taken prisoner" are ("172 Morvanian soldiers had been taken prisoner" / "more
    # than 400 Morvanian soldiers had been captured", explore26c q25), no count of those a laboratory identified.
    "taken": ("taken", "remov", "loot", "seiz", "captu"),
    # Homes cut off are no count of homes connected: "the fire had cut power to 8,300 households" / "Vedmar had
    # reconnected 12,418 households" (blind explore49c q03 and q27 noted a change).
    "cut off": ("cut", "lost"),
    "connected": ("recon", "conne"),
}
# Characters; the other states reach as far as the value's words. "without" reaches the verb of its own clause ("1,890
# of the 2,900 it laid off in 2024 are still without a job", 44), not another's ("Around 140,000 people were killed
# and five million left homeless or without food", 54; the news suite lost the tsunami's disagreeing tolls).
_STATE_REACH = {"dead": 12, "hurt": 12, "without": 45}
# Whole words of a state, too short to be prefixes: "510 of its soldiers have now come home" are freed ("hom", as
# `Value.near` cuts "home"; as a prefix it would take "homicide"), as are objects "handed over" ("hand").
_STATE_WORDS = {"hom": "freed", "hand": "freed"}
# What one vehicle carried on a trip is aboard it: "The first train after the suspension left Pellisk at 6.40 a.m.
# yesterday with 57 residents" is no count of "The trains moved 431 residents" nor of "the 1,574 residents registered
# for evacuation" (blind explore48c q05 and q13 noted changes).
_ONE_TRIP = re.compile(
    r"\b(?:left|departed|set\s+off|arrived|reached|sailed|pulled\s+out)\b(?:[^.;]|\.(?=\d)|\b[ap]\.m\.){0,80}?\bwith\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
# "23,100 people were registered as evacuated" counts the evacuated.
_REGISTERED_AS = re.compile(r"\bregistered\s+as\b", re.IGNORECASE)
# A figure planned is no count of one done: "The company had planned to collect 6,300 tonnes by now" against "had
# collected 1,930 tonnes" (explore42c q02 showed the two as a change); so too "the 2,400 it had planned", and what will
# be: "will return more than 3,400 objects" / "so far handed over 2,316 objects" (blind explore47c q03 noted a change).
_PLANNED_BEFORE = re.compile(
    r"\b(?:(?:plann(?:ed|ing)|plans?|aim(?:ed|s|ing)?|due|meant|target(?:ed|ing)?)\s+to|will|shall)\s+[a-z]+\s+"
    r"(?:(?:about|some|around|nearly|almost|more\s+than|at\s+least)\s+)?(?:\d[\d,.]*\s+(?:[a-z]+\s+){1,2}and\s+)?$",
    re.IGNORECASE,
)
# … as is one still to be done: "with 150 prisoners to be released by each side", a plan like "will see 146 prisoners
# released" (explore16 q12).
_PLANNED_AFTER = re.compile(
    r"^\s+(?:(?:it|they|he|she|we|the\s+\w+)\s+(?:had|has|have)\s+planned\b|(?:[\w-]+\s+){0,2}?to\s+be\s+\w+ed\b)",
    re.IGNORECASE,
)
# So is leaving a place: "Fourteen crew members … left Velmora on Saturday on a charter flight" are no count of "the
# eight crew members still aboard the tanker" (explore23d; a count in words made them a change). Not "left" made to
# be: "five million left homeless", "left at least 25,000 people dead" (news suite).
_LEFT_A_PLACE = re.compile(r"^[^.;\d]{0,60}?\bleft\s+(?:[A-Z][\w’'-]+|the\s|for\s|home\b)")
# "The bodies of" heads a list: "the bodies of 340 Karvenian soldiers and 48 Velmorian soldiers" are both the dead.
_WORD_REACH = {"bodi": 40, "coll": 12}


# A count out of a total, and the total: "twelve of the icons" / "twelve of the 40 icons" (blind explore47c q19 set
# the twelve against the 40 as sources that disagree).
_OUT_OF_AFTER = re.compile(r"^\s+of\s+(?:the|its|their|all)\b", re.IGNORECASE)
_OUT_OF_BEFORE = re.compile(
    r"\b(?:\d[\d,.]*|[a-z]+)\s+of\s+(?:the|its|their|all)\s+(?:[\w-]+[’']s\s+)?$", re.IGNORECASE
)
# … or a sentence opening on the total: "Of the city's 26 sewage pumping stations, 19 were damaged" (blind
# explore48d q28 set the 26 against a report's "Seventeen of the 19 sewage pumping stations damaged … repaired").
_OF_THE_OPENING = re.compile(r"(?:^|[.;:]\s+)Of\s+(?:the|its|their|all)\s+(?:[\w-]+[’']s\s+)?$")


_TOTAL_CLAUSE = 45  # characters after a total in which its own clause may give its state


def _out_of(v: Value, text: str) -> bool:
    """Whether the amount is a count out of a total ("twelve of the …")."""
    return _OUT_OF_AFTER.match(text[v.at[1] :]) is not None


def _total(v: Value, text: str) -> bool:
    """Whether the amount is the total a count is out of ("… of the 40")."""
    return (
        _OUT_OF_BEFORE.search(text[max(0, v.at[0] - 30) : v.at[0]]) is not None
        or _OF_THE_OPENING.search(text[: v.at[0]]) is not None
    )


def _state_of_total(v: Value, text: str) -> str | None:
    """The state a total's own clause gives it: "318 of the 326 artillery pieces it now declares" are declared, however
    near "withdrawn" stands (blind explore47 q16 set 326 withdrawn against a column's 310 declared)."""
    if not _total(v, text):
        return None
    clause = re.split(r"[,;.]", text[v.at[1] : v.at[1] + _TOTAL_CLAUSE], maxsplit=1)[0]
    for word in re.findall(r"[a-z]+", clause.lower()):
        state = next((state for state, stems in _STATES.items() if word.startswith(stems)), None)
        if state:
            return state
    return None


# Those told working right after their figure are no count of those delivered: "Nine of the 12 incubators are working"
# / "Kallwen had delivered four incubators by Monday" (explore51 q16 noted four becoming nine). Read in the words, not
# `Value.near`, which cuts "workers" to "work" too ("after 1,310 families had signed up and aid workers said …").
_WORKING = re.compile(r"[^.;]{0,30}?\b(?:is|are|was|were|been)\s+(?:[a-z]+\s+){0,2}?working\b", re.IGNORECASE)


def _state(v: Value, text: str) -> str | None:
    """The state of the word of `_STATES` nearest the value in `text` ("freed 102 … detainees" is freed), else freed
    when what the value counts left a place, told right after it; planned when a plan sets it; for a total, the state
    its own clause gives; dead wherever a word of the dead is within reach."""
    if _PLANNED_BEFORE.search(text[: v.at[0]]) or _PLANNED_AFTER.match(text[v.at[1] :]):
        return "planned"
    if _ONE_TRIP.search(text[max(0, v.at[0] - 120) : v.at[0]]):
        return "aboard"
    if told := _state_of_total(v, text):
        return told
    found = [
        (v.distance.get(w, 99), state)
        for state, stems in _STATES.items()
        for w in v.near
        if w.startswith(stems) and v.distance.get(w, 99) <= _WORD_REACH.get(w, _STATE_REACH.get(state, 99))
    ]
    found += [(v.distance.get(w, 99), _STATE_WORDS[w]) for w in v.near if w in _STATE_WORDS]
    if working := _WORKING.match(text, v.at[1]):
        found.append((working.end() - v.at[1], "working"))
    if _REGISTERED_AS.search(text):
        found = [(d, state) for d, state in found if state != "registered"]
    # Bodies are of the dead, whatever was done with them: "the bodies of 340 Karvenian soldiers and 48 Velmorian
    # soldiers were handed over" count no soldiers freed ("510 of its soldiers have now come home", explore20 q10).
    if any(state == "dead" for _, state in found):
        return "dead"
    if found:
        return min(found)[1]
    return "freed" if _LEFT_A_PLACE.match(text[v.at[1] :]) else None


# Kept out and let through: "The first convoy, which the UN said was made up of 36 trucks, was turned back" counts
# no trucks of "29 trucks from a 44-truck UN convoy entered the town" three weeks later (blind explore25c q03 and
# q05 showed them as a change). Read either side of the value, past its clause: the verb often closes a relative one.
_OUTCOMES = {
    "kept out": re.compile(r"\b(?:turned\s+(?:back|away)|sent\s+back|refused|blocked|barred|stopped|halted)\b", re.I),
    "let in": re.compile(
        r"\b(?:reached|entered|arrived|delivered|allowed\s+(?:in|through|to)|let\s+(?:in|through))\b", re.I
    ),
}
_OUTCOME_REACH = 40  # characters either side of the value


def _outcome(v: Value, text: str) -> str | None:
    """Whether what the value counts was kept out or let in, by the nearest such verb starting within
    `_OUTCOME_REACH` characters of it; None if neither is near."""
    lo, hi = max(0, v.at[0] - _OUTCOME_REACH - 20), v.at[1] + _OUTCOME_REACH + 20
    found = [
        (max(m.start() - v.at[1], v.at[0] - m.end(), 0), outcome)
        for outcome, verbs in _OUTCOMES.items()
        for m in verbs.finditer(text, lo, hi)
    ]
    near = [f for f in found if f[0] <= _OUTCOME_REACH]
    return min(near)[1] if near else None


# Two sides of a river, a front or a country count apart: "34 people had been confirmed dead on the western bank" /
# "On the eastern bank, Lev Tarasko … said 14 people had died in the areas under his control" (blind explore26b q27
# showed 14 and 34 as one toll's change).
_OPPOSITE = (("east", "west"), ("north", "south"))
_DIRECTION = re.compile(r"\b(east|west|north|south)(?:ern)?\b", re.IGNORECASE)


def _sides(v: Value, text: str) -> set[str]:
    """The directions the value is told of: those of the words near it, else its sentence's when it names one only."""
    near = {d for pair in _OPPOSITE for d in pair if d in v.near}
    if near:
        return near
    start, end = next(((s, e) for s, e in sentences(text) if s <= v.at[0] < e), (0, len(text)))
    found = {m.group(1).lower() for m in _DIRECTION.finditer(text[start:end])}
    return found if len(found) == 1 else set()


def _opposite_sides(x: Value, y: Value, a: str, b: str) -> bool:
    """Whether one value is told of one side and the other of the opposite side."""
    mine, theirs = _sides(x, a), _sides(y, b)
    return not mine & theirs and any((p in mine and q in theirs) or (q in mine and p in theirs) for p, q in _OPPOSITE)


# An amount told against a level is no level: "still more than six metres above normal" / "the normal level at the
# gauge … is about 1.9 metres" (blind explore26b q32 showed them as one reading's change).
_ABOVE_A_LEVEL = re.compile(r"^\s*(?:[\w-]+\s+)?(?:above|below)\b", re.IGNORECASE)


def _above_a_level(v: Value, text: str) -> bool:
    """Whether the amount is told as a difference from a level ("six metres above normal")."""
    return _ABOVE_A_LEVEL.search(text[v.at[1] : v.at[1] + 30]) is not None


def _forecast(v: Value, text: str) -> bool:
    """Whether the number is what is expected, not what is counted: "dozens of ships were expected"."""
    return FORECAST_AFTER.search(text[v.at[1] : v.at[1] + 50]) is not None


# A number promised is no count made: "Of the forty cash machines the Oskeln Regional Bank promised for the middle of
# May, 31 are now working" / "29 of the 38 cash machines it has installed" (blind explore37b q05 showed them
# disagreeing). The promise told after the number, in a relative clause with no "that", or right before it.
_PROMISED_AFTER = re.compile(
    r"^[^\W\d]*\s+(?:[\w’'-]+\s+){0,7}?(?:had\s+|has\s+|have\s+)?(?<!as\s)"
    r"(?:promised|pledged|vowed|targeted|booked|scheduled|asked\s+for|requested|sought)\b",
    re.IGNORECASE,
)
# … as is one that someone says there will be: "the bank would have 40 cash machines working across the province by
# mid-May" (14 April) is no count to set against "31 cash machines had been installed" (blind explore37b q01).
_PROMISED_BEFORE = re.compile(
    r"\b(?:promised|pledged|vowed|promises?\s+of|pledges?\s+of|targets?\s+of|goal\s+of|(?:will|would|shall)\s+have)"
    r"\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


# What a thing can hold is no limit set on it nor a count of what it holds: "The ship can carry 320 passengers and 40
# cars" / "may carry up to 180 passengers and 20 cars on each sailing" (blind explore38 q16 showed a change of cap).
_CAPACITY_BEFORE = re.compile(
    r"\b(?:can|could)\s+(?:carry|hold|take|seat|accommodate|house)\s+(?:up\s+to\s+|about\s+|some\s+)?$|"
    # … nor is what one could do: "We could fill sixteen-barge convoys twice" (a pilot's) / "Twelve barges loaded with
    # grain" (explore47d q28 noted a change).
    r"\b(?:could|might)\s+[a-z]+\s+$|"
    r"\bcapacity\s+(?:of|for)\s+(?:up\s+to\s+|about\s+|some\s+)?$|\bbuilt\s+(?:to\s+carry|for)\s+$",
    re.IGNORECASE,
)


def _capacity(v: Value, text: str) -> bool:
    """Whether the number is what something can hold ("can carry 320 passengers")."""
    return _CAPACITY_BEFORE.search(text[max(0, v.at[0] - 40) : v.at[0]]) is not None


# … and so is one someone is required to bring: "the commission required Orlevia to bring all 220 Morvasti prisoners to
# the bridge" is no count to set against "250 Morvasti prisoners were returned" (blind explore46 q26 noted a change).
_REQUIRED_BEFORE = re.compile(
    r"\b(?:requir|order|instruct|direct|told|ask)\w*\s+(?:[\w’'-]+\s+){0,3}?to\s+[a-z]+\s+(?:all\s+|the\s+|its\s+)?$",
    re.IGNORECASE,
)


def _promised(v: Value, text: str) -> bool:
    """Whether the number is what was promised, aimed at or required ("the forty cash machines the bank promised")."""
    after, before = text[v.at[1] : v.at[1] + 80], text[max(0, v.at[0] - 40) : v.at[0]]
    return bool(_PROMISED_AFTER.match(after) or _PROMISED_BEFORE.search(before) or _REQUIRED_BEFORE.search(before))


# A limit set is no amount carried: "Each convoy may now carry up to 100 tonnes of flour" / "the 24 convoys carrying
# 288 tonnes of flour" (explore40 q16 noted a change from 288 to 100 tonnes), "the committee still limits each convoy to
# 12 lorries and 60 tonnes". Not "no more than" or "at most", as often a count as a limit: "the occupiers were allowing
# no more than three inspectors onto the site" is the inspectors' count that "nine inspectors had been admitted" changed
# (explore29 q02).
_LIMIT_BEFORE = re.compile(
    r"\b(?:up\s+to|(?:a\s+)?maximum\s+of|(?:a\s+)?(?:limit|cap)\s+of|"
    r"capped\s+at|limit(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,4}?to(?:\s+(?:[\w-]+\s+){0,3}?\d[\d,.]*\s+[\w-]+\s+and)?)\s+$",
    re.IGNORECASE,
)


# … but "no more than" with a "may" after it is: "no more than 60 workers may be on the dam at any one time" was set
# against the 46 workers who went onto it as a change (explore44b q03).
_AT_MOST_BEFORE = re.compile(r"\b(?:no\s+more\s+than|at\s+most|not\s+more\s+than)\s+$", re.IGNORECASE)
_MAY_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s+(?:may|can|could|are\s+allowed|will\s+be\s+allowed)\b", re.IGNORECASE
)


def _limit(v: Value, text: str) -> bool:
    """Whether the number is a limit set ("up to 100 tonnes", "limits each convoy to 12 lorries and 60 tonnes", "no
    more than 60 workers may be on the dam")."""
    before = text[max(0, v.at[0] - 60) : v.at[0]]
    return _LIMIT_BEFORE.search(before) is not None or (
        _AT_MOST_BEFORE.search(before) is not None and _MAY_AFTER.match(text[v.at[1] : v.at[1] + 40]) is not None
    )


# An amount for each of something is no amount of one instance: "raise the size of each flour convoy … from 12 lorries
# and 60 tonnes of flour to 20 lorries and 100 tonnes" / "Yesterday's convoy of 20 lorries brought 80 tonnes of flour"
# (explore40 q28 noted 100 tonnes becoming 80). "Each" before it in its clause, or "per"/"each" soon after it;
# not "each of the 40 buses", which counts them, nor "every" ("sweep every one of them", "registered every prisoner").
_EACH_BEFORE = re.compile(r"\beach\b(?!\s+of\b)[^.;!?]*$", re.IGNORECASE)
_EACH_AFTER = re.compile(r"^[^.;,]{0,45}?\b(?:per|each)\b(?!\s+of\b)", re.IGNORECASE)


def _for_each(v: Value, text: str) -> bool:
    """Whether the number is given for each of something ("each convoy may carry up to 100 tonnes")."""
    before, after = text[max(0, v.at[0] - 120) : v.at[0]], text[v.at[1] : v.at[1] + 50]
    return bool(_EACH_BEFORE.search(before) or _EACH_AFTER.match(after))


# The value a change started from, told beside the one it reached: "to raise the size of each flour convoy from 12
# lorries and 60 tonnes of flour to 20 lorries and 100 tonnes" (explore40 q28 set 60 tonnes, on the report's day,
# against a convoy's 80), "widened the quarantine zone again, from ten kilometres around Cresk to twenty" (40b q02 noted
# the zone as ten kilometres on a day it was twenty).
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)
_TO_AFTER = re.compile(
    r"^[^.;:]{0,45}?\bto\s+(?:[\w-]+\s+){0,2}?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|hundred)\b)",
    re.IGNORECASE,
)


# … or told after the value it reached: "about 7,900 hectares had now burnt, up from about 4,600 hectares last
# Wednesday" (explore34d noted 4,600, on the report's day, becoming 7,450).
_UP_FROM_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from\s+(?:about\s+|some\s+)?$", re.I
)


def _former(v: Value, text: str) -> bool:
    """Whether the number is where a change told in its own sentence started ("from ten kilometres … to twenty", "up
    from about 4,600")."""
    before = text[max(0, v.at[0] - 40) : v.at[0]]
    return bool(_FROM_BEFORE.search(before) and _TO_AFTER.match(text[v.at[1] :])) or bool(
        _UP_FROM_BEFORE.search(before)
    )


# A time counted from an event, not the event's day: "on Monday, five days after the Joint Strip Commission widened the
# quarantine zone" / "resume vaccinating … today, six days after the Joint Strip Commission halted the campaign"
# (explore40b q13 noted five days becoming six).
_OFFSET_AFTER = re.compile(r"^(?:\s+(?:days?|weeks?|months?|years?|hours?))?\s+(?:after|before|later|earlier)\b", re.I)


_TIME_UNITS = frozenset({"day", "week", "month", "year", "hour"})


def _offset(v: Value, text: str) -> bool:
    """Whether the number counts the time since or until another event ("six days after the commission halted")."""
    return _OFFSET_AFTER.match(text[v.at[1] : v.at[1] + 20]) is not None


# A period closed by an event told before: "the four days he spent in custody before that" (his formal arrest).
_BEFORE_THAT = re.compile(r"^[^.;]{0,50}?\b(?:before|until|prior\s+to)\s+(?:that|then)\b", re.IGNORECASE)


def _before_another(v: Value, text: str) -> bool:
    """Whether the number counts a period that ended at an event told before, not one running to now."""
    return _BEFORE_THAT.search(text[v.at[1] :]) is not None


# A whole that another amount is part of: "the payment, the second tranche of Vellmark's €36 million pledge".
_PART_OF = re.compile(
    r"\b(?:tranches?|parts?|shares?|instal(?:l)?ments?|portions?|slices?|fractions?)\s+of\s+"
    r"(?:(?:the|a|an|its|their|this)\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
)


# A running total and a count of named days: "Since the bridge opened on Friday last week, 14,300 people have crossed on
# foot and 2,050 vehicles have driven over it" / "On Monday and Tuesday 8,300 people crossed on foot and 850 vehicles
# drove over the bridge" (explore39c q02 showed 2,050 -> 850 as a change).
# … and a period's count: "It took 52 patients from Zelmor between September 6 and October 9" is no count of "Zelmor
# General Hospital had 49 patients on oxygen on Tuesday" (explore41c q02 noted 52 becoming 49).
# Its words of a total running to now ("… 387 soldiers since the ceasefire") serve rag/news/conflicts.py too.
TO_NOW = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+all|in\s+total|altogether)\b", re.IGNORECASE)
_RUNNING = re.compile(
    TO_NOW.pattern + rf"|\bbetween\s+(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})\s+and\b",
    re.IGNORECASE,
)
# A count of the days opening its sentence: "On Monday and Tuesday 8,300 people crossed on foot"; not "the ministry said
# on Monday", which dates the telling.
_DAY = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
# So does a count told before its days ("The trams carried 15,800 rides on Monday and Tuesday", explore40d q02 set it
# against "some 112,000 rides since they returned"), or its first week ("In the first week of service, … the trams
# carried 58,400 rides", 40d q17).
_NAMED_DAYS = re.compile(
    rf"(?:^|[.!?]\s+)On\s+{_DAY}(?:\s+and\s+{_DAY})?,?\s+(?:[\w-]+\s+){{0,2}}?\d"
    rf"|\d[\d,]*\s+[\w-]+(?:\s+[\w-]+){{0,2}}\s+(?:on\s+{_DAY}(?:\s+and\s+{_DAY})?|yesterday)\b"
    r"|\b(?i:in|during|over)\s+(?:the|its|their)\s+first\s+(?:week|fortnight|month|[\w-]+\s+(?:days|weeks))\b"
    # … or by a time of its day: "By evening 118 boats had put to sea and landed 9.6 tonnes of fish", the day of the
    # sentence before (explore42 q13 noted it against "have landed 131 tonnes of fish since the bay reopened").
    r"|(?:^|[.!?]\s+)By\s+(?:evening|nightfall|dusk|midday|noon|lunchtime|the\s+end\s+of\s+the\s+day)\b"
)


# Two running totals from two starts count two periods: "Police have issued more than 6,000 curfew fines since January"
# and "1,406 curfew fines since the curfew was first shortened in September" (explore42d q23 noted 6,000 becoming
# 1,406). The start's month, named within a few words of "since".
SINCE_MONTH = re.compile(rf"\bsince\s+(?:[\w’'-]+\s+){{0,7}}?(?P<month>{MONTH})", re.IGNORECASE)


# A batch is no count of all: "Rescuers lifted the last nine miners … on Tuesday, bringing the number … to 31" against
# "Rescuers brought 13 miners out alive … yesterday" (explore42b q02 noted 13 becoming nine); "three more lorries".
# Not "the remaining 3,800 hectares", the part a figure was cut to: "Of the 5,100 hectares reported as cleared …,
# 1,300 hectares had been released through non-technical survey … The remaining 3,800 hectares had been physically
# cleared" (explore24c q03's true note, 5,100 becoming 3,800).
_BATCH_BEFORE = re.compile(r"\b(?:last|final|another|further|latest)\s+$", re.IGNORECASE)
_BATCH_AFTER = re.compile(r"^\s+more\b", re.IGNORECASE)


def _batch(v: Value, text: str) -> bool:
    return bool(_BATCH_BEFORE.search(text[max(0, v.at[0] - 12) : v.at[0]]) or _BATCH_AFTER.match(text[v.at[1] :]))


def _since_months(text: str) -> set[str]:
    return {m.group("month").lower()[:3] for m in SINCE_MONTH.finditer(text)}


def _running(text: str) -> bool | None:
    """True for a statement (its sentence appended) giving a running total, False for one counting named days, else
    None."""
    # Named days first: "carried 15,800 rides on Monday and Tuesday, when passengers paid fares for the first time
    # since 2024" counts two days.
    if _NAMED_DAYS.search(text):
        return False
    return True if _RUNNING.search(text) else None


# How far from something, and how big: "about 300 metres upstream of the ruins" / "is 210 metres of steel floating" or
# "210 metres long" (explore39c q28 noted the two as sources that disagree on where the bridge is).
_DISTANCE_AFTER = re.compile(
    r"^\s*(?:metres?|meters?|m|kilomet(?:re|er)s?|km|miles?|yards?|feet|ft)\s+"
    r"(?:(?:up|down)stream|away|from|off|short\s+of|beyond|behind|(?:north|south|east|west)\w*)\b",
    re.IGNORECASE,
)


def _distance(v: Value, text: str) -> bool:
    """Whether the amount is how far something lies from another ("300 metres upstream of the ruins")."""
    return _DISTANCE_AFTER.match(text[v.at[1] : v.at[1] + 40]) is not None


# Taking up a post, against being named to it.
_TAKES_UP = re.compile(
    r"\b(?:t[oa]ke[sn]?\s+(?:office|over|up\s+(?:the|his|her)\s+post)|took\s+(?:office|over)|sworn\s+in|"
    r"start(?:s|ed)?\s+work|beg[ia]n\s+work|assum(?:es|ed)\s+(?:office|the\s+post))\b",
    re.IGNORECASE,
)


def takes_up(text: str) -> bool:
    """Whether `text` tells someone taking up a post ("took office … on Tuesday")."""
    return _TAKES_UP.search(text) is not None


# A day that opens or closes a period counted over: "It took 52 patients from Zelmor between September 6 and October 9"
# (or "flights flown since April 23", which dates no flight to set against "16 flights scheduled on Monday": blind
# explore46d q05)
# dates no event to set against "Zelmor General had 58 patients on oxygen yesterday" (explore41c q02 noted the two as
# sources that disagree on a date).
# The first bound is a day too: "The ban on selling milk from the strip runs until next Thursday" has no period
# (explore40b noted no change of the ban's end, 30 April to 14 June, with it).
_FIRST_BOUND = rf"(?:{MONTH}|{_DAY}|\d)[^.;,]{{0,25}}?"
_BOUND_BEFORE = re.compile(
    rf"\b(?:between|from|since)\s+$|\bbetween\s+{_FIRST_BOUND}\s+and\s+$"
    rf"|\bfrom\s+{_FIRST_BOUND}\s+(?:to|until|till)\s+$",
    re.IGNORECASE,
)


def _period_bound(v: Value, text: str) -> bool:
    """Whether the date `v` of `text` is a bound of a period ("between September 6 and October 9")."""
    return _BOUND_BEFORE.search(text[max(0, v.at[0] - 40) : v.at[0]]) is not None


def _taking_up(v: Value, text: str) -> bool:
    """Whether the date's clause tells someone taking up a post."""
    return takes_up(text[max(0, v.at[0] - 80) : v.at[1] + 20])


# A part another figure includes: "The administration's figure included seven trucks hired by Ilvesk traders" is no
# count of "the 29 trucks that reached Ilvesk" (blind explore25c q05 showed them as a change).
_INCLUDED = re.compile(r"\b(?:includ(?:ed|es|ing)|among\s+them|among\s+whom)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _part(v: Value, text: str) -> bool:
    """Whether the amount is named as a part that another amount includes."""
    return _INCLUDED.search(text[max(0, v.at[0] - 40) : v.at[0]]) is not None


def _whole(v: Value, text: str) -> bool:
    """Whether the amount is named as a whole something else is part of."""
    return _PART_OF.search(text[max(0, v.at[0] - 60) : v.at[0]]) is not None


def _share_and_total(x: Value, a: str, y: Value, b: str) -> bool:
    """Whether one amount is a count out of a total ("twelve of the …") and the other such a total ("of the 40")."""
    part_x, part_y, total_x, total_y = _out_of(x, a), _out_of(y, b), _total(x, a), _total(y, b)
    return (part_x and total_y and not part_y) or (part_y and total_x and not part_x)


def _one_thing(x: Value, y: Value, a: str, b: str, across_time: bool = False) -> bool:
    """Are `x` (in statement `a`, its title appended) and `y` (in `b`) about one thing? Two
    amounts given for two named times ("rose in November" / "in December") are two things,
    unless the statements are far apart in time (`across_time`): then they are a change."""
    if x.kind == "number" and not across_time and x.times and y.times and not x.times & y.times:
        return False
    # A record is the largest of many: an amount not called one is another instance ("record
    # fines of $3.5m" / "fines totalling $1.7m in 1995"), unless the two are far apart in time.
    if x.kind == "number" and not across_time and x.record != y.record:
        return False
    if x.another or y.another:
        return False
    if x.kind == "number" and counted_apart(x, y, a, b):
        return False
    link = x.near & y.near
    if len(link) < (2 if x.kind == "name" else 1):
        return False
    # A date has no unit to show what it dates: a word of the event must be by both ("the 2022
    # annexation" / "annexed in 2014"), a shared place is not enough ("invasion of Ukraine in
    # 2022" / "the Ukrainian peninsula annexed in 2014").
    if x.kind == "date" and not link - x.named - y.named:
        return False
    # An amount of money or a share says nothing of what it is: a shared word must be next to one
    # of them ("has taken $75m so far" / "a total of $42.9m"), not only somewhere in both clauses
    # ("a 14bn euro black hole in its accounts" / "4bn euros held in an offshore account").
    if x.kind == "number" and x.unit & y.unit <= _MEASURES and not any(_next_to(w, x) or _next_to(w, y) for w in link):
        return False
    # So does a sum in millions or billions of a currency the measures do not know, its unit aside: "put the
    # realistic size of the loan at about 120 billion ducats" / "In total, 45 billion ducats are to be paid
    # out in 2026" share only "ducats" (blind explore22 q09 showed them as a change).
    if x.kind == "number" and _SCALED.search(x.shown) and _SCALED.search(y.shown) and not link - x.unit - y.unit:
        return False
    # A date that moves over time is a plan's, on both sides ("will get another attempt at launching on
    # Saturday" / "a new launch window … set to open on November 14"); two past events dated by reports
    # a week apart are two events ("walked off the job … on Monday" / "talks … broke down late on
    # Saturday", explore15 q02), as are a plan's date and its announcement's ("automate … by 2030" /
    # "announced its automation plan … last year", q19), whatever words their clauses share.
    if x.kind == "date" and across_time and not (_scheduled(x, a) and _scheduled(y, b)):
        return False
    # The first plan told after it changed is no change of the plan a report gave before: "scheduled to vote on the
    # package on 18 March" (12 March) / "originally due to approve the package on 11 March" (28 March) was shown as
    # the vote moved from 18 to 11 March (blind explore24b q24).
    if x.kind == "date" and _original(x, a) != _original(y, b):
        return False
    # Two plans' dates are one plan's only if a word of the event is right by both: "will be sworn in on Thursday
    # and is expected to lead … talks on extending the energy moratorium" and "The extended halt will now run until
    # midnight on April 16" share only "extend", far from both, and the moratorium's end led "Who is running
    # Ardessa's energy ministry at the moment?" as a change of the minister's swearing-in (blind explore21b q17).
    if x.kind == "date" and across_time and not any(_next_to(w, x, 40) and _next_to(w, y, 40) for w in link):
        return False
    # Being named to a post and taking it up are two events: "The ministry named Lambreth as new regional registrar on
    # Friday" / "Lambreth took office as regional registrar for Rydel on Tuesday" (explore39d q21 noted them as sources
    # that disagree on when he was appointed).
    if x.kind == "date" and _taking_up(x, a) != _taking_up(y, b):
        return False
    if x.kind == "date" and _period_bound(x, a) != _period_bound(y, b):
        return False
    # A year is often a reference point ("its 1991 borders", "enters 2026"): the event word
    # must be next to both years ("the 2022 annexation" / "annexed by Russia in 2014").
    if (
        x.kind == "date"
        and _grain(x) in ("year", "decade")
        and not any(_next_to(w, x) and _next_to(w, y) for w in link)
    ):
        return False
    if any(not mentions(n, b) for n in x.scope) or any(not mentions(n, a) for n in y.scope):
        return False
    return _same_subject(x, y, a, b) and _same_subject(y, x, b, a) and _same_counted(x, y, b) and _same_counted(y, x, a)


# States of an amount not done: planned, or left undone ("8,200 tonnes of rubbish still lie uncollected").
_NOT_DONE_STATES = frozenset({"planned", "uncollected", "put off"})


def not_done(v: Value, text: str) -> bool:
    """Whether amount `v` of `text` is no count of what was done: a plan, a forecast, a promise, a limit, a capacity,
    or what is left undone ("The company had planned to collect 6,300 tonnes", "limits the catch to 40 tonnes a
    week", "8,200 tonnes … still lie uncollected")."""
    return (
        _forecast(v, text)
        or _promised(v, text)
        or _limit(v, text)
        or _capacity(v, text)
        or _state(v, text) in _NOT_DONE_STATES
    )


def counted_apart(x: Value, y: Value, a: str, b: str) -> bool:
    """Whether amounts `x` (in statement `a`) and `y` (in `b`) count two kinds of thing, whatever words their clauses
    share: expected and made, ordered and delivered, a limit and a count, a period's total and a day's, …"""
    # A count expected is not a count made: "because dozens of ships were expected to request passage" /
    # "23 ships … had cleared inspection" (blind explore19 q06).
    if _forecast(x, a) != _forecast(y, b):
        return True
    if _promised(x, a) != _promised(y, b) or _capacity(x, a) != _capacity(y, b):
        return True
    if _limit(x, a) != _limit(y, b) or _former(x, a) or _former(y, b):
        return True
    if x.unit and _for_each(x, a) != _for_each(y, b):
        return True
    if (_offset(x, a) or _offset(y, b)) and (x.unit & _TIME_UNITS or y.unit & _TIME_UNITS):
        return True
    # A period closed by an earlier event is not the count running to now: "the four days he spent in custody
    # before that" (before his formal arrest) / "he had spent 24 days in pre-trial detention", shown as a change
    # (blind explore22d q05).
    if _before_another(x, a) != _before_another(y, b):
        return True
    # A part and its whole are two amounts: "a 6 million euro payment had been put on hold" / "the payment, the
    # second tranche of Vellmark's €36 million pledge" (blind explore24c q25 showed them disagreeing).
    if _whole(x, a) != _whole(y, b) or _part(x, a) != _part(y, b) or _share_and_total(x, a, y, b):
        return True
    if x.unit and _distance(x, a) != _distance(y, b):
        return True
    running = (_running(a), _running(b))
    if None not in running and running[0] != running[1]:
        return True
    if _batch(x, a) != _batch(y, b):
        return True
    starts = (_since_months(a), _since_months(b))
    if all(starts) and not starts[0] & starts[1]:
        return True
    states = (_state(x, a), _state(y, b))
    if None not in states and states[0] != states[1]:
        return True
    outcomes = (_outcome(x, a), _outcome(y, b))
    if None not in outcomes and outcomes[0] != outcomes[1]:
        return True
    return _opposite_sides(x, y, a, b) or _above_a_level(x, a) != _above_a_level(y, b)


def _same_counted(x: Value, y: Value, b: str) -> bool:
    """ "30 Airbus A320 planes" and "36 planes from Avions de Transport Regional" count different
    planes: the names in what `x` counts are not in `b`, which names others."""
    if not x.counted or any(mentions(n, b) for n in x.counted):
        return True
    theirs = y.counted or {name for _, name in names_in(b)}
    return not theirs or any(same_name(p, q) for p in x.counted for q in theirs)


def _same_subject(x: Value, y: Value, a: str, b: str) -> bool:
    """Is what `x` names (Sideways, the UK) not something else than what `y`'s statement names?
    When `y` names nothing near its value ("The job cuts represent about 5% of the company's
    workforce, according to Microsoft CEO Satya Nadella"), the names of its whole statement count."""
    if not x.names:
        return True
    mine = x.names | x.scope
    theirs = (y.names | y.scope) or {name for _, name in names_in(b)}
    return not theirs or any(same_name(p, q) for p in mine for q in theirs)


# A place in a ranking: "entered the chart in second place", "moved down to 4th place".
_RANK = re.compile(
    r"\b(?:in|to|at|into)\s+(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:place|position|spot)\b",
    re.IGNORECASE,
)


def _moved_together(x: Value, y: Value, va: Sequence[Value], vb: Sequence[Value], a: str, b: str) -> bool:
    """Do the two statements also differ on another figure of theirs ("fell 32 cents to $49.74" /
    "closed down 51 cents at $44.38"; "in second place, taking $12.7m" / "to fourth place after
    taking $10.7m")? Then they are two readings of something that moves (two days' prices, two
    weekends' chart), not two accounts of one fact: a misreported fact differs in one figure."""
    ranks_a = {m.group(1).lower() for m in _RANK.finditer(a)}
    ranks_b = {m.group(1).lower() for m in _RANK.finditer(b)}
    if ranks_a and ranks_b and not ranks_a & ranks_b:
        return True
    others_a = [v for v in va if v.kind == "number" and v.group != x.group]
    others_b = [v for v in vb if v.kind == "number" and v.group != y.group]
    return any(
        comparable(p, q) and not agree(p, q) and p.near & q.near and not written_in(p.shown, b)
        for p in others_a
        for q in others_b
    )


def _groups(values: Sequence[Value], kind: str) -> list[list[Value]]:
    by_group: dict[int, list[Value]] = {}
    for n, v in enumerate(v for v in values if v.kind == kind):
        by_group.setdefault(v.group if v.group >= 0 else -1 - n, []).append(v)
    return list(by_group.values())


@dataclass(frozen=True)
class GroupPair:
    """One group of restating values of a kind from each statement, with their comparable pairs."""

    left: list[Value]
    right: list[Value]
    pairs: list[tuple[Value, Value]]
    agree: bool  # some pair agrees, or (numbers, dates) a value is written in the other statement


def group_pairs(va: Sequence[Value], vb: Sequence[Value], a: str, b: str, kind: str) -> Iterator[GroupPair]:
    """Every pair of value groups of `kind`, one from statement `a` and one from `b`, that has a
    comparable pair. Amounts restating one another agree if any does ("1.55bn euros ($2bn)" / "$2bn")."""
    for gx in _groups(va, kind):
        for gy in _groups(vb, kind):
            pairs = [(x, y) for x in gx for y in gy if comparable(x, y)]
            if not pairs:
                continue
            agreed = any(agree(x, y) for x, y in pairs) or (
                kind != "name" and (any(written_in(x.shown, b) for x in gx) or any(written_in(y.shown, a) for y in gy))
            )
            yield GroupPair(gx, gy, pairs, agreed)


# A sentence whose subject is a pronoun or a description ("His bid ...", "The 25-year-old has ...")
# is about someone named before it.
UNNAMED_SUBJECT = re.compile(r"(?:He|She|His|Her|It|Its|They|Their|The\s+\d+-year-old)\b")


def _topic(text: str, context: str) -> set[str]:
    """The topic words of a statement, with those of its context (its title, and the names of
    the sentence before it, rag/news/conflicts.py) when its subject is a pronoun."""
    words = topic_words(text)
    return words | topic_words(context) if UNNAMED_SUBJECT.match(text) else words


def value_conflict(
    a: str,
    b: str,
    va: Sequence[Value],
    vb: Sequence[Value],
    a_title: str = "",
    b_title: str = "",
    across_time: bool = False,
) -> tuple[str, Value, Value] | None:
    """The pair of values, one in `a` and one in `b`, that differ about one thing (the one whose
    clauses share most); `across_time` when the two statements were published far apart."""
    a_all, b_all = f"{a} {a_title}", f"{b} {b_title}"
    if len(_topic(a, a_title) & _topic(b, b_title)) < _MIN_TOPIC:
        return None
    for kind in ("number", "date", "name"):
        best: tuple[tuple[int, int], Value, Value] | None = None
        for group in group_pairs(va, vb, a, b, kind):
            gx, gy = group.left, group.right
            if group.agree:
                continue
            if kind == "name" and (any(x.key in b.lower() for x in gx) or any(y.key in a.lower() for y in gy)):
                continue  # "Rishi Sunak replaced Liz Truss": both named on one side
            if kind == "number" and _states_told_differ(gx, gy, va, vb, a_all, b_all):
                continue
            x, y = group.pairs[0]
            # The pair whose clauses share the most words, the nearest to both values, is the
            # one to show: "taken $75m so far" meets "a total of $42.9m", not "third with $7.6m".
            shared = x.near & y.near
            score = (len(shared), -min((x.distance.get(w, 0) + y.distance.get(w, 0) for w in shared), default=0))
            if not _one_thing(x, y, a_all, b_all, across_time) or (best is not None and score <= best[0]):
                continue
            if kind == "number" and not across_time and _moved_together(x, y, va, vb, a, b):
                continue
            best = (score, x, y)
        if best:
            return kind, best[1], best[2]
    return None


def _states_told_differ(
    gx: Sequence[Value], gy: Sequence[Value], va: Sequence[Value], vb: Sequence[Value], a: str, b: str
) -> bool:
    """Whether two amounts are counted in two states by any mention of them in their statements: "the day the first
    two container bakeries arrived … The two container bakeries, built by … Osterbrink, are not yet baking" are two
    arrived, no count of "Lodravia ordered four container bakeries" (explore40 q26 noted four becoming two, pairing
    the later mention, which names no state)."""

    def told(group: Sequence[Value], values: Sequence[Value], text: str) -> str | None:
        same = [v for v in values if any(v.span == g.span and v.unit == g.unit for g in group)]
        return next((st for v in [*group, *same] if (st := _state(v, text))), None)

    sx, sy = told(gx, va, a), told(gy, vb, b)
    return sx is not None and sy is not None and sx != sy


# A figure negated just before it: "made no commitment of $600 million", "did not pledge $600 million", "never
# promised 600 million"; not a bound ("no more than 40", "not less than") nor an addition ("not only $5m").
# At most two words between: "there were no casualties among the 600 troops" negates nothing of the 600.
_NEGATED_BEFORE = re.compile(r"(?:\b(?:no|not|never)|n[’']t)\s+(?:[\w’'-]+\s+){0,2}?(?:of\s+|about\s+|some\s+)?$", re.I)
# Nor what a count leaves out ("92 …, not counting the nine days of the suspension": blind explore46d q05).
_BOUND = re.compile(
    r"\b(?:no|not)\s+(?:more|fewer|less|greater|higher|lower|later|earlier|only|just|even|counting|including)\b", re.I
)


def _negated(v: Value, text: str) -> bool:
    """Whether the figure `v` of `text` is negated just before it, and not as a bound."""
    before = text[max(0, v.at[0] - 40) : v.at[0]]
    m = _NEGATED_BEFORE.search(before)
    return m is not None and not _BOUND.search(before[m.start() :])


def negated_figure(a: str, b: str, va: Sequence[Value], vb: Sequence[Value]) -> tuple[Value, Value] | None:
    """The figure one statement gives and the other negates ("Halvoria is set to pledge $600 million" /
    "it had 'made no commitment of $600 million'"; blind explore23c q14), as (a's value, b's value), or None."""
    for x in va:
        for y in vb:
            if x.kind != "number" or y.kind != "number" or not comparable(x, y) or not agree(x, y):
                continue
            if _negated(x, a) != _negated(y, b):
                return x, y
    return None
