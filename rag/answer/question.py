"""The question as asked: cleaned of invisible characters and checked for size, and whether a
follow-up needs the conversation to stand alone (and whether a rewrite of it still does)."""

from __future__ import annotations

import re

from rag.errors import QuestionError

# C0/C1 controls plus invisible format characters (zero-width spaces, bidi overrides, BOM): a
# question made only of them is empty, and inside a question they only confuse retrieval.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_question(question: str, max_chars: int, what: str = "question") -> str:
    """The question (or a timeline's `what="topic"`) with control characters and runs of spaces
    collapsed; a `QuestionError` naming it when it is no text, empty or too long."""
    if not isinstance(question, str):
        raise QuestionError(f"The {what} must be text.")
    question = " ".join(_CONTROL.sub(" ", question).split())
    if not question:
        raise QuestionError(f"Please type a {what}.")
    if len(question) > max_chars:
        verb = "Ask" if what == "question" else "Give"
        raise QuestionError(
            f"The {what} is {len(question):,} characters long; the limit is {max_chars:,}. "
            f"{verb} something shorter (RAG_ANSWER__MAX_QUESTION_CHARS raises the limit)."
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
    """Does a follow-up lean on the conversation (a pronoun, "and…", "why?"), or is it too short to
    name its subject ("When?", "How many?")? A short question naming someone or somewhere stands on
    its own: "Who visited Paiporta?" had been glued to the chat's first question (explore12 H4)."""
    if _ANAPHORA.search(question):
        return True
    words = question.split()
    return len(words) <= 3 and not any(w[:1].isupper() for w in words[1:])


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


# A small model's rewrite often comes labelled: 'The user asked: "When did he say it?"'.
_LABEL = re.compile(
    r"^\s*(?:(?:the\s+)?(?:user|follow-up|standalone|rewritten)\s*(?:question|asked|asks)?|question)\s*:\s*",
    re.IGNORECASE,
)


def strip_label(line: str) -> str:
    """A rewritten question without a label before it or the quote marks around it."""
    return _LABEL.sub("", line.strip()).strip().strip('"“”').strip()


# A person the follow-up points back to: "When did he get that job?", "What did she say?", "his team".
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)
# "her" before these is an object ("told her about"), elsewhere a possessive ("her team").
_AFTER_OBJECT = {"about", "to", "that", "and", "or", "in", "on", "at", "for", "with", "from", "by", "of", "as", "if"}


_MALE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def pronouns(text: str) -> set[str]:
    """Which of "he" (m) and "she" (f), in any of their forms, the text uses."""
    return {g for g, pattern in (("m", _MALE), ("f", _FEMALE)) if pattern.search(text)}


def with_subject(question: str, names: list[str]) -> str | None:
    """The follow-up with "he", "she", "him", "his", "her" replaced by the one name of the question it
    follows, or None when that question names no one or several ("Who is Rod Eddington?" then "What did
    he say about the results?" -> "What did Rod Eddington say about the results?"). Gluing the two
    questions together instead had read as one question asking both, and was abstained on (round 16
    q29, q30)."""
    if len(names) != 1 or not _PERSONAL.search(question):
        return None
    name = names[0].removesuffix("'s").removesuffix("’s")

    def replace(m: re.Match[str]) -> str:
        word = m.group(0).lower()
        following = question[m.end() :].split()
        if word == "his" or (word == "her" and following and following[0].lower().strip("?,.") not in _AFTER_OBJECT):
            return f"{name}'s"
        return name

    return _PERSONAL.sub(replace, question)
