"""WCAG 2.2 AA in a real browser: axe-core on every page in both languages and widths, and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import serve, site_pages

pytestmark = pytest.mark.browser
AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}
WIDTHS = {"desktop": 1280, "phone": 390}


def violations(page: object) -> list[str]:
    """Run axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the loaded page; describe each violation."""
    result = AXE.run(page, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for v in result.response["violations"] for node in v["nodes"]
    ]


# Every page in the light scheme at both widths, and in the dark scheme on the desktop, where the sidebars show too
# (the dark scheme at phone width is checked on every kind of page, in tests/test_tools_browser.py).
VIEWS = [("desktop", "light"), ("phone", "light"), ("desktop", "dark")]


@pytest.fixture(scope="module", params=VIEWS, ids="-".join)
def tab(request: pytest.FixtureRequest, browser: object) -> Iterator[object]:
    """One browser page per width and colour scheme, reused for every page of the site."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, color_scheme=scheme)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", site_pages())
def test_every_page_has_no_wcag_violation(tab: object, site_url: str, path: str) -> None:
    """axe-core finds nothing against WCAG 2.2 A and AA: on the desktop and at phone width, and on the desktop in the dark scheme."""
    # "load": the page's own scripts have run, and the scheme was set before the first paint (nothing fades after it);
    # axe needs no idle network (the search index loads later).
    tab.goto(site_url + path, wait_until="load")
    assert violations(tab) == []


def test_axe_catches_a_contrast_error(browser: object, tmp_path: Path) -> None:
    """The check above does fail a page with pale grey text on white."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="da"><head><title>Test</title></head>'
        '<body><main><h1>Test</h1><p style="color:#bbb;background:#fff">Svag tekst</p></main></body></html>',
        encoding="utf-8",
    )
    context = browser.new_context()
    page = context.new_page()
    with serve(tmp_path) as url:
        page.goto(url, wait_until="load")
        found = violations(page)
    context.close()
    assert any(line.startswith("color-contrast") for line in found)


@pytest.fixture
def keyboard_page(browser: object) -> Iterator[object]:
    """A desktop page for keyboard tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def active(page: object, script: str) -> object:
    """Evaluate a function of the focused element."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return ({script}); }})()")


def test_the_skip_link_moves_focus_to_the_content(keyboard_page: object, site_url: str) -> None:
    """The first Tab shows 'Gå til indholdet'; following it puts the next Tab inside the content."""
    page = keyboard_page
    page.goto(site_url + "faq/", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert active(page, "el.textContent.trim()") == "Gå til indholdet"
    assert active(page, "el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert active(page, "el.closest('.md-content') !== null")


@pytest.mark.parametrize("path", ["", "en/faq/"])
def test_focus_is_always_visible(keyboard_page: object, site_url: str, path: str) -> None:
    """Every element reached by Tab shows a focus outline and is on screen."""
    page = keyboard_page
    page.goto(site_url + path, wait_until="networkidle")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = active(page, """{
            name: el.tagName + ' ' + (el.getAttribute('href') || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)),
            outline: getComputedStyle(el).outlineStyle !== 'none' && parseFloat(getComputedStyle(el).outlineWidth) > 0,
            shadow: getComputedStyle(el).boxShadow !== 'none',
            visible: (() => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })(),
            body: el === document.body,
        }""")
        if state["body"]:
            break
        seen.append(state)
        assert state["visible"] and (state["outline"] or state["shadow"]), state["name"]
    assert len(seen) >= 15


def tab_to(page: object, condition: str, limit: int = 80) -> None:
    """Press Tab until the focused element meets a condition."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, condition):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def test_the_language_selector_works_by_keyboard(keyboard_page: object, site_url: str) -> None:
    """Tab to the header's 'English', Enter: the same page opens in English."""
    page = keyboard_page
    page.goto(site_url + "arrangementer/", wait_until="networkidle")
    tab_to(page, "el.matches('a.sv-language[hreflang=en]')")
    assert active(page, "el.textContent.trim() + ' ' + el.lang") == "English en"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "en/arrangementer/"


def test_search_works_by_keyboard(keyboard_page: object, site_url: str) -> None:
    """'/' opens search; typing, arrow down and Enter open a result in the same language."""
    page = keyboard_page
    page.goto(site_url + "en/", wait_until="networkidle")
    page.keyboard.press("/")
    assert active(page, "el.matches('input.md-search__input')")
    for _attempt in range(3):  # the index may still be loading in its worker
        page.keyboard.type("webinar", delay=20)
        try:
            page.locator(".md-search-result__list > li").first.wait_for(timeout=5_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's timeout; clear and type again
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
    page.keyboard.press("ArrowDown")
    assert active(page, "el.closest('.md-search-result__list') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(site_url + "en/")
    assert "webinar" in page.locator("article").inner_text().lower()
