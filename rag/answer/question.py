"""The question as asked: cleaned of invisible characters and checked for size, and whether a
follow-up needs the conversation to stand alone (and whether a rewrite of it still does)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.errors import QuestionError
from rag.evidence.casing import restore_case
from rag.evidence.question import question_names, source_stripped

# C0/C1 controls plus invisible format characters (zero-width spaces, bidi overrides, BOM): a
# question made only of them is empty, and inside a question they only confuse retrieval.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_question(question: str, max_chars: int) -> str:
    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    question = " ".join(_CONTROL.sub(" ", question).split())
    if not question:
        raise QuestionError("Please type a question.")
    if len(question) > max_chars:
        raise QuestionError(
            f"The question is {len(question):,} characters long; the limit is {max_chars:,}. "
            "Ask something shorter (RAG_ANSWER__MAX_QUESTION_CHARS raises the limit)."
        )
    return question


# Words that point back into the conversation: a question holding one needs the history.
_ANAPHORA = re.compile(
    r"\b(?:he|she|they|it|its|him|his|her|them|their|this|that|these|those|there|then|such|same|else)\b"
    r"|^(?:and|but|so|also|what about|how about|why|how come)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[a-z0-9]+")
_FILLER = {"what", "who", "whom", "which", "when", "where", "why", "how", "did", "does", "do", "is", "are", "was",
           "were", "the", "a", "an", "and", "but", "so", "also", "about", "of", "to", "in", "on", "for", "say",
           "said"}  # fmt: skip
_ROLES = {"user", "assistant"}  # the transcript's labels, not what was said


def needs_context(question: str) -> bool:
    """Does a follow-up lean on the conversation (a pronoun, "and…", "why?"), or name its subject?"""
    return bool(_ANAPHORA.search(question)) or len(question.split()) <= 3


def is_rewrite_of(rewrite: str, question: str, transcript: str = "") -> bool:
    """Is `rewrite` a standalone question that still asks what `question` asked? A question,
    not an answer ("The answer is…"), not a ramble, keeping most of the follow-up's own words,
    and taking at least one from the conversation `transcript` (when given) for what the follow-up
    leaves to it: "When did he say that?" given back unchanged, or as "Who is the person who is
    speaking here?" for "Who is he?", still stands on nothing."""
    if not rewrite.endswith("?") or len(rewrite) > 4 * len(question) + 200:
        return False
    if re.match(r"(?:the\s+)?answer\b", rewrite, re.IGNORECASE):
        return False
    asked = set(_WORDS.findall(question.lower())) - _FILLER
    asked = {w for w in asked if not _ANAPHORA.fullmatch(w)}
    kept = set(_WORDS.findall(rewrite.lower()))
    if transcript:
        said = set(_WORDS.findall(transcript.lower())) - _FILLER - _ROLES - set(_WORDS.findall(question.lower()))
        if not kept & {w for w in said if not _ANAPHORA.fullmatch(w)}:
            return False
    return not asked or len(asked & kept) >= (len(asked) + 1) // 2


# "What about Russia?", "and Dmitriev?": the last question again, about another name.
_WHAT_ABOUT = re.compile(
    r"^\s*(?:and\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)(?P<name>[^?]+?)\s*\??\s*$", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s$")


def what_about(question: str) -> str | None:
    """The X of a "what about X?" (or "and X?") follow-up, or None."""
    m = _WHAT_ABOUT.match(question)
    return m.group("name") if m else None


def pivot(question: str, previous: str, texts: Iterable[str]) -> str | None:
    """The previous question about the name a "what about X?" follow-up gives, in place of the name it
    asked about: "what about russia?" after "What does Ukraine want, according to the Tallinn
    article?" is "What does Russia want, according to the Tallinn article?". None when the follow-up
    is not of that form or names no one (`texts`, the conversation and passages, give a lower-case name
    its capitals), or the previous question does not name exactly one subject besides its source
    ("Which NATO countries does the ISW analysis say Russia may attack?" names two: which is meant?)."""
    name = what_about(question)
    if name is None:
        return None
    if not any(c.isupper() for c in question):
        name = restore_case(name, texts)
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if not name or not all(w[:1].isupper() for w in name.split()):
        return None
    asked = question_names(source_stripped(previous))
    if len(asked) != 1:
        return None
    replaced = _POSSESSIVE.sub("", asked[0])
    return previous.replace(replaced, name, 1) if replaced in previous else None


# A small model's rewrite often comes labelled: 'The user asked: "When did he say it?"'.
_LABEL = re.compile(
    r"^\s*(?:(?:the\s+)?(?:user|follow-up|standalone|rewritten)\s*(?:question|asked|asks)?|question)\s*:\s*",
    re.IGNORECASE,
)


def strip_label(line: str) -> str:
    """A rewritten question without a label before it or the quote marks around it."""
    return _LABEL.sub("", line.strip()).strip().strip('"“”').strip()
