"""The offline copy: a zip of the site that browses from file:// in both languages and asks no host for anything."""

from __future__ import annotations

import base64
import hashlib
import shutil
import zipfile
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.offline.archive import write_zip
from seniorsite.outputs.offline.copy_site import TOP_FOLDER, ZIP_NAME, make_offline_zip
from seniorsite.outputs.offline.links import offline_reference, rewrite_links
from seniorsite.outputs.offline.search import offline_location
from seniorsite.outputs.offline.size import fill_front_pages, fill_offline_size, remove_offline_links
from seniorsite.outputs.offline.worker_shim import SHIM, add_worker_shim, iframe_script
from seniorsite.page.file_sizes import size_wording
from seniorsite.page.page_scripts import with_theme_on_demand
from tests.helpers import BUILD_MOMENT, PROJECT, SITE_PATH, BuildResult, search_results

SITE_URL = "https://seniorpartnerskabet.github.io" + SITE_PATH
RECORD_CSP = """document.addEventListener('securitypolicyviolation', e => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
});"""


@pytest.fixture(scope="module")
def offline_root(built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site's offline zip, unpacked; return its top folder."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site.site / ZIP_NAME) as archive:
        archive.extractall(target)
    return target / TOP_FOLDER


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    """A fresh browser page that records errors, every request, failed requests and policy violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.errors, page.requests, page.failed = [], [], []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("requestfailed", lambda request: page.failed.append(f"{request.url} {request.failure}"))
    yield page
    context.close()


def not_local(requests: list[str]) -> list[str]:
    """The requests that went anywhere but a file of the copy."""
    return [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]


def path_in_copy(root: Path, url: str) -> str:
    """Return a file:// address as a path below the copy's top folder, without its query and anchor."""
    return unquote(urlsplit(url).path).removeprefix(root.as_posix() + "/")


def search(page: object, query: str) -> list[str]:
    """Search as a reader would (the copy's worker runs in an iframe) and return the results' addresses."""
    return search_results(page, query)


# --- the zip ------------------------------------------------------------------------------------------


def test_the_zip_holds_one_folder_with_the_site(built_site: BuildResult) -> None:
    """One top folder with the front page at its root, both languages and their search scripts; no zip, no maps."""
    names = zipfile.ZipFile(built_site.site / ZIP_NAME).namelist()
    assert all(name.startswith(f"{TOP_FOLDER}/") for name in names)
    for needed in ("index.html", "en/index.html", "faq/index.html", "search/search_index.js", "en/search/search_index.js", SHIM):
        assert f"{TOP_FOLDER}/{needed}" in names
    assert not any(name.endswith((".zip", ".map", "404.html")) for name in names)
    front_page = zipfile.ZipFile(built_site.site / ZIP_NAME).read(f"{TOP_FOLDER}/index.html").decode("utf-8")
    assert "data-offline-link" not in front_page, "the copy does not offer itself"
    assert names == sorted(names)


def test_the_zip_is_the_same_for_the_same_site_and_moment(built_site: BuildResult, tmp_path: Path) -> None:
    """Two runs on the same site at the same moment give the same bytes; another moment changes the dates."""
    site = shutil.copytree(built_site.site, tmp_path / "site", ignore=shutil.ignore_patterns(ZIP_NAME))
    first = make_offline_zip(site, SITE_URL, LANGUAGES, BUILD_MOMENT).path.read_bytes()
    second = make_offline_zip(site, SITE_URL, LANGUAGES, BUILD_MOMENT).path.read_bytes()
    assert first == second
    later = make_offline_zip(site, SITE_URL, LANGUAGES, datetime(2024, 1, 2, 3, 4, 6, tzinfo=BUILD_MOMENT.tzinfo))
    entries = zipfile.ZipFile(later.path).infolist()
    assert {entry.date_time for entry in entries} == {(2024, 1, 2, 3, 4, 6)}
    assert {entry.external_attr >> 16 for entry in entries} == {0o100644}


def test_zip_entries_are_sorted_and_dated(tmp_path: Path) -> None:
    """Files go in by path, whatever order the disk lists them in, dated at the moment (1980 at the earliest)."""
    for name in ("b.txt", "a/z.txt", "a/b.txt"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(name, encoding="utf-8")
    count = write_zip(tmp_path / "in", tmp_path / "out.zip", "top", datetime(1970, 1, 1, tzinfo=BUILD_MOMENT.tzinfo))
    entries = zipfile.ZipFile(tmp_path / "out.zip").infolist()
    assert count == 3
    assert [entry.filename for entry in entries] == ["top/a/b.txt", "top/a/z.txt", "top/b.txt"]
    assert {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}


# --- links, search index, size --------------------------------------------------------------------------


class _References(HTMLParser):
    """Collects every href and src of a page, with the tag's rel."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element's href or src."""
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.references.append((str(values[name]), str(values.get("rel") or "")))


def test_every_internal_link_of_the_copy_opens_a_file(offline_root: Path) -> None:
    """Each href and src in the copy's pages that stays in the copy names an existing file, never a folder."""
    pages = sorted(offline_root.rglob("*.html"))
    assert len(pages) >= 60
    broken, to_site, checked = [], [], 0
    for page in pages:
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        for reference, rel in parser.references:
            if reference.startswith(SITE_URL) and "canonical" not in rel:
                to_site.append(f"{page.relative_to(offline_root)}: {reference}")
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            checked += 1
            if not (page.parent / unquote(parts.path)).is_file():
                broken.append(f"{page.relative_to(offline_root)}: {reference}")
    assert checked > 1000
    assert broken == []
    assert to_site == [], "only the canonical address still names the published site"


def test_a_reference_becomes_a_relative_file_link(tmp_path: Path) -> None:
    """Folders get index.html; the query and anchor stay; the site's own absolute addresses become relative."""
    (tmp_path / "faq").mkdir()
    (tmp_path / "kalender").mkdir()
    cases = {
        "../faq/": "../faq/index.html",
        "../faq/#frist": "../faq/index.html#frist",
        "../inspiration/?tag=sundhed#liste": "../inspiration/index.html?tag=sundhed#liste",
        "..": "../index.html",
        "./": "index.html",
        "../faq": "../faq/index.html",
        "../kalender/a.ics": "../kalender/a.ics",
        f"{SITE_URL}en/faq/": "../en/faq/index.html",
        f"{SITE_PATH}": "../index.html",
    }
    for reference, expected in cases.items():
        assert offline_reference(reference, "om/index.html", tmp_path, SITE_URL) == expected, reference
    for outside in ("#kontakt", "https://vpt.dk/", "mailto:a@b.dk", "https://seniorpartnerskabet.github.io/other/", "data:,x"):
        assert offline_reference(outside, "om/index.html", tmp_path, SITE_URL) is None, outside


def test_only_links_change_in_a_page(tmp_path: Path) -> None:
    """Script bodies, text and the canonical address stay as written; href and src are rewritten."""
    page = (
        '<link rel="canonical" href="https://seniorpartnerskabet.github.io/seniorvaerktoejer/om/">'
        '<script>var a = "<a href=\'../faq/\'>";</script><p>../faq/</p>'
        "<a class=x href='../faq/#a'>FAQ</a><img src=../logo.svg alt=''>"
    )
    rewritten = rewrite_links(page, "om/index.html", tmp_path, SITE_URL)
    assert rewritten == page.replace("href='../faq/#a'", 'href="../faq/index.html#a"').replace("src=../logo.svg", 'src="../logo.svg"')


def test_search_locations_point_at_files() -> None:
    """A result's folder becomes its index.html; the front page and anchors too."""
    assert offline_location("faq/#frist") == "faq/index.html#frist"
    assert offline_location("faq/") == "faq/index.html"
    assert offline_location("") == "index.html"
    assert offline_location("#hvem") == "index.html#hvem"


def test_the_size_is_worded_in_the_pages_language() -> None:
    """A decimal comma in Danish, a point in English, one decimal, megabytes."""
    assert size_wording(4_200_000, "da") == "4,2 MB"
    assert size_wording(4_200_000, "en") == "4.2 MB"
    assert size_wording(1_054_001, "da") == "1,1 MB"
    assert size_wording(960_000, "en") == "1.0 MB"
    assert size_wording(1_234_500_000, "da") == "1.234,5 MB"


def test_the_size_fills_the_empty_element_only(tmp_path: Path) -> None:
    """The empty size element gets the wording; a page without one is left as it is."""
    page = '<p><a href="x.zip" data-offline-link>Hent (<span data-offline-size></span>)</a></p>'
    assert fill_offline_size(page, "4,2 MB") == '<p><a href="x.zip" data-offline-link>Hent (<span data-offline-size>4,2 MB</span>)</a></p>'
    assert fill_offline_size("<p>Ingen</p>", "4,2 MB") == "<p>Ingen</p>"
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<p>No element</p>", encoding="utf-8")
    fill_front_pages(tmp_path, 4_200_000, LANGUAGES)
    assert "<span data-offline-size>4,2 MB</span>" in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "en" / "index.html").read_text(encoding="utf-8") == "<p>No element</p>"


def test_the_built_front_pages_say_the_zips_size(built_site: BuildResult) -> None:
    """Where a front page has the size element, it holds the zip's real size in that page's language."""
    size = (built_site.site / ZIP_NAME).stat().st_size
    for language in LANGUAGES:
        html = (built_site.site / language_prefix(language) / "index.html").read_text(encoding="utf-8")
        assert "data-offline-size></span>" not in html and 'data-offline-size=""></span>' not in html
        if "data-offline-size" in html:
            assert f">{size_wording(size, language)}</span>" in html


def test_the_copy_does_not_offer_itself() -> None:
    """Every element carrying data-offline-link goes, with what it holds; the rest stays."""
    page = '<div><p data-offline-link class="x"><a href="z">Hent <span data-offline-size></span></a></p><p>Bliver</p><hr data-offline-link></div>'
    assert remove_offline_links(page) == "<div><p>Bliver</p></div>"


def test_the_shim_loads_first_and_its_iframe_script_is_allowed() -> None:
    """The shim comes before the theme's bundle; the policy gains exactly the hash of the script the shim writes."""
    shim = (PROJECT / "docs" / SHIM).read_text(encoding="utf-8")
    worker = "../assets/javascripts/workers/search.1234abcd.min.js"
    script = iframe_script(shim, worker)
    assert script.startswith("postMessage=function ") and f'filename:"{worker}"' in script and "${" not in script
    page = (
        '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'">'
        f'<script id="__config" type="application/json">{{"search": "{worker}"}}</script>'
        + with_theme_on_demand('<script src="../assets/javascripts/bundle.5f09ab12.min.js"></script>')
    )
    shimmed = add_worker_shim(page, shim)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'self' 'sha256-{digest}'\">" in shimmed
    assert shimmed.index(f'<script src="../{SHIM}">') < shimmed.index("bundle.5f09ab12")
    assert add_worker_shim("<p>No theme page</p>", shim) == "<p>No theme page</p>"


def test_the_published_site_is_unchanged_by_the_shim(built_site: BuildResult) -> None:
    """Only the copy's pages load the iframe-worker shim; the published pages run search in a real worker."""
    assert not any("iframe-worker" in page.read_text(encoding="utf-8") for page in built_site.site.rglob("*.html"))
    assert (PROJECT / "docs" / SHIM).is_file()


# --- in the browser, from file:// -----------------------------------------------------------------------

@pytest.mark.browser
def test_a_danish_search_finds_danish_pages_with_stemming(tab: object, offline_root: Path) -> None:
    """From the Danish front page, 'seniorsamtalerne' finds the communication kit, which says only 'seniorsamtale' (stemming), and no English page."""
    tab.goto((offline_root / "index.html").as_uri(), wait_until="load")
    found = [path_in_copy(offline_root, url) for url in search(tab, "seniorsamtalerne")]
    assert "kommunikation/index.html" in found
    assert not any(path.startswith("en/") for path in found)
    assert all((offline_root / path).is_file() for path in found), "each result opens a file"
    assert tab.errors == [] and tab.failed == [] and not_local(tab.requests) == []
    assert tab.evaluate("window.__cspViolations || []") == []


@pytest.mark.browser
def test_an_english_search_finds_english_pages_only(tab: object, offline_root: Path) -> None:
    """On an English page, search lists English pages only, and each opens a file."""
    tab.goto((offline_root / "en" / "om" / "index.html").as_uri(), wait_until="load")
    found = [path_in_copy(offline_root, url) for url in search(tab, "municipality")]
    assert found and all(path.startswith("en/") for path in found)
    assert all((offline_root / path).is_file() for path in found)
    assert tab.errors == [] and tab.failed == [] and not_local(tab.requests) == []


@pytest.mark.browser
def test_a_search_result_opens_its_page(tab: object, offline_root: Path) -> None:
    """Clicking a result opens the page (a file of the copy, with its heading), not a folder listing."""
    tab.goto((offline_root / "faq" / "index.html").as_uri(), wait_until="load")
    search(tab, "rammeaftale")
    with tab.expect_navigation():
        tab.locator(".md-search-result__list > li a.md-search-result__link").first.click()
    assert path_in_copy(offline_root, tab.url).endswith("index.html")
    assert tab.locator("article h1").count() == 1
    assert tab.failed == []


@pytest.mark.browser
def test_nav_and_content_links_open_pages(tab: object, offline_root: Path) -> None:
    """A link in the side navigation and one in the text each open a page, anchor kept, not a folder listing."""
    tab.goto((offline_root / "om" / "index.html").as_uri(), wait_until="load")  # the front page shows no side navigation
    with tab.expect_navigation():
        tab.locator('.md-nav--primary a.md-nav__link[href="../faq/index.html"]').click()
    assert tab.url == (offline_root / "faq" / "index.html").as_uri()
    assert tab.locator("article h1").count() == 1
    tab.goto((offline_root / "index.html").as_uri(), wait_until="load")
    with tab.expect_navigation():
        tab.locator('article a[href="om/index.html#kontakt"]').first.click()
    assert tab.url == (offline_root / "om" / "index.html").as_uri() + "#kontakt"
    assert tab.locator("article h1").count() == 1 and tab.locator("#kontakt").count() == 1
    assert tab.errors == [] and tab.failed == [] and not_local(tab.requests) == []


@pytest.mark.browser
@pytest.mark.parametrize(("start", "hreflang", "expected"), [
    ("faq/index.html", "en", "en/faq/index.html"),
    ("en/arrangementer/index.html", "da", "arrangementer/index.html"),
    ("index.html", "en", "en/index.html"),
])
def test_the_language_selector_keeps_the_page(tab: object, offline_root: Path, start: str, hreflang: str, expected: str) -> None:
    """Switching language from a page of the copy opens the same page of the copy in the other language."""
    tab.goto((offline_root / start).as_uri(), wait_until="load")
    with tab.expect_navigation():
        tab.locator(f".md-header a.sv-language[hreflang={hreflang}]").click()
    assert tab.url == (offline_root / expected).as_uri()
    assert tab.locator("html").get_attribute("lang") == hreflang
    assert tab.errors == [] and tab.failed == []


@pytest.mark.browser
def test_no_page_of_the_copy_asks_anything_of_a_host(tab: object, offline_root: Path) -> None:
    """Every page of the copy loads from files only: nothing elsewhere, no failed load, no error, no policy breach."""
    problems = []
    pages = sorted(offline_root.rglob("*.html"))
    for page in pages:
        tab.goto(page.as_uri(), wait_until="load")
        tab.wait_for_timeout(50)
        problems += [f"{page.relative_to(offline_root)}: {v}" for v in tab.evaluate("window.__cspViolations || []")]
    assert len(pages) >= 60
    assert not_local(tab.requests) == []
    # A file still loading when the crawl opens the next page (the favicon, say) is cancelled by the browser itself: that
    # is no failed load, so long as the file is there. A missing file fails as ERR_FILE_NOT_FOUND and is kept.
    cancelled = [f for f in tab.failed if f.endswith(" net::ERR_ABORTED") and Path(unquote(urlsplit(f.split(" ")[0]).path)).is_file()]
    assert [f for f in tab.failed if f not in cancelled] == []
    assert tab.errors == []
    assert problems == []


class _StdlibTags(HTMLParser):
    """The stdlib's view of a page's tags: name, attributes and where each tag starts (the oracle for tags.py)."""

    def __init__(self, html: str) -> None:
        """Note where each line starts, to turn the parser's line and column into an offset."""
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [index + 1 for index, character in enumerate(html) if character == "\n"]
        self.tags: list[tuple[str, dict[str, str | None], int, bool]] = []

    def _offset(self) -> int:
        """Return the offset of the tag being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a start tag."""
        self.tags.append((tag, dict(attrs), self._offset(), False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a self-closing tag as a start tag."""
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Record an end tag."""
        self.tags.append((tag, {}, self._offset(), True))


def test_the_offline_copy_reads_every_page_tag_as_the_stdlib_parser_does(built_site: BuildResult) -> None:
    """The fast tag reader that rewrites the offline copy's links finds the same tags, attributes and places as html.parser."""
    from seniorsite.outputs.offline.tags import page_tags

    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        oracle = _StdlibTags(html)
        oracle.feed(html)
        oracle.close()
        found = [(tag.name, tag.attributes, tag.start, tag.closing) for tag in page_tags(html)]
        assert found == oracle.tags, page.relative_to(built_site.site)


@pytest.mark.parametrize("html", [
    '<!-- <a href="x"> --><p>one</p>',
    '<script>if (a < b) { s = "<a href=\'x\'>"; }</script><a href="y">',
    '<A HREF="Upper.html" Title=\'a > b\'>x</A>',
    '<a href="?a=1&amp;b=2" data-x=bare hidden>x</a><br/><img src=logo.svg alt="">',
    '<!doctype html><style>p > a { color: red }</style><link rel="canonical" href="/x/">',
])
def test_the_fast_tag_reader_agrees_with_the_stdlib_parser_on_tricky_markup(html: str) -> None:
    """Comments, script and style bodies, quoted '>', bare and entity-escaped values are read as html.parser reads them."""
    from seniorsite.outputs.offline.tags import page_tags

    oracle = _StdlibTags(html)
    oracle.feed(html)
    oracle.close()
    assert [(tag.name, tag.attributes, tag.start, tag.closing) for tag in page_tags(html)] == oracle.tags
