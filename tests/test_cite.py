from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rag.answer.cite import parse_answer, split_sentences, strip_markers
from rag.types import Passage

ABSTAIN = "The indexed articles don't say."


def passages(n: int) -> list[Passage]:
    return [
        Passage(chunk_id=f"c{i}", article_id=f"a{i}", text=f"text {i}", title=f"T{i}", start=0, end=6, score=0.9)
        for i in range(1, n + 1)
    ]


def test_keeps_valid_citations_and_maps_them_to_passages():
    parsed = parse_answer("Putin demanded Mykolaiv and Kharkiv [2].", passages(3), ABSTAIN)
    assert parsed.text == "Putin demanded Mykolaiv and Kharkiv [1]."
    assert [c.passage.chunk_id for c in parsed.citations] == ["c2"]
    assert parsed.sentences[0].citations == (1,)
    assert not parsed.abstained


def test_a_marker_cut_off_at_the_end_is_dropped():
    parsed = parse_answer("Trump said Crimea will stay with Russia [1] [2] [3] [", passages(2), ABSTAIN)
    assert parsed.text == "Trump said Crimea will stay with Russia [1] [2]"
    assert parse_answer("Crimea stays [1", passages(2), ABSTAIN).text == "Crimea stays"


def test_drops_numbers_that_were_never_given():
    parsed = parse_answer("A is true [7]. B is true [1][9].", passages(2), ABSTAIN)
    assert parsed.text == "A is true. B is true [1]."
    assert [c.passage.chunk_id for c in parsed.citations] == ["c1"]
    assert parsed.sentences[0].citations == ()


def test_renumbers_in_order_of_first_use_and_understands_lists_and_ranges():
    parsed = parse_answer("X [3, 1]. Y [1-2]. Z [Passage 3].", passages(3), ABSTAIN)
    assert parsed.text == "X [1][2]. Y [2][3]. Z [1]."
    assert [c.passage.chunk_id for c in parsed.citations] == ["c3", "c1", "c2"]
    assert [c.number for c in parsed.citations] == [1, 2, 3]


def test_citation_after_the_full_stop_belongs_to_that_sentence():
    parsed = parse_answer("First claim. [1] Second claim. [2]", passages(2), ABSTAIN)
    assert [s.citations for s in parsed.sentences] == [(1,), (2,)]
    assert parsed.text == "First claim [1]. Second claim [2]."


def test_abstain_phrase_is_recognised_loosely():
    parsed = parse_answer("  the indexed articles don't say  ", passages(2), ABSTAIN)
    assert parsed.abstained
    assert parsed.text == ABSTAIN
    assert parsed.citations == []


def test_abstain_phrase_with_a_real_citation_is_an_answer():
    parsed = parse_answer("The indexed articles don't say much, but X happened [1].", passages(1), ABSTAIN)
    assert not parsed.abstained


def test_repeated_sentences_and_answer_preambles_are_removed():
    parsed = parse_answer("The answer is: Kyiv [1].\n\nKyiv [1].\n\nKyiv [1].", passages(1), ABSTAIN)
    assert parsed.text == "Kyiv [1]."


def test_strip_markers():
    assert strip_markers("Kyiv is big [1][2]. It is old [3].") == "Kyiv is big. It is old."


def test_split_sentences_on_blank_lines():
    assert [s.text for s in split_sentences("One line\n\nAnother line.")] == ["One line", "Another line."]


@given(st.text(max_size=300), st.integers(min_value=0, max_value=6))
def test_property_every_citation_points_at_a_given_passage(output: str, n: int):
    given_passages = passages(n)
    parsed = parse_answer(output, given_passages, ABSTAIN)
    numbers = [c.number for c in parsed.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(c.passage in given_passages for c in parsed.citations)
    for sentence in parsed.sentences:
        assert all(1 <= n <= len(numbers) for n in sentence.citations)


def test_template_echoed_after_the_answer_is_cut():
    parsed = parse_answer("Kyiv [1]. Question: What else?\n\nPassages:\n[2] x", passages(2), ABSTAIN)
    assert parsed.text == "Kyiv [1]." and len(parsed.citations) == 1


def test_citation_after_a_closing_quote_and_truncated_repeats():
    raw = 'He said it is "still in the air." [1] He said it is "still in the [1]'
    parsed = parse_answer(raw, passages(1), ABSTAIN)
    assert parsed.text == 'He said it is "still in the air." [1]'
    assert [s.citations for s in parsed.sentences] == [(1,)]
