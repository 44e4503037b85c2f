"""News-aware answers end to end with fakes: disagreeing sources are both cited with a note, a
question about the latest state is dated "as of" the newest cited article."""

from __future__ import annotations

from rag import Assistant
from ui.render import chat_text


def test_sources_that_disagree_are_both_cited_with_a_note(disagreeing_news: Assistant):
    answer = disagreeing_news.ask("How many prisoners were exchanged at the border after the talks in Riyadh?")
    assert answer.conflicts, answer.to_dict()
    note = answer.conflicts[0]
    cited = {c.number: c for c in answer.citations}
    sides = {cited[n].passage.outlet for n in note.numbers}
    assert sides == {"Example Wire", "Example Daily"}
    assert "40" in note.note and "175" in note.note
    assert all(f"[{n}]" in note.note for n in note.numbers)
    shown = chat_text(answer)
    assert "The sources differ" in shown and "175" in shown
    assert answer.to_dict()["conflicts"][0]["numbers"] == list(note.numbers)


def test_a_question_about_the_latest_state_is_dated_as_of_the_newest_cited_article(disagreeing_news: Assistant):
    answer = disagreeing_news.ask("How many observers does the monitoring mission have now?")
    assert answer.as_of == "as of 2 May 2025"
    assert answer.text.startswith("As of 2 May 2025: ")
    plain = disagreeing_news.ask("How many observers does the monitoring mission have along the front line?")
    assert plain.as_of == "as of 2 May 2025" and not plain.text.startswith("As of")


def test_a_note_needs_two_different_cited_sentences():
    """The Dmitriev sentence of article 001 reports a contradiction with the sentence before it; as
    the only evidence, the detector pairs it with itself, which no note may show ([1] vs [1])."""
    from rag.answer.cite import ParsedAnswer
    from rag.answer.news import disagreements
    from rag.news.conflicts import detect_conflicts
    from rag.types import Evidence, Passage
    from tests.conftest import CORPUS

    text = (CORPUS / "001_fe26a455a43feec8.txt").read_text(encoding="utf-8")
    start = text.index("According to ISW, this statement conflicts")
    end = text.index(".", text.index("contradictory messaging")) + 1
    begin = max(0, start - 600)
    passage = Passage("c", "a", text[begin:end], "T", begin, end, 0.7, "Euromaidan Press", None)
    one = Evidence(text[start:end], passage, start - begin, end - begin, 0.9)
    assert [c.items for c in detect_conflicts([one])] == [(0, 0)]  # what the detector reports
    citations, notes = disagreements(ParsedAnswer("x", [], [], False), [one])
    assert notes == [] and citations == []


def test_an_as_of_date_says_when_cited_articles_are_undated():
    from rag.answer.news import dated
    from rag.types import Citation, Passage

    def cite(n: int, article: str, published: str | None) -> Citation:
        return Citation(n, Passage(f"{article}#0", article, "Talks went on.", "T", 0, 14, 0.5, "Wire", published))

    question = "What is the latest on the talks?"
    text, phrase = dated(question, "Talks went on. [1] [2]", [cite(1, "a", "2025-05-20"), cite(2, "b", None)])
    assert phrase == "as of 20 May 2025"
    assert text.startswith("As of 20 May 2025 (1 cited article undated): ")
    text, _ = dated(question, "Talks went on. [1]", [cite(1, "a", "2025-05-20")])
    assert text.startswith("As of 20 May 2025: ")


def test_a_two_sentence_span_against_another_gets_one_note():
    from rag.answer.cite import ParsedAnswer
    from rag.answer.news import disagreements
    from rag.news.conflicts import detect_conflicts
    from rag.types import Evidence, Passage

    def span(text: str, article: str) -> Evidence:
        return Evidence(
            text, Passage(f"{article}#0", article, text, "Vote", 0, len(text), 0.7, "Wire"), 0, len(text), 0.9
        )

    one = span("Turnout in the Dunmore by-election was 61%.", "a")
    two = span("Turnout in the Dunmore by-election was 65%. Turnout in the Dunmore by-election reached 65%.", "b")
    assert [c.items for c in detect_conflicts([one, two])] == [(0, 1), (0, 1)]  # each sentence of the span
    _, notes = disagreements(ParsedAnswer("x", [], [], False), [one, two])
    assert [n.numbers for n in notes] == [(1, 2)]
