"""The engine hedge: ProperDocs, the maintained fork of MkDocs 1.6, builds this site unchanged.

Both builds run in the same venv from the same sources and date, so the PDFs (whose fonts are read from the venv)
come out byte-identical; every page differs only in its generator tag, and the offline zip only in the pages it holds.
The same comparison shows that builds reproduce: a second build of the same moment writes the same bytes (one build
serves both checks, so `make test` builds the whole site once less).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.helpers import PROJECT, BuildResult, build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
MARKUP_SUFFIXES = (".html",)


def without_generator(name: str, content: bytes) -> bytes:
    """Return a file's bytes with a page's generator tag blanked (the one thing the engines write differently)."""
    return GENERATOR.sub(b'<meta name="generator">', content) if name.endswith(MARKUP_SUFFIXES) else content


def zip_members(path: Path) -> dict[str, bytes]:
    """Return every member of a zip, by name, with its generator tags blanked."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: without_generator(info.filename, archive.read(info)) for info in archive.infolist()}


def files_of(site: Path) -> dict[str, Path]:
    """Return every file of a built site by its path below the site root."""
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def generators_of(site: Path) -> set[bytes]:
    """Return the distinct generator tags of a built site's pages."""
    return {GENERATOR.search(page.read_bytes()).group(0) for page in site.rglob("*.html")}


# One test, so that `make test` builds the site with ProperDocs once (a module fixture is built once per worker).
def test_properdocs_builds_the_same_site_as_mkdocs(built_site: BuildResult, tmp_path: Path) -> None:
    """A second build of the same moment, by ProperDocs, writes the same files, byte for byte but for the pages' generator tag."""
    result = build(PROJECT, tmp_path / "site", engine="properdocs")
    assert result.returncode == 0, result.output
    ours, theirs = files_of(built_site.site), files_of(result.site)
    assert [b"ProperDocs" in tag for tag in generators_of(result.site)] == [True]
    assert [b"mkdocs-1.6" in tag for tag in generators_of(built_site.site)] == [True]
    assert sorted(theirs) == sorted(ours)
    different = []
    for name, path in ours.items():
        if name.endswith(".zip"):
            same = zip_members(path) == zip_members(theirs[name])
        else:
            same = without_generator(name, path.read_bytes()) == without_generator(name, theirs[name].read_bytes())
        if not same:
            different.append(name)
    assert different == []
