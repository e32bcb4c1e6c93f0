"""Point a page's links at files, so that they open from file:// (where a folder shows as a listing)."""

from __future__ import annotations

import functools
import html as html_escape
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from seniorsite.outputs.offline.tags import page_tags

# Applied to one start tag's text at a time (found by the stdlib parser in tags.py, which knows scripts and
# comments), so only real href and src attributes are touched and the rest of the page keeps its bytes.
LINK_ATTRIBUTE = re.compile(r"""(?P<before>\s(?:href|src)\s*=\s*)(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+))""", re.I)
LINK_NAMES = re.compile(r"href|src", re.I)  # a tag without these letters has no link to rewrite
# The canonical address says where a page is published; it stays the public one.
KEEP_RELATIONS = {"canonical"}


@functools.lru_cache(maxsize=65536)  # every page links the same navigation and assets: one look at the disk each
def _is_folder(site_dir: Path, path: str) -> bool:
    """True when path below site_dir is a folder (a page's address without its index.html)."""
    return (site_dir / path).is_dir()


def offline_reference(reference: str, page: str, site_dir: Path, site_url: str) -> str | None:
    """Return a reference into the site as a relative link to a file, or None if it leaves the site."""
    if not reference or reference.startswith("#"):
        return None
    page_url = site_url + page
    target = urlsplit(urljoin(page_url, reference))
    site = urlsplit(site_url)
    if (target.scheme, target.netloc) != (site.scheme, site.netloc) or not target.path.startswith(site.path):
        return None
    path = target.path[len(site.path):]
    if path == "" or path.endswith("/") or _is_folder(site_dir, unquote(path)):
        path = posixpath.join(path, "index.html")
    relative = posixpath.relpath(path, posixpath.dirname(page) or ".")
    cut = min((at for at in (reference.find("?"), reference.find("#")) if at >= 0), default=len(reference))
    return relative + reference[cut:]  # the query and the anchor, as written


def _rewrite_tag(tag_text: str, page: str, site_dir: Path, site_url: str) -> str:
    """Rewrite the href and src values of one start tag."""

    def replace(match: re.Match[str]) -> str:
        raw = next(value for value in (match.group("double"), match.group("single"), match.group("bare")) if value is not None)
        new = offline_reference(html_escape.unescape(raw), page, site_dir, site_url)
        if new is None:
            return match.group(0)
        return f'{match.group("before")}"{html_escape.escape(new, quote=True)}"'

    return LINK_ATTRIBUTE.sub(replace, tag_text)


def rewrite_links(html: str, page: str, site_dir: Path, site_url: str) -> str:
    """Return a page (at path `page` below the site root) with every link into the site pointing at a file."""
    parts = []
    done = 0
    for tag in page_tags(html):
        if tag.closing or not tag.mentions(LINK_NAMES) or not ({"href", "src"} & tag.attributes.keys()):
            continue
        if KEEP_RELATIONS & set((tag.attributes.get("rel") or "").split()):
            continue
        parts += [html[done:tag.start], _rewrite_tag(html[tag.start:tag.end], page, site_dir, site_url)]
        done = tag.end
    return "".join(parts) + html[done:]
