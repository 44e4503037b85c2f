"""Screenshot the chat UI answering one question (for docs/): Playwright driving Debian's Chromium
against a running `rag serve`. Usage: python scripts/screenshot.py URL QUESTION OUT.png [--wait-conflict]"""

from __future__ import annotations

import argparse

from playwright.sync_api import expect, sync_playwright


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("url")
    ap.add_argument("question")
    ap.add_argument("out")
    ap.add_argument("--wait-conflict", action="store_true", help="fail unless the answer shows a disagreement note")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=1000)
    args = ap.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": args.width, "height": args.height}).new_page()
        page.goto(args.url)
        page.locator("#question textarea").fill(args.question)
        page.locator("#ask").click()
        # The final answer replaces the evidence preview; the article view opens the first citation.
        bot = page.locator("#chatbot")
        expect(bot).to_contain_text(args.question, timeout=60_000)
        expect(page.locator("#article mark#cited-passage")).to_be_visible(timeout=300_000)
        expect(bot).not_to_contain_text("Composing an answer", timeout=10_000)
        if args.wait_conflict:
            expect(page.locator("#chatbot .conflicts")).to_be_visible(timeout=10_000)
        page.wait_for_timeout(3000)
        print(bot.inner_text())
        print("--- sources ---")
        print(page.locator("#sources").inner_text())
        page.screenshot(path=args.out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
