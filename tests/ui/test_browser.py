"""End-to-end tests in a real browser: Playwright driving Debian's Chromium against the app
served on 127.0.0.1 (scripted chat model and hashing embeddings, so it runs in seconds)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
OBLASTS = "Which oblasts not under Russian control did Putin demand?"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "install Debian's chromium: bash scripts/setup.sh --browser"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


def open_app(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    return page


def ask(page: Page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()


def test_ask_shows_the_streamed_answer_with_citations(browser: Browser, server: str):
    page = open_app(browser, server)
    ask(page, OBLASTS)
    bot = page.locator("#chatbot")
    expect(bot).to_contain_text("The answer is in the passage [1]. It is cited [2].", timeout=30_000)
    expect(bot).to_contain_text(OBLASTS)
    cards = page.locator("#sources .citation")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("[1]")
    expect(page.locator("#sources mark").first).to_be_visible()


def test_opening_a_citation_highlights_the_passage_in_its_article(browser: Browser, server: str):
    page = open_app(browser, server)
    ask(page, OBLASTS)
    expect(page.locator("#sources .citation")).to_have_count(2, timeout=30_000)
    mark = page.locator("#article mark#cited-passage")
    expect(mark).to_be_visible(timeout=15_000)
    # The cited sentence, as highlighted in its Sources card, is what the article view marks.
    cited = page.locator("#sources .citation blockquote mark").first.inner_text()
    assert mark.inner_text().strip()[:60] == cited.strip()[:60]
    # The whole article is there, not just the passage.
    assert len(page.locator("#article .article-body").inner_text()) > len(mark.inner_text())


def test_upload_an_article_then_ask_about_it(browser: Browser, server: str, tmp_path: Path):
    article = tmp_path / "grain.md"
    article.write_text(
        "---\ntitle: Grain corridor reopens\noutlet: Test Wire\ndate: 2025-06-02\n---\n"
        "Ukrainian grain freighters sailed from Odesa through the reopened corridor on Monday.",
        encoding="utf-8",
    )
    page = open_app(browser, server)
    page.get_by_role("tab", name="Corpus").click()
    page.locator("#upload input[type=file]").set_input_files(str(article))
    page.locator("#add").click()
    expect(page.locator("#corpus-note")).to_contain_text("1 added", timeout=30_000)
    expect(page.locator("#corpus")).to_contain_text("Grain corridor reopens")
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Ukrainian grain freighters sailed from Odesa reopened corridor")
    expect(page.locator("#sources .citation").first).to_contain_text("Grain corridor reopens", timeout=30_000)


def test_two_people_chatting_at_once_keep_separate_histories(browser: Browser, server: str):
    alice, bob = open_app(browser, server), open_app(browser, server)
    ask(alice, "Alice asks: Putin demanded Ukraine cede Mykolaiv and Kharkiv oblasts?")
    ask(bob, "Bob asks: Lavrov Aeroflot sanctions commercial air services?")
    expect(alice.locator("#chatbot")).to_contain_text("Alice asks", timeout=30_000)
    expect(bob.locator("#chatbot")).to_contain_text("Bob asks", timeout=30_000)
    for page in (alice, bob):  # both answers finish streaming
        expect(page.locator("#chatbot")).to_contain_text("The answer is in the passage [1]", timeout=30_000)
        expect(page.locator("#chatbot")).not_to_contain_text("▌", timeout=30_000)
    assert "Bob asks" not in alice.locator("#chatbot").inner_text()
    assert "Alice asks" not in bob.locator("#chatbot").inner_text()


def test_hostile_article_renders_as_inert_text(browser: Browser, server: str):
    page = open_app(browser, server)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(page, "Tallinn negotiators maritime corridors stayed closed")
    sources = page.locator("#sources")
    expect(sources).to_contain_text("<script>window.pwned = true; alert('pwned')</script>", timeout=30_000)
    expect(page.locator("#article")).to_contain_text('<img src=x onerror="window.pwned = true">', timeout=15_000)
    assert page.locator("#sources script, #sources img, #article script, #article img").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    assert dialogs == []


def test_a_rag_link_from_the_api_opens_its_article(browser: Browser, server: str):
    from urllib.parse import quote

    article_id = "001_fe26a455a43feec8"
    link = f"rag://article/{article_id}#2239-2400"
    page = open_app(browser, f"{server}?open={quote(link, safe='')}")
    mark = page.locator("#article mark#cited-passage")
    expect(mark).to_be_visible(timeout=30_000)
    page2 = open_app(browser, server)
    page2.locator("#rag-link textarea").fill(link)
    opened = page2.locator("#article mark#cited-passage")
    # Under load (the whole suite on 2 cores) Gradio can attach the box's submit handler after the page's
    # load event, and an Enter pressed before that is lost (one CI run in session 15): press it again,
    # up to three times in all. A link that never opens still fails.
    for _ in range(3):
        page2.locator("#rag-link textarea").press("Enter")
        try:
            opened.wait_for(state="visible", timeout=10_000)
            break
        except PlaywrightTimeoutError:
            continue
    expect(opened).to_have_text(mark.inner_text(), timeout=30_000)
    assert len(mark.inner_text()) == 2400 - 2239


def test_timeline_tab_lists_dated_events_in_order(browser: Browser, server: str):
    page = open_app(browser, server)
    page.get_by_role("tab", name="Timeline").click()
    topic = "Putin and Trump in Anchorage, Alaska; Trump and Putin held a telephone conversation on May 19"
    page.locator("#timeline-query textarea").fill(topic)
    page.locator("#timeline-go").click()
    events = page.locator("#timeline .event")
    expect(events.first).to_be_visible(timeout=30_000)
    expect(page.locator("#timeline")).to_contain_text("2025-08-15")
    dates = [d.split(" to ")[0].removeprefix("by ") for d in page.locator("#timeline .event-date").all_inner_texts()]
    assert dates == sorted(dates) and len(dates) >= 2
    expect(page.locator("#timeline")).to_contain_text("The Moscow Times")


PRISONERS = "How many prisoners were exchanged at the border after the talks in Riyadh?"


def test_sources_that_disagree_show_a_note_citing_both(browser: Browser, news_server: str):
    page = open_app(browser, news_server)
    ask(page, PRISONERS)
    note = page.locator("#chatbot .conflicts")
    expect(note).to_be_visible(timeout=30_000)
    expect(note).to_contain_text("The sources differ")
    text = note.inner_text()
    assert "40" in text and "175" in text, text
    numbers = sorted(set(re.findall(r"\[(\d+)\]", text)))
    assert len(numbers) == 2, text
    cards = page.locator("#sources .citation")
    for n in numbers:  # each side of the note is a passage in the Sources column
        card = page.locator(f"#sources #citation-{n}")
        expect(card).to_be_visible()
        expect(card.locator("mark")).to_be_visible()
    blocks = {n: page.locator(f"#sources #citation-{n} blockquote").inner_text() for n in numbers}
    assert {"40 prisoners" in b for b in blocks.values()} == {True, False}
    assert {"175 prisoners" in b for b in blocks.values()} == {True, False}
    assert cards.count() >= 2


def test_clearing_the_chat_forgets_the_conversation(browser: Browser, server: str):
    """explore11 M1: the chat's Clear button emptied the display only; the cleared exchange came back
    with the next answer."""
    page = open_app(browser, server)
    ask(page, OBLASTS)
    bot = page.locator("#chatbot")
    expect(bot).to_contain_text("The answer is in the passage [1]", timeout=30_000)
    expect(bot).not_to_contain_text("▌", timeout=30_000)
    page.locator("#chatbot").get_by_role("button", name="Clear").click()
    expect(bot).not_to_contain_text(OBLASTS, timeout=15_000)
    expect(page.locator("#sources .citation")).to_have_count(0, timeout=15_000)
    ask(page, "Lavrov Aeroflot sanctions commercial air services?")
    expect(bot).to_contain_text("Lavrov Aeroflot", timeout=30_000)
    expect(bot).not_to_contain_text("▌", timeout=30_000)
    assert OBLASTS not in bot.inner_text()
