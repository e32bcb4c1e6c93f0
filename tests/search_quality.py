"""The search query set, run in Chromium on a built site: each query's top three pages and the score.

Shared by tests/test_search_quality.py and `make search-report` (python -m tests.search_quality site).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from seniorsite.languages import LANGUAGES, language_prefix
from tests.helpers import CHROMIUM, PROJECT, SITE_PATH, serve

QUERIES = PROJECT / "tests" / "search_queries.yml"
REQUIRED_SCORE = 0.9
RESULT_LINKS = ".md-search-result__list > li > a.md-search-result__link"


@dataclass(frozen=True)
class Outcome:
    """One query: what was typed, the pages that should come first, the three that did."""

    language: str
    query: str
    expected: tuple[str, ...]
    top3: tuple[str, ...]

    @property
    def found(self) -> bool:
        """True when one of the expected pages is among the first three."""
        return any(page in self.top3 for page in self.expected)


def load_queries() -> dict[str, list[dict]]:
    """Return the query set by language."""
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def page_of(address: str, language: str) -> str:
    """Return a result's page path relative to its language's front page (no anchor, no highlight)."""
    path = urlsplit(address).path.removeprefix(SITE_PATH).removeprefix(language_prefix(language))
    return path.removesuffix("index.html")


def settled_results(page: object, query: str) -> list[str]:
    """Enter a query and return the result addresses once they stop changing (none after about 2 s)."""
    box = page.locator("input.md-search__input")
    links = page.locator(RESULT_LINKS)
    box.click()
    box.fill("")
    box.press("End")  # the theme searches on key events
    for _ in range(40):  # the previous query's results go first, so they are never taken for this one's
        if links.count() == 0:
            break
        page.wait_for_timeout(50)
    box.fill(query)
    box.press("End")
    previous: list[str] | None = None
    for _ in range(20):
        page.wait_for_timeout(100)
        current = [page.evaluate("a => a.href", links.nth(i).element_handle()) for i in range(min(links.count(), 10))]
        if current and current == previous:
            return current
        previous = current
    return previous or []


def top_pages(addresses: list[str], language: str, count: int = 3) -> tuple[str, ...]:
    """Return the first distinct pages among the results."""
    pages: list[str] = []
    for address in addresses:
        path = page_of(address, language)
        if path not in pages:
            pages.append(path)
    return tuple(pages[:count])


def run_queries(browser: object, base_url: str, language: str, queries: list[dict]) -> list[Outcome]:
    """Run one language's queries from its front page and return their outcomes."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + language_prefix(language), wait_until="networkidle")
    outcomes = [
        Outcome(language, entry["q"], tuple(entry["top3"]), top_pages(settled_results(page, entry["q"]), language))
        for entry in queries
    ]
    context.close()
    return outcomes


def score(outcomes: list[Outcome]) -> float:
    """Return the share of queries whose expected page came in the top three."""
    return sum(outcome.found for outcome in outcomes) / len(outcomes)


def report(site: Path) -> dict[str, list[Outcome]]:
    """Serve a built site, run every language's queries in Chromium and return the outcomes."""
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        outcomes = {language: run_queries(browser, url, language, queries[language]) for language in LANGUAGES}
        browser.close()
    return outcomes


def main() -> None:
    """Print each query's top three and each language's score."""
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for language, outcomes in report(site).items():
        print(f"\n{language}: {score(outcomes):.0%} of {len(outcomes)} queries find an expected page in the top 3")
        for outcome in outcomes:
            mark = "ok  " if outcome.found else "MISS"
            print(f"  {mark} {outcome.query!r:32} → {', '.join(p or '(front page)' for p in outcome.top3) or '(nothing)'}")
            if not outcome.found:
                print(f"       expected one of: {', '.join(outcome.expected)}")


if __name__ == "__main__":
    main()
