"""Which texts become Word and OpenDocument files, and each text's HTML cut out of its rendered page and shaped as a document."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from seniorsite.page.qr_code import qr_png
from seniorsite.strings import Translate

COPY_TEXT = "copy-text"  # the ready-to-use text in a section's frame; its bold lines become headings
SECTION = "section"  # a whole section under its heading
CHECKLISTS = "checklists"  # the same section of several pages, each under its page's title
CHECKLIST = "checklist"  # one chapter's checklist alone, titled with its heading and the chapter's title
POSTER = "poster"  # the poster's block
SHELL = "shell"  # an empty document in the site's styles, titled, that a form's script fills with what the reader typed
SHELL_MARKER = "SV-DOCUMENT-BODY"  # the one paragraph document-file.js replaces with the reader's text
PAGE = "page"  # a whole page: its content after its title
HANDOUTS = "handouts"  # a page's handouts block, each handout under its heading, the page's title on top
HANDOUTS_CLASS = "sv-handouts"
CHECKBOX = "☐ "  # each checklist item starts with a box to tick on paper


@dataclass(frozen=True)
class WordText:
    """One text offered as a Word and an OpenDocument file: its key, the pages it comes from, its section and how it is cut out."""

    key: str
    pages: tuple[str, ...]
    section: str
    shape: str

    def file_stem(self, language: str) -> str:
        """Return the files' name without suffix, naming the text and the language."""
        return f"seniorvaerktoejer-{self.key}-{language}"


COMMUNICATION = "kommunikation/index.md"
TEMPLATE = "samtaleskabelon/index.md"
POSTER_PAGE = "kommunikation/plakat.md"
HANDBOOK_FOLDER = "arbejdshaandbog/"
WORKSHOP = "arbejdshaandbog/workshop.md"
WORKSHOP_HANDOUTS = "arbejdshaandbog/workshop-materialer.md"
# Every text a reader can take home to edit, in the order the site shows them. The checklists' pages are the handbook's, in nav order.
WORD_TEXTS = (
    *(WordText(key, (COMMUNICATION,), key, COPY_TEXT) for key in ("intranet", "direktion", "invitation", "personalemoede", "medarbejder-faq", "hovedmed")),
    WordText("forberedelse-leder", (TEMPLATE,), "forberedelse-leder", SECTION),
    WordText("forberedelse-medarbejder", (TEMPLATE,), "forberedelse-medarbejder", SECTION),
    WordText("plakat", (POSTER_PAGE,), "plakaten", POSTER),
    WordText("tjeklister", (), "tjekliste", CHECKLISTS),
    WordText("samtalereferat", ("samtaleskabelon/formular.md",), "", SHELL),
    WordText("seniorpolitik", ("arbejdshaandbog/seniorpolitik.md",), "", SHELL),
    WordText("workshop", (WORKSHOP,), "", PAGE),
    WordText("workshop-invitation", (WORKSHOP_HANDOUTS,), "invitation-til-moedet", COPY_TEXT),
    WordText("workshop-materialer", (WORKSHOP_HANDOUTS,), "", HANDOUTS),
)


@dataclass(frozen=True)
class RenderedPage:
    """A page as the build rendered it: its title, its address on the site and its content's HTML."""

    title: str
    url: str
    html: str


def checklist_key(source: str) -> str:
    """Return the key of one handbook chapter's checklist: 'tjekliste-roller', the handbook's first page 'tjekliste-arbejdshaandbog'."""
    name = source.removeprefix(HANDBOOK_FOLDER).removesuffix(".md").replace("/", "-")
    return f"tjekliste-{HANDBOOK_FOLDER.rstrip('/') if name == 'index' else name}"


def texts_with_pages(nav_order: Sequence[str]) -> tuple[WordText, ...]:
    """Return the texts with the checklists' pages filled in from the nav: every handbook page, in order, and each page's own checklist."""
    handbook = tuple(source for source in nav_order if source.startswith(HANDBOOK_FOLDER))
    texts = []
    for text in WORD_TEXTS:
        if text.shape != CHECKLISTS:
            texts.append(text)
            continue
        texts.append(WordText(text.key, handbook, text.section, text.shape))
        texts += [WordText(checklist_key(source), (source,), text.section, CHECKLIST) for source in handbook]  # a page without one is left out
    return tuple(texts)


def _checkboxes(parts: list[Tag]) -> str:
    """Return a checklist's items as paragraphs, each starting with a box to tick on paper, not a bullet."""
    items = [item for part in parts if part.name in ("ul", "ol") for item in part.find_all("li", recursive=False)]
    return "".join(f"<p>{CHECKBOX}{item.decode_contents()}</p>" for item in items)


def _cleaned(tag: Tag, page_url: str) -> Tag:
    """Remove what belongs to the screen (copy buttons, permalinks, glossary links) and make links absolute."""
    for screen_only in tag.select(".sv-copy, a.headerlink, .sv-poster-controls, .sv-download"):
        screen_only.decompose()
    for wrapper in tag.select("a.sv-term, abbr"):
        wrapper.unwrap()
    for link in tag.select("a[href]"):
        link["href"] = urljoin(page_url, link["href"])
    return tag


def _with_qr_images(block: Tag, soup: BeautifulSoup) -> None:
    """Replace each QR code drawn as SVG with the same code as a PNG image, which every word processor shows."""
    for figure in block.select("figure.sv-poster__qr"):
        link = figure.find("a", href=True)
        svg = figure.find("svg")
        if link is None or svg is None:
            continue
        image = soup.new_tag("img", src="data:image/png;base64," + base64.b64encode(qr_png(link["href"])).decode("ascii"),
                             alt=svg.get("aria-label", ""), width="4cm", height="4cm")  # pandoc reads its size from these
        svg.replace_with(image)


def _section_parts(soup: BeautifulSoup, section: str) -> tuple[str, list[Tag]] | None:
    """Return a section's heading text and the elements under it, up to the next heading of its level; None when it is not there."""
    heading = soup.find(id=section)
    if not isinstance(heading, Tag) or heading.name not in ("h2", "h3"):
        return None
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", heading.name) or (heading.name == "h3" and sibling.name == "h2"):
            break
        parts.append(sibling)
    return heading.get_text(" ", strip=True).removesuffix("¶").strip(), parts


def _bold_only(paragraph: Tag) -> bool:
    """True for a paragraph that is one bold phrase: a text's own headline or one of its sub-headings."""
    children = [child for child in paragraph.contents if not (isinstance(child, str) and not child.strip())]
    return paragraph.name == "p" and len(children) == 1 and isinstance(children[0], Tag) and children[0].name == "strong"


def _copy_text(parts: list[Tag], soup: BeautifulSoup) -> str | None:
    """Return the ready-to-use text of a section, its first bold line as the title and the others as sub-headings."""
    frame = next((part for part in parts if "copy-text" in (part.get("class") or [])), None)
    if frame is None:
        return None
    first = True
    for paragraph in frame.find_all("p", recursive=False):
        if _bold_only(paragraph):
            paragraph.name = "h1" if first else "h2"
            paragraph.strong.unwrap()
            first = False
    return "".join(str(child) for child in frame.contents)


def _heading(soup: BeautifulSoup, level: str, text: str) -> str:
    """Return a heading element with the given text, escaped."""
    tag = soup.new_tag(level)
    tag.string = text
    return str(tag)


def shell_html(text: WordText, pages: Mapping[str, RenderedPage], t: Translate) -> tuple[str, str] | None:
    """Return a form's shell document: its title (interface strings, word.shell.<key>) and the one marker paragraph; None without its page."""
    if any(source not in pages for source in text.pages):
        return None
    title = t(f"word.shell.{text.key}")
    return title, _heading(BeautifulSoup("", "html.parser"), "h1", title) + f"<p>{SHELL_MARKER}</p>"


def _titled_block(soup: BeautifulSoup, shape: str, fallback: str) -> tuple[str, str] | None:
    """Return a page's title and, under it as the first heading, its content after the title (PAGE) or its handouts block (HANDOUTS)."""
    heading = soup.find("h1")
    title = heading.get_text(" ", strip=True).removesuffix("¶").strip() if isinstance(heading, Tag) else fallback
    if shape == HANDOUTS:
        block = soup.find(class_=HANDOUTS_CLASS)
        if not isinstance(block, Tag):
            return None
        parts = list(block.children)
    else:
        if not isinstance(heading, Tag):
            return None
        parts = list(heading.find_next_siblings())
    for box_title in (found for part in parts if isinstance(part, Tag) for found in part.select("p.admonition-title")):
        bold = soup.new_tag("strong")  # a box's title ("Kort fortalt") stays bold in the file
        bold.extend(list(box_title.contents))
        box_title.append(bold)
        del box_title["class"]
    return title, _heading(soup, "h1", title) + "".join(str(part) for part in parts)


def text_html(text: WordText, pages: Mapping[str, RenderedPage], site_url: str, t: Translate) -> tuple[str, str] | None:
    """Return a text's title and its HTML as a document, cut out of its rendered pages; None when its page or section is missing."""
    if text.shape == SHELL:
        return shell_html(text, pages, t)
    checklists_title = t("word.checklists_title")
    chunks: list[str] = []
    title = ""
    for source in text.pages:
        page = pages.get(source)
        if page is None:
            return None
        soup = BeautifulSoup(page.html, "html.parser")
        _cleaned(soup, urljoin(site_url, page.url))
        if text.shape == POSTER:
            block = soup.select_one(".sv-poster")
            if block is None:
                return None
            _with_qr_images(block, soup)
            heading = block.find(["h1", "h2", "h3"])
            title = heading.get_text(" ", strip=True).removesuffix("¶").strip() if heading else page.title
            if heading:
                heading.name = "h1"
            return title, "".join(str(child) for child in block.contents)
        if text.shape in (PAGE, HANDOUTS):
            return _titled_block(soup, text.shape, page.title)
        found = _section_parts(soup, text.section)
        if found is None:
            if text.shape == CHECKLISTS:
                continue  # a handbook page without a checklist adds nothing
            if text.shape == CHECKLIST:
                return None  # nor has it a file of its own
            return None
        heading, parts = found
        if text.shape == COPY_TEXT:
            body = _copy_text(parts, soup)
            if body is None:
                return None
            title = heading
            chunks.append(body)
        elif text.shape == SECTION:
            title = heading
            chunks.append(_heading(soup, "h1", heading) + "".join(str(part) for part in parts))
        elif text.shape == CHECKLIST:
            title = f"{heading}: {page.title}"
            chunks.append(_heading(soup, "h1", title) + _checkboxes(parts))
        else:
            chunks.append(_heading(soup, "h2", page.title) + _checkboxes(parts))
    if text.shape == CHECKLISTS:
        if not chunks:
            return None
        return checklists_title, _heading(BeautifulSoup("", "html.parser"), "h1", checklists_title) + "".join(chunks)
    return (title, "".join(chunks)) if chunks else None
