"""Privacy in a real browser: a crawl of every page sees no request elsewhere, no cookie, no storage, no CSP breach."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from seniorsite.page.security_policy import add_security_policy, policy_for
from tests.helpers import BuildResult, serve, site_pages

pytestmark = pytest.mark.browser
TABS = 4
RECORD_CSP = """document.addEventListener('securitypolicyviolation', e => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
});"""
STORAGE = """async () => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  indexeddb: (await indexedDB.databases()).map(db => db.name),
})"""


@dataclass
class Crawl:
    """What a crawl of some pages saw."""

    foreign: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    storage: list[str] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    pages: int = 0


def crawl(browser: object, base: str, paths: list[str]) -> Crawl:
    """Visit pages as a reader would; stop (abort) and record any request that leaves 127.0.0.1."""
    seen = Crawl()
    context = browser.new_context()
    context.add_init_script(RECORD_CSP)

    def guard(route: object) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            seen.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tabs = [context.new_page() for _ in range(TABS)]
    # A few tabs load side by side, so that their waits for an idle network overlap.
    for first in range(0, len(paths), TABS):
        batch = list(zip(tabs, paths[first:first + TABS], strict=False))
        for page, path in batch:
            page.goto(base + path, wait_until="commit")
        for page, path in batch:
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(200)
            seen.violations += [f"{path}: {v}" for v in page.evaluate("window.__cspViolations || []")]
            stored = page.evaluate(STORAGE)
            seen.storage += [f"{path}: {kind} {key}" for kind, keys in stored.items() for key in keys]
            seen.pages += 1
    seen.cookies = context.cookies()
    context.close()
    return seen


@pytest.fixture(scope="module")
def site_crawl(browser: object, site_url: str) -> Crawl:
    """Crawl every page of the site, both languages, 404 pages included."""
    return crawl(browser, site_url, site_pages())


def test_no_request_leaves_the_site(site_crawl: Crawl) -> None:
    """Every request of every page goes to 127.0.0.1, where the site is served."""
    assert site_crawl.pages == len(site_pages()) >= 10
    assert site_crawl.foreign == []


def test_nothing_is_stored_on_the_readers_device(site_crawl: Crawl) -> None:
    """No cookie, and nothing in localStorage, sessionStorage or IndexedDB, after visiting every page."""
    assert site_crawl.cookies == []
    assert site_crawl.storage == []


def test_the_security_policy_is_never_breached(site_crawl: Crawl) -> None:
    """The browser reports no Content-Security-Policy violation on any page."""
    assert site_crawl.violations == []


def test_only_a_choice_the_reader_makes_is_stored(browser: object, site_url: str) -> None:
    """Opening a question and searching store nothing; the theme keeps nothing without being asked."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "faq/", wait_until="networkidle")
    page.locator("details#bytte-seniordage > summary").click()
    page.locator("input.md-search__input").press_sequentially("frist", delay=20)
    page.wait_for_timeout(500)
    stored = page.evaluate(STORAGE)
    context.close()
    assert stored == {"local": [], "session": [], "indexeddb": []}


def test_every_page_carries_a_strict_policy(built_site: BuildResult) -> None:
    """Each page has a CSP meta tag first in its head: self only, no unsafe-eval, no unsafe-inline scripts."""
    for path in site_pages():
        file = built_site.site / (path if path.endswith(".html") else path + "index.html")
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        policy = meta["content"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-eval" not in policy and "unsafe-inline" not in policy
        first_script = soup.head.find("script")
        assert first_script is None or meta.sourceline < first_script.sourceline


def test_the_crawl_catches_a_page_that_reaches_out(browser: object, built_site: BuildResult, tmp_path: Path) -> None:
    """A page with a web font, a tracker image and a cookie is caught on each count."""
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)
    page = site / "om" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</body>", '<img src="https://tracker.example/pixel.gif" alt=""></body>')
    page.write_text(html, encoding="utf-8")
    leaky = site / "leaky.html"
    leaky.write_text(
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>x</title>'
        '<link rel="stylesheet" href="https://fonts.example/css"></head>'
        '<body><script src="leaky.js"></script></body></html>', encoding="utf-8")
    (site / "leaky.js").write_text("document.cookie = 'id=1; path=/'; localStorage.setItem('seen', '1');", encoding="utf-8")
    with serve(site) as base:
        seen = crawl(browser, base, ["om/", "leaky.html"])
    assert any("tracker.example" in v for v in seen.violations), "the site's policy blocks the image"
    assert any("fonts.example" in url for url in seen.foreign), "a page without the policy is caught by the crawl"
    assert [cookie["name"] for cookie in seen.cookies] == ["id"]
    assert "leaky.html: local seen" in seen.storage


def test_inline_scripts_are_allowed_by_hash_only() -> None:
    """The policy lists each inline script's hash; a changed script no longer matches."""
    page = '<html><head><meta charset="utf-8"></head><body><script>var a = 1;</script><script type="application/ld+json">{}</script></body></html>'
    policy = policy_for(page)
    assert policy.count("'sha256-") == 1
    assert policy != policy_for(page.replace("var a = 1;", "var a = 2;"))
    assert add_security_policy(page).startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
