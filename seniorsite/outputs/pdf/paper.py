"""Reshape one page's HTML for paper: no web interface, ids unique in the book, links that work in a PDF."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

# Everything that only works on a screen: anchors, copy and form controls, hidden filters, scripts.
SCREEN_ONLY_PARTS = ".headerlink, button, form, input, select, textarea, script, [hidden], .sv-copy, .md-clipboard, .md-content__button"
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")


def chapter_id(source: str) -> str:
    """Return a chapter's anchor in a book, from its language-neutral source path."""
    return source.removesuffix(".md").removesuffix("/index").replace("/", "-") or "index"


def _remove_screen_parts(soup: BeautifulSoup) -> None:
    """Drop the parts of a page that only work on a screen."""
    for element in soup.select(SCREEN_ONLY_PARTS):
        element.decompose()
    for element in soup.select("[tabindex]"):
        del element["tabindex"]


def _open_details(soup: BeautifulSoup) -> None:
    """Turn collapsible blocks into open ones, since paper cannot be clicked."""
    for details in soup.find_all("details"):
        details.name = "div"
        details["class"] = [*details.get("class", []), "details"]
        del details["open"]
    for summary in soup.find_all("summary"):
        summary.name = "p"
        summary["class"] = [*summary.get("class", []), "details-title"]


def _unique_ids(soup: BeautifulSoup, prefix: str) -> None:
    """Prefix every id (and what points at one) so that ids stay unique across the book."""
    for element in soup.find_all(id=True):
        element["id"] = f"{prefix}--{element['id']}"
    for name in ID_REFERENCES:
        for element in soup.find_all(attrs={name: True}):
            element[name] = " ".join(f"{prefix}--{value}" for value in str(element[name]).split())


def _book_link(href: str, page_address: str, site_url: str, targets: dict[str, str], prefix: str) -> str:
    """Return where a link leads in the PDF: a chapter of this book, or the address on the web."""
    if href.startswith("#"):
        return f"#{prefix}--{href[1:]}" if len(href) > 1 else f"#{prefix}"
    address = urljoin(page_address, href)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not address.startswith(site_url):
        return href
    path = parts.path.removeprefix(urlsplit(site_url).path)
    target = targets.get(path)
    if target is None:
        return address
    return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"


def _facts_as_table(soup: BeautifulSoup) -> None:
    """Write a catalogue example's facts (a description list on screen) as a two-column table."""
    for facts in soup.select("dl.sv-facts"):
        table = soup.new_tag("table", attrs={"class": "sv-facts"})
        body = soup.new_tag("tbody")
        table.append(body)
        for term in facts.find_all("dt"):
            row = soup.new_tag("tr")
            header = soup.new_tag("th", attrs={"scope": "row"})
            header.extend(list(term.contents))
            row.append(header)
            cell = soup.new_tag("td")
            value = term.find_next_sibling("dd")
            if isinstance(value, Tag):
                cell.extend(list(value.contents))
            row.append(cell)
            body.append(row)
        facts.replace_with(table)


def _shift_headings(soup: BeautifulSoup, levels: int) -> None:
    """Move every heading down by levels (h1 becomes h2), so a tool's chapters sit under its part title."""
    if levels:
        for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5"]):
            heading.name = f"h{min(int(heading.name[1]) + levels, 6)}"


def paper_html(html: str, source: str, url: str, site_url: str, targets: dict[str, str], heading_shift: int = 0) -> str:
    """Return a page's HTML as it goes into a book."""
    soup = BeautifulSoup(html, "html.parser")
    prefix = chapter_id(source)
    _remove_screen_parts(soup)
    _open_details(soup)
    _facts_as_table(soup)
    _unique_ids(soup, prefix)
    page_address = site_url + url
    for link in soup.find_all("a", href=True):
        link["href"] = _book_link(str(link["href"]), page_address, site_url, targets, prefix)
    for image in soup.find_all("img", src=True):
        image["src"] = urljoin(page_address, str(image["src"]))
    _shift_headings(soup, heading_shift)
    return str(soup)
