"""Questions asking who someone is, and the spans that say it.

"Who is Kirill Dmitriev?" is answered by "… Kirill Dmitriev, CEO of the Russian Direct Investment
Fund (RDIF), who told Fox News …": the news names a person with their post beside the name, in
apposition ("Nikolay Petrov, senior research fellow with the New Eurasian Strategies Centre, …") or
as a title before it ("Historian and professor Sergey Radchenko"). Such a short question matches
little of any sentence, so the answer model, fitted on quiz questions, scores it low; a span that
gives the person's post beside their name is the answer, quoted as it stands.
"""

from __future__ import annotations

import re

from rag.evidence.question import _NAME

_ASKED = re.compile(
    rf"^\s*(?:[Ww]ho\s+(?:is|was)\s+(?P<who>{_NAME.pattern})"
    rf"|[Ww]hat\s+(?:is|was)\s+(?P<whose>{_NAME.pattern})['’]s\s+(?:position|role|job|post|title)"
    rf"|[Ww]hat\s+(?:position|role|job|post)\s+(?:does|did)\s+(?P<holder>{_NAME.pattern})\s+(?:hold|have))"
    # … alone, or as the first of two questions ("What post does Dmitriev hold, and when did he …?")
    r"\s*(?:\??\s*$|,\s*and\s+(?:\w+\s+)?(?:what|which|who|when|where|how|why)\b)"
)
# Posts news puts before a name or in apposition after it.
_POST = (
    r"(?:minister|president|prime\s+minister|chairman|chairwoman|chair|ceo|chief(?:\s+executive)?|director|"
    r"secretary|spokes(?:man|woman|person)|professor|historian|analyst|fellow|researcher|expert|head|leader|"
    r"ambassador|governor|senator|diplomat|general|commander|envoy|official|editor|founder|deputy|adviser|"
    r"advisor|economist|lawyer|journalist|author|mayor|premier|chancellor|king|queen)"
)


# "Which organisation does Kirill Dmitriev head?": answered by the post beside the name when it is a
# head's post over a named body ("CEO of the Russian Direct Investment Fund"), not a deputy's.
_HEADS = re.compile(
    rf"^\s*[Ww]hich\s+(?:organi[sz]ation|company|fund|agency|institution|body|group|firm|think\s+tank|bank|committee|"
    rf"party|ministry|department|council)\s+"
    rf"(?:does|did)\s+(?P<name>{_NAME.pattern})\s+(?:head|lead|run|chair)\s*\??\s*$"
)
_HEAD_POST = re.compile(
    r"(?<!deputy )(?<!vice )(?<!assistant )\b(?:ceo|chief(?:\s+executive)?|head|director|president|chairman|"
    r"chairwoman|chair|leader|founder)\s+(?:of|at)\s+(?:the\s+)?[A-Z]",
    re.IGNORECASE,
)


def headed_by(question: str) -> str | None:
    """The name whose organisation a question asks for ("Which fund does Dmitriev head?"), or None."""
    m = _HEADS.match(question)
    return m.group("name") if m else None


def names_headed(name: str, text: str) -> bool:
    """Whether `text` gives `name`, beside the name, as the head of a named body: "Kirill Dmitriev,
    CEO of the Russian Direct Investment Fund (RDIF), …"; "a deputy chairman in …" is not."""
    role = _role(name, text)
    return bool(role and _HEAD_POST.search(role))


def deputy_only(name: str, text: str) -> bool:
    """Whether `text` gives `name`, beside the name, a deputy's post ("Vyacheslav Nikonov, a deputy
    chairman in the Russian Parliament's foreign affairs committee,"): what they do not head."""
    role = _role(name, text)
    return bool(role and re.match(r"(?:deputy|vice|assistant)\b", role, re.IGNORECASE))


def defined_name(question: str) -> str | None:
    """The name a question asks to identify ("Who is Kirill Dmitriev?"), or None."""
    m = _ASKED.match(question)
    if m is None:
        return None
    return m.group("who") or m.group("whose") or m.group("holder")


def describes(name: str, text: str) -> bool:
    """Whether `text` gives `name`'s post beside the name: "Name, CEO of …," or "Name (CEO of …)"
    with a post word in it, or a post just before the name ("Foreign Minister Sergey Lavrov")."""
    role = _role(name, text)
    if role and re.search(rf"\b{_POST}\b", role, re.IGNORECASE):
        return True
    return bool(re.search(rf"\b{_POST}\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}{_named(name)}\b", text, re.IGNORECASE))


def _named(name: str) -> str:
    """A pattern for the name, whole or by its last word ("Kirill Dmitriev", then "Dmitriev")."""
    return rf"(?:{re.escape(name)}|{re.escape(name.split()[-1])})"


def _role(name: str, text: str) -> str | None:
    """What `text` says in apposition after the name: "Name, CEO of …," or "Name (CEO of …)"."""
    after = re.search(rf"{_named(name)}\s*[,(]\s*(?:a|an|the)?\s*(?P<role>[^,()]{{3,90}})[,()]", text)
    return after.group("role") if after else None


# "Russia's deputy foreign minister", "a former defence secretary": a post the rank word changes.
_RANKED_POST = re.compile(
    r"\b(?P<rank>deputy|vice|assistant|acting|former|interim)[\s-]+(?:[\w.’']+\s+){0,2}?"
    r"(?:minister|president|chairman|chair|secretary|director|head|chief|commander|ambassador|spokes\w+|envoy)\b"
    # "former President Donald Trump" names its holder: the rank describes him, it is not asked about.
    r"(?!\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)


def asked_rank(question: str) -> str | None:
    """The rank word of a post the question asks about ("deputy" in "Who is Russia's deputy foreign
    minister?"), or None."""
    m = _RANKED_POST.search(question)
    return m.group("rank").lower() if m else None


def gives_rank(question: str, text: str) -> bool:
    """Whether `text` holds the rank the question gives a post: "Russian Foreign Minister Sergey
    Lavrov" names no deputy foreign minister (fresh5 m26)."""
    rank = asked_rank(question)
    return rank is None or re.search(rf"\b{rank}\b", text, re.IGNORECASE) is not None
