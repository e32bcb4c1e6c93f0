"""Say how big the offline copy is on the front pages, and take its own download link out of the copy."""

from __future__ import annotations

import re
from pathlib import Path

from seniorsite.languages import language_prefix
from seniorsite.outputs.offline.tags import element_extent, page_tags
from seniorsite.page.file_sizes import size_wording

SIZE_ATTRIBUTE = "data-offline-size"
LINK_ATTRIBUTE = "data-offline-link"
EMPTY_SIZE = re.compile(rf"(<(?P<name>[a-z]+)\b[^>]*\s{SIZE_ATTRIBUTE}(?:=\"\")?(?=[\s>])[^>]*>)\s*(</(?P=name)>)")


def fill_offline_size(html: str, wording: str) -> str:
    """Put the wording into the page's empty size element; leave a page without one as it is."""
    return EMPTY_SIZE.sub(lambda match: match.group(1) + wording + match.group(3), html, count=1)


def remove_offline_links(html: str) -> str:
    """Remove every element that carries the offline link attribute (the copy need not offer itself)."""
    tags = page_tags(html)
    extents = [element_extent(html, tags, index) for index, tag in enumerate(tags) if not tag.closing and LINK_ATTRIBUTE in tag.attributes]
    for start, end in sorted(extents, reverse=True):
        html = html[:start] + html[end:]
    return html


def fill_front_pages(site_dir: Path, size: int, languages: tuple[str, ...]) -> None:
    """Write the size, in each language's wording, into that language's front page (if it has the element)."""
    for language in languages:
        page = site_dir / language_prefix(language) / "index.html"
        html = page.read_text(encoding="utf-8")
        filled = fill_offline_size(html, size_wording(size, language))
        if filled != html:
            page.write_text(filled, encoding="utf-8")
