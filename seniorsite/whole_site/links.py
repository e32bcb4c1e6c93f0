"""Check every link in a built site: internal links and anchors must resolve; external ones are listed.

Run as `python -m seniorsite.whole_site.links SITE_DIR SITE_URL` (what `make links` does).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINKING_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


@dataclass(frozen=True)
class Link:
    """One link found in a built page."""

    page: str
    url: str


class _PageParser(HTMLParser):
    """Collects the ids and the link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element's id and, for linking elements, its target."""
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(str(values[key]))
        attribute = LINKING_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) and not (tag == "link" and values.get("rel") in {"canonical", "alternate"}):
            self.links.append(str(values[attribute]))


def parse_page(path: Path) -> _PageParser:
    """Parse one HTML file for its ids and links."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target_file(site_dir: Path, path: str) -> Path:
    """Return the file a site path is served from (a folder serves its index.html)."""
    target = site_dir / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def check_site(site_dir: Path, site_url: str) -> tuple[list[str], dict[str, list[str]], int]:
    """Return (broken internal links, external links by page, internal links checked) for a built site."""
    site_path = urlsplit(site_url).path
    pages = {path: parse_page(path) for path in sorted(site_dir.rglob("*.html"))}
    broken: list[str] = []
    external: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for page_file, parsed in pages.items():
        page_name = page_file.relative_to(site_dir).as_posix()
        page_url = site_url + page_name
        for raw in parsed.links:
            absolute = urljoin(page_url, raw)
            parts = urlsplit(absolute)
            internal = absolute.startswith(site_url) or (parts.scheme in ("http", "https") and not parts.netloc)
            if parts.scheme in ("mailto", "tel") or (parts.scheme in ("http", "https") and not absolute.startswith(site_url)):
                external[page_name].append(raw)
                continue
            if not internal:
                broken.append(f"{page_name}: {raw} (not a web address)")
                continue
            checked += 1
            target = _target_file(site_dir, parts.path[len(site_path):] if parts.path.startswith(site_path) else parts.path)
            if not target.is_file():
                broken.append(f"{page_name}: {raw} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page_name}: {raw} (no such anchor)")
    return broken, dict(external), checked


def main(arguments: list[str]) -> int:
    """Print the external links by page and every broken internal link; fail on a broken one."""
    site_dir, site_url = Path(arguments[0]), arguments[1]
    broken, external, checked = check_site(site_dir, site_url)
    print("External links (not fetched):")
    for page, links in sorted(external.items()):
        for link in sorted(set(links)):
            print(f"  {page}: {link}")
    if broken:
        print(f"{len(broken)} broken internal link(s):")
        print("\n".join(f"  {line}" for line in broken))
        return 1
    print(f"All {checked} internal links and anchors in {len(list(site_dir.rglob('*.html')))} pages resolve.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
