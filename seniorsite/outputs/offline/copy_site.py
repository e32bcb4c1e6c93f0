"""Make the offline zip from a built site: copy it aside, point it at files, zip it, tell the front pages its size."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from seniorsite.languages import language_prefix
from seniorsite.outputs.offline.archive import write_zip
from seniorsite.outputs.offline.links import rewrite_links
from seniorsite.outputs.offline.search import SEARCH_FOLDER, write_offline_index
from seniorsite.outputs.offline.size import LINK_ATTRIBUTE, fill_front_pages, remove_offline_links
from seniorsite.outputs.offline.worker_shim import SHIM, add_worker_shim

ZIP_NAME = "seniorvaerktoejer-offline.zip"
TOP_FOLDER = "seniorvaerktoejer"
# Source maps serve only a browser's developer tools; a 404 page needs a server (its links start at the
# site's path); the zip itself is not part of the copy.
LEFT_OUT = (ZIP_NAME, "*.map", "404.html")


@dataclass(frozen=True)
class OfflineZip:
    """The written zip: where it is, its size in bytes and how many files it holds."""

    path: Path
    size: int
    files: int


def prepare_copy(site_dir: Path, copy_dir: Path, site_url: str, languages: tuple[str, ...]) -> None:
    """Copy the built site to copy_dir and make it browse from file://: links to files, search by script."""
    shutil.copytree(site_dir, copy_dir, ignore=shutil.ignore_patterns(*LEFT_OUT))
    shim = (copy_dir / SHIM).read_text(encoding="utf-8")
    for path in sorted(copy_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        html = add_worker_shim(rewrite_links(html, path.relative_to(copy_dir).as_posix(), copy_dir, site_url), shim)
        if LINK_ATTRIBUTE in html:
            html = remove_offline_links(html)
        path.write_text(html, encoding="utf-8")
    for language in languages:
        write_offline_index(copy_dir / language_prefix(language) / SEARCH_FOLDER)


def make_offline_zip(site_dir: Path, site_url: str, languages: tuple[str, ...], moment: datetime) -> OfflineZip:
    """Write site_dir's offline copy as a reproducible zip inside site_dir; return what was written."""
    target = site_dir / ZIP_NAME
    with tempfile.TemporaryDirectory() as temporary:
        copy_dir = Path(temporary) / TOP_FOLDER
        prepare_copy(site_dir, copy_dir, site_url, languages)
        files = write_zip(copy_dir, target, TOP_FOLDER, moment)
    return OfflineZip(target, target.stat().st_size, files)


def write_offline_zip(site_dir: Path, site_url: str, languages: tuple[str, ...], moment: datetime) -> OfflineZip:
    """Write the offline zip, then say its size on the front pages."""
    offline = make_offline_zip(site_dir, site_url, languages, moment)
    fill_front_pages(site_dir, offline.size, languages)
    return offline
