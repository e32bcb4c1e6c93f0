"""Small changes to a page's Markdown or HTML that the build makes on every page of a kind."""

from __future__ import annotations

import re
import unicodedata
from html import unescape

from markupsafe import escape

from seniorsite.strings import Translate

TITLE_LINE = re.compile(r"^# .*$", re.M)
ABBREVIATION = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')
# A glossary term as the abbr extension marks it, or the start or end of a heading or a link (a term never links from inside one).
# A page's lead: the first paragraph, when it comes right after the title.
LEAD_PARAGRAPH = re.compile(r"</h1>\s*(?P<lead><p>.*?</p>)", re.DOTALL)
TERM_OR_PLACE = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<term>[^<]*)</abbr>|<(?P<close>/?)(?P<tag>h[1-6]|a)\b[^>]*>')
COPY_BLOCK = re.compile(r'<div class="copy-text">')
# The theme writes autocomplete="off" on its hidden checkboxes, which HTML does not allow there.
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
# On a page outside the navigation the theme labels a table-of-contents toggle it never writes.
TOC_LABEL = ' for="__toc"'
TOC_TOGGLE = 'id="__toc"'
# A link to another site or an e-mail address, for the address that print writes after it (site.css).
OUTSIDE_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>(?:https?|mailto):[^"]*)"(?P<after>[^>]*)>(?P<text>.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(value: str, separator: str = "-") -> str:
    """Make a heading's id that readers can type: æ, ø, å become ae, oe, aa; other accents drop."""
    ascii_text = unicodedata.normalize("NFKD", value.translate(TRANSLITERATION)).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, words)


def insert_after_title(markdown: str, block: str) -> str:
    """Insert a block right after the page's `# title` line (or at the top when there is none)."""
    match = TITLE_LINE.search(markdown)
    if not match:
        return block + "\n\n" + markdown
    return markdown[: match.end()] + "\n\n" + block + "\n\n" + markdown[match.end():]


def add_copy_buttons(html: str, t: Translate) -> str:
    """Put a copy button, hidden until copy.js shows it, before every ready-to-use text."""
    button = (
        f'<p class="sv-copy" hidden><button type="button" class="md-button sv-copy__button" data-done="{escape(t("copy.done"))}" '
        f'data-failed="{escape(t("copy.failed"))}">{escape(t("copy.button"))}</button> '
        '<span class="sv-copy__status" role="status"></span></p>'
    )
    return COPY_BLOCK.sub(lambda match: button + match.group(0), html)


def valid_theme_markup(html: str) -> str:
    """Mend the theme's two HTML errors: autocomplete on checkboxes, a label for a missing toggle."""
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return html if TOC_TOGGLE in html else html.replace(TOC_LABEL, "")


def _lead_span(html: str) -> tuple[int, int]:
    """Return where the page's lead lies: the paragraph right under its title, or nothing (0, 0)."""
    match = LEAD_PARAGRAPH.search(html)
    return match.span("lead") if match else (0, 0)


def link_first_terms(html: str, entry_ids: dict[str, str], glossary_href: str | None) -> str:
    """Link the first time each glossary term appears on a page to its entry, its explanation as the link's description.

    Later ones, any in a heading or a link, and any in the lead (the paragraph right under the title, which a
    reader meets first and should read without marks) read as text; a term first met in the lead is linked at
    its next mention.
    """
    seen: set[str] = set()
    inside = {"heading": 0, "link": 0}
    lead_start, lead_end = _lead_span(html)

    def replace(match: re.Match[str]) -> str:
        """Return a heading or link tag as it is (counting how deep we are), a term as its link the first time, else the bare term."""
        if match.group("tag"):
            place = "link" if match.group("tag") == "a" else "heading"
            inside[place] += -1 if match.group("close") else 1
            return match.group(0)
        term = match.group("term")
        entry = entry_ids.get(unescape(term))
        in_lead = lead_start <= match.start() < lead_end
        if glossary_href is None or entry is None or term in seen or inside["heading"] > 0 or inside["link"] > 0 or in_lead:
            return term
        seen.add(term)
        return f'<a class="sv-term" href="{glossary_href}#{entry}" title="{match.group("title")}">{term}</a>'

    return TERM_OR_PLACE.sub(replace, html)


def _bare_address(address: str) -> str:
    """Return an address as a reader would type it: no scheme, no trailing slash, any case."""
    return re.sub(r"^(?:https?://|mailto:)", "", address.strip()).rstrip("/").lower()


def mark_printed_addresses(html: str) -> str:
    """Prepare the addresses print writes after a link: none where the text is the address, bare for e-mail.

    A link whose text already is its address gets `data-sv-bare`; an e-mail link gets its address without
    "mailto:" in `data-sv-address`. The print styles in site.css write out the rest.
    """

    def mark(match: re.Match[str]) -> str:
        """Return the link with the attribute print needs."""
        href = unescape(match["href"])
        address = href.removeprefix("mailto:").split("?")[0] if href.startswith("mailto:") else href
        text = unescape(TAG.sub("", match["text"]))
        if _bare_address(text) == _bare_address(address):
            extra = " data-sv-bare"
        elif href.startswith("mailto:"):
            extra = f' data-sv-address="{escape(address)}"'
        else:
            return match.group(0)
        return match.group(0).replace("<a ", f"<a{extra} ", 1)

    return OUTSIDE_LINK.sub(mark, html)
