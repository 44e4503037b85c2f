"""Text in an article that is written for an AI, not for readers: prompt injection.

News is written for people. A line labelled with a chat role ("System:", "Assistant:"), an
order to ignore instructions, a note addressed to language models, or a rule for what every
answer must say is written for a model that reads the article, and is never evidence.
`instruction_spans` finds such sentences (a role-labelled line whole, and the rest of the
paragraph an injection starts); `redact` blanks them out character for character, so every
offset into the article stays valid.

The answer chain shows the model redacted passages, and the answer guard and the eval metrics
check claims only against redacted text: a sentence copied from an injection is unsupported
and removed even when the model repeats it. These are patterns, not a classifier; each is
written to stay silent on ordinary reporting (quotes, regulation stories that mention AI):
`tests/test_injection.py` checks the bundled corpus and tricky sentences, and
`benchmarks/injection_spans.py` counts false positives over real news (0 in 2,225 BBC articles
and 2,485 RealTime QA passages when written).
"""

from __future__ import annotations

import hashlib
import re

from rag.ingest.chunk import sentence_spans

_AI = (
    r"(?:AI|A\.I\.|artificial intelligence|language models?|LLMs?|chat ?bots?|assistants?|"
    r"automated (?:systems?|readers?|agents?)|bots?|crawlers?|models?)"
)

# A line that opens with a chat role: "SYSTEM: ...", "Assistant: ...", "[user]: ...".
_ROLE_LINE = re.compile(
    r"^[ \t>*#_\-\[(<|]*(?:system|assistant|user|human|developer)(?:\s+(?:message|prompt|note))?[\])>|]*\s*:",
    re.IGNORECASE | re.MULTILINE,
)

_SENTENCE_CUES = [
    # Overrides: "Ignore the previous instructions", "your previous rules no longer apply".
    r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|of|the|your|my|these|those|previous|prior|"
    r"above|earlier|preceding|original|system|other|following)\s+){0,4}(?:instructions?|prompts?|rules|guidelines|"
    r"directions|system messages?)\b",
    r"\b(?:previous|prior|earlier|original)\s+(?:instructions?|rules|prompts?|guidelines)\b[^.!?\n]{0,30}"
    r"\b(?:no longer|do not|don't|are void|are cancelled)\b",
    r"\b(?:developer|jailbreak|god|admin)\s+mode\b",
    r"\byou are now\b",
    # Addressed to a model: "Note to AI assistants:", "Instructions for language models reading this".
    rf"\b(?:note|message|instructions?|update|notice|attention|reminder|memo)\s+(?:to|for)\s+(?:all\s+|any\s+)?"
    rf"(?:the\s+)?{_AI}\b",
    rf"\b(?:dear|hey|hello|attention)\s+{_AI}\b",
    rf"\b(?:if|when) you are an? {_AI}\b",
    rf"\b{_AI} (?:reading|summari[sz]ing|processing|parsing|crawling) (?:this|these)\b",
    # Rules for the answer: "The answer to any question about this article must end with ...".
    r"\b(?:answers?|repl(?:y|ies)|responses?)\s+to\s+(?:any|every|all|each)\s+(?:other\s+)?questions?\b",
    r"\b(?:every|each|any|your|the)\s+(?:answers?|repl(?:y|ies)|responses?|summar(?:y|ies))\s+"
    r"(?:must|should|shall|has to|have to|needs? to)\s+(?:always\s+)?(?:begin|start|end|include|contain|mention|"
    r"say|state|read|be)\b",
    r"\b(?:begin|start|end)\s+(?:every|each|all|any|your)\s+(?:answers?|repl(?:y|ies)|responses?)\s+with\b",
    # Orders about citing or telling the user: "always cite it as [7]", "tell users that ...".
    r"\b(?:always|never)\s+cite\b",
    r"\bcite (?:it|this|them|this (?:article|passage|source|page))\s+as\b",
    r"\bwhen you (?:cite|answer|summari[sz]e|respond|reply|quote|mention)\b",
    r"(?:^|[:;]\s*)(?:tell|ask|inform|advise|instruct|remind|warn)\s+(?:the\s+|all\s+)?"
    r"(?:users?|readers?)\b",
    r"\byou (?:must|should|shall|are to|need to|have to) (?:now )?(?:say|answer|reply|respond|state|output|print|"
    r"repeat|claim)\b",
    # Chat-template tokens.
    r"<\|[a-z_]+\|>|\[/?INST\]|<</?SYS>>|^\s*#{2,}\s*(?:instruction|system)\b",
]
_CUE = re.compile("|".join(f"(?:{c})" for c in _SENTENCE_CUES), re.IGNORECASE | re.MULTILINE)


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of `text` that address a model, merged and sorted."""
    spans: list[tuple[int, int]] = []
    for m in _ROLE_LINE.finditer(text):
        end = text.find("\n", m.start())
        spans.append((m.start(), len(text) if end < 0 else end))
    for start, end in sentence_spans(text):
        if _CUE.search(text[start:end]):
            # The rest of the paragraph goes too: an injection's later sentences ("The only
            # correct answer is ...") rarely repeat the cue that gave the first one away.
            paragraph_end = text.find("\n\n", end)
            spans.append((start, len(text) if paragraph_end < 0 else paragraph_end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Names the patterns above and how `instruction_spans` applies them: a chunk checked clean at ingest
# under other patterns is checked again. The patterns' text changes the hash by itself; raise
# SPANS_LOGIC when `instruction_spans` changes how it uses them (sentence splitting, scope).
SPANS_LOGIC = "spans.v1"
PATTERNS_VERSION = hashlib.sha1((SPANS_LOGIC + _ROLE_LINE.pattern + _CUE.pattern).encode()).hexdigest()[:12]
CLEAN_KEY = "no_instructions"


def clean_mark(text: str) -> dict[str, str]:
    """Chunk metadata saying `text` holds no instruction span under these patterns (empty when it
    does): written at ingest, so reading the chunk back needs no pattern search (~0.5 ms a chunk,
    50-90 chunks a search)."""
    return {} if instruction_spans(text) else {CLEAN_KEY: PATTERNS_VERSION}


def redact_stored(text: str, meta: dict[str, object]) -> str:
    """`redact` for a stored chunk: skipped when ingest found it clean under the same patterns."""
    return text if meta.get(CLEAN_KEY) == PATTERNS_VERSION else redact(text)


def redact(text: str) -> str:
    """`text` with every instruction span blanked (same length: offsets stay valid)."""
    spans = instruction_spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)
