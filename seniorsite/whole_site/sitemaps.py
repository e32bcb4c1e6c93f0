"""Split the one sitemap the i18n plugin writes into one sitemap per language folder."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from seniorsite.languages import language_prefix

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _language_of(location: str, site_url: str, languages: tuple[str, ...]) -> str:
    """Return the language whose folder holds an absolute page address."""
    path = location.removeprefix(site_url)
    for language in languages:
        prefix = language_prefix(language)
        if prefix and path.startswith(prefix):
            return language
    return next(language for language in languages if not language_prefix(language))


def split_sitemap(site_dir: Path, site_url: str, languages: tuple[str, ...]) -> dict[str, int]:
    """Write sitemap.xml (and .gz) into each language folder with that language's pages only."""
    # Registered here, not at import: the prefixes are global, and a library imported later (WeasyPrint,
    # loaded only when the PDFs are written) may claim the empty one, which would write ns0: everywhere.
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    merged = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    counts = {}
    for language in languages:
        urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
        for url in merged.findall(f"{{{SITEMAP_NS}}}url"):
            location = url.findtext(f"{{{SITEMAP_NS}}}loc", default="").strip()
            if _language_of(location, site_url, languages) == language:
                urlset.append(url)
        ElementTree.indent(urlset)
        data = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
        folder = site_dir / language_prefix(language)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sitemap.xml").write_bytes(data)
        (folder / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
        counts[language] = len(urlset)
    return counts
