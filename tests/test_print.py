"""Every page prints cleanly: content only, black on white, addresses written out, no bad breaks."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
CHAPTERS = {"da": "arbejdshaandbog/rammeaftalen/", "en": "en/arbejdshaandbog/rammeaftalen/"}
CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-skip")
AFTER = "el => getComputedStyle(el, '::after').content"


@pytest.fixture(scope="module")
def paper(browser: object) -> Iterator[object]:
    """An A4-wide page in print media, reused across the tests."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("language", ["da", "en"])
def test_print_shows_the_article_without_navigation_or_buttons(paper: object, site_url: str, language: str) -> None:
    """The header, both sidebars, the footer, the skip link and every button are gone; the article fills the width."""
    paper.goto(site_url + CHAPTERS[language], wait_until="networkidle")
    for hidden in CHROME:
        expect(paper.locator(hidden)).to_be_hidden()
    buttons = paper.locator("button")
    assert buttons.count() > 0
    assert [b.evaluate("el => el.outerHTML.slice(0, 80)") for b in buttons.all() if b.is_visible()] == []
    article = paper.locator("article")
    expect(article).to_be_visible()
    assert article.bounding_box()["width"] >= 794 * 0.95


@pytest.mark.parametrize("language", ["da", "en"])
def test_print_writes_out_external_addresses_only(paper: object, site_url: str, language: str) -> None:
    """An external link is followed by its address; an internal one by nothing."""
    paper.goto(site_url + CHAPTERS[language], wait_until="networkidle")
    external = paper.locator("article a[href^='https://www.borger.dk']").first
    assert "https://www.borger.dk/" in external.evaluate(AFTER)
    internal = paper.locator("article a[href^='../']").first
    assert internal.evaluate(AFTER) in ("none", "normal")


@pytest.mark.parametrize("language", ["da", "en"])
def test_print_writes_no_address_twice_and_e_mail_without_mailto(paper: object, site_url: str, language: str) -> None:
    """A link whose text is its address adds nothing; an e-mail link named otherwise shows the bare address."""
    paper.goto(site_url + ("om/" if language == "da" else "en/om/"), wait_until="networkidle")
    mail = paper.locator("article a[href^='mailto:']").first
    assert mail.inner_text().strip() in mail.get_attribute("href")
    assert mail.evaluate(AFTER) in ("none", "normal")
    named = paper.evaluate(
        """() => { const a = document.createElement('a'); a.href = 'mailto:navi@kl.dk'; a.textContent = 'Anne';
                   a.setAttribute('data-sv-address', 'navi@kl.dk'); document.querySelector('article p').append(a);
                   return getComputedStyle(a, '::after').content; }"""
    )
    assert named == '" (" "navi@kl.dk" ")"' or "navi@kl.dk" in named and "mailto" not in named


def test_print_keeps_rows_checklist_items_and_headings_together(paper: object, site_url: str) -> None:
    """A table row and a checklist item never split; a heading is never left alone at the foot of a page."""
    paper.goto(site_url + CHAPTERS["da"], wait_until="networkidle")
    assert paper.locator("article tr").first.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    assert paper.locator("article h2").first.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"
    assert paper.locator("article .admonition-title").first.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"
    task = paper.evaluate(
        """() => { const ul = document.createElement('ul'); ul.className = 'task-list';
                   ul.innerHTML = '<li class="task-list-item"><label class="task-list-control">'
                     + '<input type="checkbox" disabled><span class="task-list-indicator"></span></label> Tjek</li>';
                   document.querySelector('article').append(ul);
                   return getComputedStyle(ul.firstElementChild).breakInside; }"""
    )
    assert task == "avoid"


def test_print_is_black_on_white_in_the_dark_scheme(browser: object, site_url: str) -> None:
    """A reader in the dark scheme still prints black text on white paper, links underlined."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(site_url + CHAPTERS["en"], wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate(
        """() => { const s = el => getComputedStyle(el); const p = document.querySelector('article p');
                   return [s(p).color, s(document.body).backgroundColor, s(document.querySelector('article h2')).color,
                           s(document.querySelector('article p a')).textDecorationLine]; }"""
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)", "underline"]
    context.close()


def test_printing_opens_every_answer_and_closes_them_again(browser: object, site_url: str) -> None:
    """The print event opens every <details>; afterwards only those the reader had opened stay open."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "faq/", wait_until="networkidle")
    details = page.locator("details")
    assert details.count() >= 2
    page.locator("details summary").first.click()
    expect(details.first).to_have_attribute("open", "")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)") == [True] + [False] * (details.count() - 1)
    context.close()


def test_a_printed_pdf_holds_the_article_and_not_the_navigation(browser: object, site_url: str) -> None:
    """Chromium's own PDF of a chapter holds its heading, the FAQ's answers, and none of the navigation's labels."""
    pypdf = pytest.importorskip("pypdf")
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + CHAPTERS["da"], wait_until="networkidle")
    nav_labels = [t.strip() for t in page.locator(".md-sidebar--primary .md-nav__link").all_inner_texts() if t.strip()]
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    heading = page.locator("article h1").inner_text().strip().rstrip("¶")
    assert heading in text and "(https://www.borger.dk/)" in text
    assert "Arrangementer" in nav_labels and "Arrangementer" not in text
    assert "Ordliste" in nav_labels and "Ordliste" not in text
    page.goto(site_url + "faq/", wait_until="networkidle")
    answer = page.locator("details p").first.text_content().split(".")[0]
    faq_text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert " ".join(answer.split()) in " ".join(faq_text.split())
    context.close()


def test_links_are_marked_for_print_where_the_text_is_the_address_or_an_e_mail() -> None:
    """The build marks a link whose text is its address, and gives an e-mail link its bare address."""
    from seniorsite.page.page_parts import mark_printed_addresses

    html = ('<a href="mailto:a@kl.dk">a@kl.dk</a> <a href="mailto:a@kl.dk?subject=x">Anne</a> '
            '<a class="x" href="https://vpt.dk/"><code>vpt.dk</code></a> <a href="https://vpt.dk/">Viden</a> <a href="../x/">x</a>')
    assert mark_printed_addresses(html) == (
        '<a data-sv-bare href="mailto:a@kl.dk">a@kl.dk</a> <a data-sv-address="a@kl.dk" href="mailto:a@kl.dk?subject=x">Anne</a> '
        '<a data-sv-bare class="x" href="https://vpt.dk/"><code>vpt.dk</code></a> <a href="https://vpt.dk/">Viden</a> <a href="../x/">x</a>'
    )
