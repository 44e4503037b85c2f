from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.ingest.chunk import Chunker, sentence_spans
from rag.types import Article
from tests.conftest import CORPUS


def article(text: str) -> Article:
    return Article(id="a", text=text, title="t", source="s")


def test_offsets_point_at_the_chunk_text_in_every_bundled_article():
    chunker = Chunker()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chunks = chunker.split(article(text))
        assert chunks, path
        for c in chunks:
            assert text[c.start : c.end] == c.text
            assert chunker.count_tokens(c.text) <= chunker.max_tokens
        assert [c.position for c in chunks] == list(range(len(chunks)))
        assert len({c.id for c in chunks}) == len(chunks)


def test_chunks_start_and_end_on_sentence_boundaries_and_overlap():
    sentences = [f"Sentence number {i} talks about the ceasefire talks in some detail." for i in range(40)]
    text = " ".join(sentences)
    chunks = Chunker(max_tokens=60, overlap_tokens=20).split(article(text))
    assert len(chunks) > 3
    for c in chunks:
        assert c.text.startswith("Sentence number")
        assert c.text.endswith(".")
    overlapping = sum(1 for a, b in itertools.pairwise(chunks) if b.start < a.end)
    assert overlapping == len(chunks) - 1
    # Overlap never exceeds its budget and every chunk moves forward.
    assert all(b.start > a.start for a, b in itertools.pairwise(chunks))


def test_a_sentence_longer_than_a_chunk_is_split_at_words():
    text = " ".join(["word"] * 1000) + "."
    chunker = Chunker(max_tokens=50, overlap_tokens=10)
    chunks = chunker.split(article(text))
    assert len(chunks) >= 20
    assert all(chunker.count_tokens(c.text) <= 50 for c in chunks)
    assert chunks[-1].end == len(text)


def test_chunks_the_embedding_model_cannot_read_whole_are_split_again():
    text = " ".join(f"Short sentence {i}." for i in range(200))
    # Pretend the embedding model reads at most 60 characters.
    chunker = Chunker(max_tokens=120, overlap_tokens=10, fits=lambda t: len(t) <= 60)
    chunks = chunker.split(article(text))
    assert all(len(c.text) <= 60 for c in chunks)
    covered = "".join(text[c.start : c.end] for c in chunks)
    assert "Short sentence 199." in covered


def test_sentence_spans_keep_closing_quotes_and_split_lines():
    text = 'He said "it is over." Then he left.\nHeadline here\n\n  Next one!'
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces == ['He said "it is over."', "Then he left.", "Headline here", "Next one!"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "Cc")), max_size=3000))
def test_property_chunks_are_exact_substrings_within_the_limit(text: str):
    chunker = Chunker(max_tokens=40, overlap_tokens=8)
    chunks = chunker.split(article(text))
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert c.text.strip() == c.text and c.text
        assert chunker.count_tokens(c.text) <= 40
    # Every non-blank sentence is covered by some chunk.
    for s, e in sentence_spans(text):
        assert any(c.start <= s and e <= c.end for c in chunks) or any(c.start < e and s < c.end for c in chunks)
