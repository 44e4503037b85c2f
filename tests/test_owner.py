"""Whose thing a question asks for and whose the evidence gives (rag.evidence.owner), and the
selector abstaining on a mismatch (fake embeddings, shipped span weights)."""

from __future__ import annotations

from rag.evidence import EvidenceSelector
from rag.evidence.owner import Owned, mismatch, owned_things
from rag.settings import EvidenceSettings
from tests.fakes import HashingEmbeddings
from tests.test_evidence import passage, shipped_with

LAVROV = "Russian Foreign Minister Sergey Lavrov said recognition of the regions taken from Ukraine is imperative."


def test_the_question_names_an_owner_and_its_thing() -> None:
    [owned] = owned_things("Who is Ukraine's foreign minister?")
    assert owned.thing == ("foreign", "minister")
    [owned] = owned_things("Since when have Russia's demands on Ukraine stayed the same?")
    assert owned.thing == ("demands",)  # cut at the first function word
    assert owned_things("Who is the foreign minister?") == []
    # A participle closing the question, or its first part, is its verb (blind explore26 q01).
    [owned] = owned_things("When was the UN grain deal for Velmaria's ports signed, and where?")
    assert owned.thing == ("ports",)
    [owned] = owned_things("Why was the vote on Halvard's offer postponed?")
    assert owned.thing == ("offer",)
    # "own" only stresses the owner (explore17 q26: Toscan boats' quota given for Halvern's own boats).
    # After "can" or "does" the thing is the verb's subject, the word after it the verb.
    [owned] = owned_things("How much can Halvern's own boats catch on the bank?")
    assert owned.thing == ("boats",)
    assert owned_things("Does Russia's military budget rely on partners?") == [
        Owned(("russia",), ("military", "budget"))
    ]
    toscan = "An accord lets Toscan boats catch 9,500 tonnes."
    his = "The skipper, Tiberio Calvane, is a prisoner on his own boat and may not catch cod."
    assert mismatch("How much can Halvern's own boats catch?", [toscan, his])


def test_another_names_thing_is_a_mismatch_and_the_owners_own_is_not() -> None:
    assert mismatch("Who is Ukraine's foreign minister?", [LAVROV])
    assert not mismatch("Who is Russia's foreign minister?", [LAVROV])  # Russian / Russia
    assert not mismatch("Who is Moscow's foreign minister?", [LAVROV])  # the same government


def test_another_thing_of_the_kind_is_a_mismatch() -> None:
    # "Russian Foreign Minister" is Russia's minister, but not its defence minister.
    assert mismatch("Who is Russia's defence minister?", [LAVROV])
    # Only the word next to the head tells the thing; the words before it describe it.
    logo = "Musk replaced Twitter's globally recognized blue bird logo with an X."
    assert not mismatch("Twitter's famous blue bird logo was replaced by what?", [logo])
    # Another kind is told by a title ("Foreign Minister"), not by other words for the same thing.
    assert not mismatch("What drove Acme's greenhouse gas emissions up?", ["Acme said its carbon emissions rose."])
    assert not mismatch("What did Jane Doe's newly rebranded campaign raise?", ["The Doe campaign raised $8 million."])
    # An owner named in other words ("the tech firm's") may be the one asked about.
    assert not mismatch(
        "What did the error wipe off Alphabet's market value?", ["It wiped 9% off the tech firm's value."]
    )


def test_its_is_the_sentences_first_name() -> None:
    text = "Ukraine, by contrast, enters 2026 with 42.3% of its military budget reliant on partners."
    assert mismatch("How large is Russia's military budget?", [text])
    assert not mismatch("How large is Ukraine's military budget?", [text])


def test_a_verb_after_the_thing_is_not_its_head() -> None:
    # The question's pattern reaches three words: "military budget relies"; the thing is the budget.
    budget = "Ukraine, by contrast, enters 2026 with 42.3% of its military budget reliant on international partners."
    assert mismatch("What share of Russia's military budget relies on international partners?", [budget])
    assert not mismatch("What share of Ukraine's military budget relies on international partners?", [budget])


def test_a_mention_without_a_written_owner_decides_nothing() -> None:
    assert not mismatch("Who is Ukraine's foreign minister?", ["The foreign minister flew to Riyadh.", LAVROV])
    # The owner stands in the noun phrase: "Aldi has remained the cheapest" does not make Aldi's "cheapest" another's.
    assert not mismatch("Which supermarket is Britain's cheapest?", ["Aldi has remained the cheapest supermarket."])
    assert not mismatch("What did Donald Trump's PAC spend?", ["Trump's PAC spent $16 million."])  # a shorter name


def test_the_selector_abstains_on_another_owners_thing() -> None:
    passages = [passage(LAVROV)]
    # Not "Who is Ukraine's foreign minister?": a post's holder is also checked by `names_holder`.
    question = "What did Ukraine's foreign minister say about recognition of the regions?"
    checking = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    trusting = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(owner_check=False), shipped_with())
    assert trusting.select(question, passages).answerable
    assert not checking.select(question, passages).answerable
    russian = "What did Russia's foreign minister say about recognition of the regions?"
    assert checking.select(russian, passages).answerable
    assert checking.select("Who is Russia's foreign minister?", passages).answerable


def test_a_thing_of_another_owner_the_question_also_names_is_asked_about() -> None:
    question = "How does Ukraine's position on a cease-fire differ from Putin's?"
    assert not mismatch(question, ["While Ukraine agrees to a cease-fire, Putin's position conveys a clear intent."])
    assert mismatch("What is Ukraine's position on a cease-fire?", ["Putin's position conveys a clear intent."])
