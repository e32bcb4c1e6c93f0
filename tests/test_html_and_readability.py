"""Valid HTML (the W3C Nu HTML Checker) and plain Danish (LIX) on every built page."""

from __future__ import annotations

import shutil
from pathlib import Path

from seniorsite.whole_site.html_check import html_errors
from seniorsite.whole_site.readability import DANISH_AVERAGE_LIMIT, DANISH_PAGE_LIMIT, lix_of_text, page_text, site_readability
from tests.helpers import BuildResult, site_pages


def test_the_nu_checker_finds_no_error_on_any_page(built_site: BuildResult) -> None:
    """0 errors on every page in both languages, 404 pages included."""
    assert html_errors(built_site.site) == []


def test_the_nu_checker_catches_an_error(built_site: BuildResult, tmp_path: Path) -> None:
    """A page with a duplicate id and a stray attribute is reported with its file."""
    shutil.copytree(built_site.site / "om", tmp_path / "om")
    page = tmp_path / "om" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<p id="maalet" foo="1">x</p></article>'), encoding="utf-8")
    errors = html_errors(tmp_path)
    assert any(error.startswith("om/index.html:") and "Duplicate ID" in error for error in errors), errors


def test_lix_follows_its_formula() -> None:
    """LIX is words per sentence plus the share of words over six letters, in per cent."""
    result = lix_of_text("Vi tager en samtale. Lederen forbereder spørgsmålene grundigt.")
    assert (result.words, result.sentences, result.long_words) == (8, 2, 5)
    assert round(result.lix, 1) == round(8 / 2 + 100 * 5 / 8, 1)


def test_page_text_reads_blocks_and_skips_the_interface() -> None:
    """Headings, items and cells end a sentence; permalinks and the filter are not text."""
    html = '<article><h2>Mål<a class="headerlink">¶</a></h2><ul><li>Et punkt</li></ul><form class="sv-filter"><label>Alle</label></form></article>'
    assert page_text(html) == "Mål\nEt punkt"


def test_every_danish_page_is_plain_enough(built_site: BuildResult) -> None:
    """No Danish page over LIX 50, and the average under 40."""
    results = site_readability(built_site.site, "da")
    assert len(results) == len([p for p in site_pages() if not p.startswith("en/") and not p.endswith("404.html")])
    assert [(r.path, round(r.lix, 1)) for r in results if r.lix > DANISH_PAGE_LIMIT] == []
    assert sum(r.lix for r in results) / len(results) <= DANISH_AVERAGE_LIMIT
