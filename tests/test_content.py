"""The four tools and the pages around them, as a reader finds them in the built site."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from seniorsite.data.catalogue import CATALOGUE_FOLDER, OVERVIEW_PAGES
from seniorsite.data.headings import heading_mismatch
from seniorsite.data.site_data import load_site_data
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.page.page_parts import slugify
from tests.helpers import PROJECT, BuildResult, site_pages, soup_of

SITE_URL = "https://seniorpartnerskabet.github.io/seniorvaerktoejer/"
DATA = load_site_data(PROJECT)
CHAPTERS = ["arbejdshaandbog/", "arbejdshaandbog/hvorfor-nu/", "arbejdshaandbog/roller/", "arbejdshaandbog/fra-politik-til-praksis/", "arbejdshaandbog/rammeaftalen/", "arbejdshaandbog/regler/", "arbejdshaandbog/opfoelgning/"]
TOOLS = ["arbejdshaandbog/", "samtaleskabelon/", "inspiration/", "kommunikation/"]
SUMMARY = {"da": "Kort fortalt", "en": "In brief"}
CHECKLIST = {"da": "Tjekliste", "en": "Checklist"}
COPIED = {"da": "Kopieret", "en": "Copied"}
HEADING_TAGS = [f"h{level}" for level in range(1, 7)]
PLACEHOLDERS = ("lorem", "todo", "kommer snart", "coming soon", "fixme")



PAGE_FOOT = "article .sv-feedback, article .md-source-file, article .sv-page-owner, article .sv-editors"


def article(site: Path, language: str, path: str) -> BeautifulSoup:
    """Return the article of one page in one language: its content, without the page's foot (feedback, date, owner, editors)."""
    soup = soup_of(site, language_prefix(language) + path)
    for foot in soup.select(PAGE_FOOT):
        foot.decompose()
    return soup.select_one("article")


def heading_text(tag: object) -> str:
    """Return a heading's text without its permalink sign."""
    return tag.get_text(" ", strip=True).removesuffix("¶").strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_handbook_chapter_opens_with_a_summary_and_ends_with_a_checklist(built_site: BuildResult, language: str, chapter: str) -> None:
    """Seven chapters; the first block is the summary box, the last section is the checklist with items."""
    body = article(built_site.site, language, chapter)
    blocks = body.find_all(["p", "div", "h2", "ul", "ol"], recursive=False)
    first_block = next(block for block in blocks if "sv-download" not in block.get("class", []))  # the PDF link comes first
    assert "admonition" in first_block.get("class", []) and SUMMARY[language] in first_block.get_text()
    last_section = body.find_all("h2")[-1]
    assert heading_text(last_section) == CHECKLIST[language]
    assert len(last_section.find_next_sibling("ul").find_all("li")) >= 4


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_conversation_template_shows_every_question_from_the_data(built_site: BuildResult, language: str) -> None:
    """Preparation for each role, every theme under its heading, and agreements: every question, in order."""
    body = article(built_site.site, language, "samtaleskabelon/")
    text = " ".join(body.get_text().split())  # no separator: a tooltip's <abbr> sits inside a sentence
    questions = DATA.conversation.all_questions()
    positions = [text.find(" ".join(q.text[language].split())) for q in questions]
    assert -1 not in positions and positions == sorted(positions)
    items = [" ".join(li.get_text().split()) for li in body.select("ol > li")]
    for question in questions:  # each question is an item of its own, never run into the one before
        wording = " ".join(question.text[language].split())
        assert sum(item.startswith(wording) for item in items) == 1, wording
    theme_headings = [heading_text(h) for h in body.find_all("h3")]
    assert theme_headings == [theme.title[language] for theme in DATA.conversation.themes]
    private = [theme for theme in DATA.conversation.themes if theme.private]
    assert private, "the retirement theme is marked private in the data"
    for theme in private:
        notice = body.find("h3", id=theme.id).find_next_sibling("div")
        assert "admonition" in notice["class"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_lists_every_example_as_a_card(built_site: BuildResult, language: str) -> None:
    """At least 16 examples; each is a card linking to its page, with the filter hidden until script runs."""
    body = article(built_site.site, language, "inspiration/")
    cards = body.select("li.sv-card")
    assert len(cards) == len(DATA.catalogue.entries) >= 16
    assert body.select_one("form.sv-filter").has_attr("hidden")
    for card, entry in zip(cards, DATA.catalogue.entries, strict=True):
        assert card.a.get_text(strip=True) == entry.title[language]
        assert card["data-solution"] == entry.facets["solution"][0]
        target = built_site.site / language_prefix(language) / CATALOGUE_FOLDER / card.a["href"] / "index.html"
        assert target.resolve().is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_example_shows_its_facts_linked_to_the_tag_page(built_site: BuildResult, language: str) -> None:
    """Every example page carries its facts under the title; each tag it names lists it back."""
    tags = article(built_site.site, language, "inspiration/emner/")
    for entry in DATA.catalogue.entries:
        facts = article(built_site.site, language, f"inspiration/{entry.slug}/").select_one("dl.sv-facts")
        assert len(facts.find_all("dt")) == 5
        for link in facts.find_all("a"):
            anchor = link["href"].split("#")[1]
            section = tags.find("h3", id=anchor)
            listed = section.find_next_sibling("ul")
            assert entry.title[language] in listed.get_text(), (entry.slug, anchor)


def test_the_catalogue_has_the_same_examples_in_both_languages() -> None:
    """Every example exists in both languages (the build refuses a difference in facets)."""
    folder = PROJECT / "docs" / CATALOGUE_FOLDER
    danish = {p.name.split(".")[0] for p in folder.glob("*.md") if p.name.count(".") == 1}
    english = {p.name.split(".")[0] for p in folder.glob("*.en.md")}
    assert danish == english
    assert {entry.slug for entry in DATA.catalogue.entries} == danish - set(OVERVIEW_PAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_communication_kit_offers_at_least_six_texts_to_copy(built_site: BuildResult, language: str) -> None:
    """Each ready-to-use text has a copy button (shown by script) and a status for screen readers."""
    body = article(built_site.site, language, "kommunikation/")
    blocks = body.select("div.copy-text")
    assert len(blocks) >= 6
    for block in blocks:
        holder = block.find_previous_sibling()
        assert "sv-copy" in holder["class"] and holder.button and holder.select_one("[role=status]")
        assert holder.button["data-done"] == COPIED[language]
    guide_links = {a["href"] for a in body.select("table a")}
    assert {"#" + block.find_previous("h2")["id"] for block in blocks} <= guide_links


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_tool_is_one_click_from_the_front_page(built_site: BuildResult, language: str) -> None:
    """Below the tasks, the front page's list of the four tools links to each, for readers who know them."""
    tools = article(built_site.site, language, "").select_one("h2#vaerktoejer").find_next("ul")
    assert [link["href"] for link in tools.select("a:not(.sv-term)")] == TOOLS


@pytest.mark.parametrize("path", [p for p in site_pages() if not p.endswith("404.html")])
def test_every_page_footer_links_the_statement_privacy_contact_and_guide(built_site: BuildResult, path: str) -> None:
    """The footer names the accessibility statement, the privacy page, the contact and the editors' guide, in the page's language."""
    site = built_site.site
    links = soup_of(site, path).select(".sv-footer-links a")
    assert len(links) == 4
    language = "en" if path.startswith("en/") else "da"
    targets = [(site / path / link["href"].split("#")[0]).resolve() for link in links]
    assert targets == [(site / language_prefix(language) / name).resolve() for name in ("tilgaengelighed", "privatliv", "om", "bidrag")]
    assert "Made with" not in soup_of(site, path).select_one("footer").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_lists_every_term_and_terms_link_to_their_entry(built_site: BuildResult, language: str) -> None:
    """The glossary page shows every term; on other pages a term's first mention links to its entry, the explanation its description."""
    glossary = article(built_site.site, language, "ordliste/")
    assert [dt["id"] for dt in glossary.select("dl.sv-glossary dt")] == [t.id for t in DATA.glossary.sorted_for(language)]
    assert not glossary.select("a.sv-term") and not glossary.find_all("abbr")
    assert "mouse" not in glossary.get_text() and "musen" not in glossary.get_text()
    roles = article(built_site.site, language, "arbejdshaandbog/roller/")
    links = {a.get_text(): a for a in roles.select("a.sv-term")}
    assert len(links) == len(roles.select("a.sv-term"))  # each term linked once per page
    for term in DATA.glossary.terms:
        if term.term[language] in ("TR", "AMR", "HovedMED"):
            link = links[term.term[language]]
            assert link["title"] == term.explanation[language] and link["href"] == f"../../ordliste/#{term.id}"


@pytest.mark.parametrize("path", [p for p in site_pages() if not p.endswith("404.html")])
def test_a_term_never_links_from_inside_a_heading_or_a_link(built_site: BuildResult, path: str) -> None:
    """A glossary term inside a heading or a link stays plain text, and no page keeps a mouse-only tooltip."""
    soup = soup_of(built_site.site, path)
    assert not soup.select("h1 a.sv-term, h2 a.sv-term, h3 a.sv-term, h4 a.sv-term, a a.sv-term")
    assert not soup.select("article abbr[title]")


@pytest.mark.parametrize("path", [p for p in site_pages() if not p.endswith("404.html")])
def test_every_page_carries_a_link_preview(built_site: BuildResult, path: str) -> None:
    """Open Graph and Twitter card tags: title, description, language and alternate, address, image."""
    soup = soup_of(built_site.site, path)
    og = {tag["property"]: tag["content"] for tag in soup.find_all("meta", property=True)}
    twitter = {tag["name"]: tag["content"] for tag in soup.find_all("meta", attrs={"name": lambda n: n and n.startswith("twitter:")})}
    language = "en" if path.startswith("en/") else "da"
    assert og["og:title"].strip() and og["og:description"] == soup.find("meta", attrs={"name": "description"})["content"]
    assert og["og:url"] == SITE_URL + path
    assert og["og:locale"] == {"da": "da_DK", "en": "en_GB"}[language]
    assert og["og:locale:alternate"] == {"da": "en_GB", "en": "da_DK"}[language]
    assert og["og:image"] == twitter["twitter:image"] == f"{SITE_URL}assets/images/share-{language}.png"
    assert twitter["twitter:card"] == "summary_large_image"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_share_images_are_1200_by_630_png(built_site: BuildResult, language: str) -> None:
    """Each language's share image is built into the site as a 1200×630 PNG."""
    data = (built_site.site / "assets" / "images" / f"share-{language}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_heading_ids_transliterate_danish_letters() -> None:
    """æ, ø and å become ae, oe and aa, so a reader can type the anchor."""
    assert slugify("De fire værktøjer") == "de-fire-vaerktoejer"
    assert slugify("Åbent for Ændringer, Øvelse!") == "aabent-for-aendringer-oevelse"


def test_every_built_heading_id_is_plain_ascii(built_site: BuildResult) -> None:
    """No heading anywhere has an id with a letter a reader cannot type, and explicit ids are kept."""
    for file in built_site.site.rglob("*.html"):
        for heading in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("article h2[id], article h3[id]"):
            assert heading["id"].isascii(), (file, heading["id"])
    assert soup_of(built_site.site, "faq/").find(id="tilpasse-vaerktoejerne") is not None


@pytest.mark.parametrize("path", [p for p in site_pages() if p.startswith("en/") and not p.endswith("404.html")])
def test_twins_have_the_same_headings_at_each_level(built_site: BuildResult, path: str) -> None:
    """A Danish page and its English twin have the same headings, level by level in order (as `make translations` checks the sources)."""
    english = article(built_site.site, "en", path.removeprefix("en/"))
    danish = article(built_site.site, "da", path.removeprefix("en/"))
    levels = [[int(heading.name[1]) for heading in page.find_all(HEADING_TAGS)] for page in (danish, english)]
    assert heading_mismatch(*levels) == "", path


def test_no_placeholder_text_anywhere_in_the_built_site(built_site: BuildResult) -> None:
    """No lorem, TODO, 'kommer snart' or 'coming soon' in any page a reader can open."""
    for file in built_site.site.rglob("*.html"):
        text = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").get_text(" ").lower()
        for word in PLACEHOLDERS:
            assert f" {word} " not in f" {' '.join(text.split())} ", (file, word)
