"""A phone's first view: every page loads at most 60 KB gzipped; search, its index and its styles come when the reader turns to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.first_view import (
    FIRST_VIEW_LIMIT,
    LighthouseRun,
    PageScores,
    chosen_pages,
    first_view_requests,
    median_run,
    page_line,
    run_of,
    targets_of,
)
from seniorsite.page.compact_html import compact_html
from seniorsite.page.page_scripts import without_unused_tool_assets
from seniorsite.whole_site.own_assets import ScriptSyntaxError, minified_css, minified_js
from seniorsite.whole_site.search_css import split_search_results_css
from seniorsite.whole_site.unused_css import prune_theme_stylesheets, pruned_stylesheets, used_names
from tests.helpers import BuildResult, site_pages, soup_of

INDEX = "search/search_index.json"
THEME_WORKER = "/workers/search."
RESULT_STYLES = "stylesheets/search-results.css"


@pytest.mark.browser
@pytest.mark.parametrize("path", site_pages())
def test_the_first_view_of_every_page_is_at_most_60_kb_gzipped(browser: object, site_url: str, path: str) -> None:
    """Every request of a fresh load until the network is idle, each body gzipped as GitHub Pages sends it."""
    fetched = first_view_requests(browser, site_url + path)
    listing = ", ".join(f"{url.removeprefix(site_url)} {size}" for url, size in sorted(fetched.items(), key=lambda item: -item[1]))
    assert sum(fetched.values()) <= FIRST_VIEW_LIMIT, f"{path or '/'}: {sum(fetched.values())} bytes: {listing}"


@pytest.fixture
def tab_with_requests(browser: object, site_url: str) -> Iterator[tuple[object, list[str]]]:
    """A fresh phone-sized tab and the list of every address it requests."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    yield context.new_page(), requested
    context.close()


@pytest.mark.browser
def test_search_loads_its_index_worker_and_styles_only_when_the_reader_opens_it(tab_with_requests: tuple[object, list[str]], site_url: str) -> None:
    """Nothing of search is fetched on load; opening it fetches each once, and the results show styled."""
    tab, requested = tab_with_requests
    tab.goto(site_url, wait_until="networkidle")
    assert [url for url in requested if INDEX in url or THEME_WORKER in url or RESULT_STYLES in url] == []
    tab.locator("label[for='__search']").first.click()
    tab.locator("input.md-search__input").press_sequentially("seniorsamtale", delay=20)
    first = tab.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for()
    assert sum(INDEX in url for url in requested) == 1
    assert sum(THEME_WORKER in url for url in requested) == 1
    assert sum(RESULT_STYLES in url for url in requested) == 1
    # Styled as before: the theme's result link is a block with its padding, not a bare inline link.
    assert first.evaluate("a => getComputedStyle(a).display") == "block"
    assert first.evaluate("a => getComputedStyle(a.querySelector('article')).paddingLeft") != "0px"


@pytest.mark.browser
def test_a_page_opened_from_a_result_loads_the_index_at_once_and_highlights(tab_with_requests: tuple[object, list[str]], site_url: str) -> None:
    """'?h=' needs the index to mark the word, without the reader touching search."""
    tab, requested = tab_with_requests
    tab.goto(site_url + "arbejdshaandbog/roller/?h=senior", wait_until="networkidle")
    assert sum(INDEX in url for url in requested) == 1
    assert tab.locator("article mark").count() > 0


def test_a_tool_script_is_only_on_the_pages_with_the_tool(built_site: BuildResult) -> None:
    """catalogue.js on the catalogue, copy.js on the communication kit and the workshop's handouts, each form's script on its form; on no other page."""
    expected = {"catalogue.js": {"inspiration/"}, "copy.js": {"kommunikation/", "arbejdshaandbog/workshop-materialer/"},
                "conversation-form.js": {"samtaleskabelon/formular/"}, "policy-form.js": {"arbejdshaandbog/seniorpolitik/"}}
    for script, pages in expected.items():
        holding = {path.removeprefix("en/") for path in site_pages() if soup_of(built_site.site, path).find("script", src=lambda src, s=script: bool(src) and src.endswith("/" + s))}
        assert holding == pages, script


def test_the_theme_css_keeps_what_pages_or_scripts_use_and_drops_the_rest() -> None:
    """A class on no page is dropped; one on a page, one a script sets, one only inside :not() stay (on an element a page has); so do their variables."""
    used = used_names(['<div class="shown" dir="ltr">'], ['el.classList.add("set-later")'], ['h("div", {class: "md-search-result__item"})'])
    css = (
        ".shown{color:red}.never{color:var(--never-read)}:root{--never-read:blue;--read:green}.set-later{color:var(--read)}"
        "div:not(.never){margin:0}.md-search-result__item{padding:0}[dir=rtl] .shown{float:right}@media print{.never{display:none}}"
    )
    [kept] = pruned_stylesheets([css], used)
    assert kept == ".shown{color:red}:root{--read:green}.set-later{color:var(--read)}div:not(.never){margin:0}.md-search-result__item{padding:0}"


def test_a_colour_scheme_set_only_by_a_pages_inline_script_keeps_its_rules(tmp_path: Path) -> None:
    """The dark scheme is set by the script first in each page's body: its rules stay; a scheme nothing sets goes."""
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<html><body data-md-color-scheme="default"><script>document.body.setAttribute("data-md-color-scheme","slate")</script>'
        '<script src="x.js">"unread"</script><p>Tekst</p></body></html>', encoding="utf-8")
    sheet = tmp_path / "assets" / "stylesheets" / "palette.0123abcd.min.css"
    sheet.write_text("[data-md-color-scheme=default]{color:#000}[data-md-color-scheme=slate]{color:#fff}"
                     "[data-md-color-scheme=unread]{color:red}", encoding="utf-8")
    prune_theme_stylesheets(tmp_path)
    assert sheet.read_text(encoding="utf-8") == "[data-md-color-scheme=default]{color:#000}[data-md-color-scheme=slate]{color:#fff}"


def test_search_result_rules_move_to_their_own_stylesheet() -> None:
    """Rules for results leave main.css, also from a shared selector list and from inside @media."""
    rest, results = split_search_results_css(".a,.md-search-result__link{color:red}@media print{.md-search-result{display:none}.b{x:y}}")
    assert rest == ".a{color:red}@media print{.b{x:y}}"
    assert results == ".md-search-result__link{color:red}@media print{.md-search-result{display:none}}"


def test_blank_space_goes_but_not_inside_a_textarea_or_pre() -> None:
    """Indentation and blank lines go between elements; what a reader types or sees in pre stays."""
    html = '<div>\n    <p>\n      Tekst\n\n    </p>\n</div>\n<textarea>\n  svar\n\n</textarea>\n<pre>\n  kode\n</pre>'
    assert compact_html(html) == '<div>\n<p>\nTekst\n</p>\n</div>\n<textarea>\n  svar\n\n</textarea>\n<pre>\n  kode\n</pre>'


def test_own_css_and_js_lose_comments_not_meaning() -> None:
    """Comments and blank space go; a string with a double slash and a space inside a string stay."""
    assert minified_css('/* note */\n.a  .b {\n  content: "  x";\n  color: red !important;\n}\n') == '.a .b{content:"  x";color:red!important}'
    script = '// note\n(function () {\n  "use strict";\n  var address = "http://x  y";  // inline\n  window.shown = address;\n})();\n'
    smaller = minified_js(script)
    assert "note" not in smaller and "inline" not in smaller and "address" not in smaller  # comments gone, a local name shortened
    assert '"use strict"' in smaller and '"http://x  y"' in smaller and "window.shown=" in smaller  # strings and globals kept
    assert len(smaller) < len(script) * 0.6


def test_a_script_the_minifier_cannot_read_stops_the_build_naming_it() -> None:
    """The site's own scripts are ES5: an arrow function is refused with the file's name, not shipped half-minified."""
    with pytest.raises(ScriptSyntaxError, match=r"docs/assets/javascripts/new\.js: .*plain ES5"):
        minified_js("var f = (x) => x;\n", "new.js")


def test_a_page_without_a_tool_loses_its_script() -> None:
    """The catalogue's script goes from a page without the catalogue; a page with it keeps it."""
    tag = '<script src="../assets/javascripts/catalogue.js"></script>'
    assert without_unused_tool_assets(f"<p>x</p>{tag}") == "<p>x</p>"
    assert without_unused_tool_assets(f'<div class="sv-catalogue">{tag}') == f'<div class="sv-catalogue">{tag}'


PERFECT = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def test_targets_pass_only_when_every_page_scores_100_in_every_category() -> None:
    """One line for the heaviest first view, one per category naming each page below 100 with its score."""
    sizes = {"/": 50_000, "faq/": 61_000}
    scores = {"/": PERFECT, "faq/": {**PERFECT, "performance": 97, "seo": 92}, "en/": PERFECT}
    targets = {name: (passed, measured) for name, passed, measured in targets_of(sizes, scores)}
    assert targets["first view of every page <= 60 KB gzipped"] == (False, "heaviest faq/ 61.0 KB over 2 pages")
    assert targets["Lighthouse mobile performance 100 on every page"] == (False, "2 of 3 pages; below: faq/ 97")
    assert targets["Lighthouse mobile accessibility 100 on every page"] == (True, "3 of 3 pages")
    assert targets["Lighthouse mobile seo 100 on every page"] == (False, "2 of 3 pages; below: faq/ 92")
    assert len(targets) == 5


def test_targets_without_lighthouse_are_the_first_view_alone() -> None:
    """With no Lighthouse scores (--sizes-only), only the first-view target is judged."""
    assert [passed for _, passed, _ in targets_of({"/": 40_000}, {})] == [True]


def run(performance: int, first_paint: float, interactive: float) -> LighthouseRun:
    """A run with the given performance score and timings, full marks elsewhere."""
    return LighthouseRun({**PERFECT, "performance": performance}, first_paint, interactive)


def test_the_median_run_is_the_one_nearest_the_median_first_paint_and_interactive() -> None:
    """As Lighthouse's computeMedianRun: not the best nor the worst run, but the middle one by its timings."""
    slow, middle, quick = run(80, 2000, 4000), run(95, 1200, 2500), run(100, 900, 2000)
    assert median_run([slow, quick, middle]) is middle
    assert median_run([quick]) is quick


def test_a_tie_goes_to_the_run_quicker_to_interactive_and_a_failed_run_is_never_the_median() -> None:
    """Two runs equally near the medians: the quicker counts; a run without timings lies furthest."""
    early, late = run(99, 1000, 2000), run(97, 1000, 3000)
    assert median_run([late, early]) is early
    failed = run_of({"url": "x", "error": "Chromium went away"})
    assert failed.scores["performance"] == 0 and failed.failing == ("error: Chromium went away",)
    assert median_run([failed, early, late]) is early


def test_a_run_line_from_node_becomes_a_run() -> None:
    """The scores, both timings and the audits that cost points are kept."""
    line = {"url": "x", "scores": PERFECT, "fcp": 812.5, "interactive": 1900, "failing": ["link-text"], "runtimeError": None}
    assert run_of(line) == LighthouseRun(PERFECT, 812.5, 1900.0, ("link-text",))


def test_pages_are_chosen_by_glob_on_the_path_the_front_page_as_slash() -> None:
    """'--pages' patterns match the shown path; without patterns every page is measured."""
    paths = ["", "en/", "faq/", "en/inspiration/", "en/inspiration/mentor/", "404.html"]
    assert chosen_pages(paths, None) == paths
    assert chosen_pages(paths, ["/"]) == [""]
    assert chosen_pages(paths, ["en/inspiration/*", "faq/"]) == ["faq/", "en/inspiration/", "en/inspiration/mentor/"]


def test_a_page_line_says_when_the_median_of_three_runs_counts_and_what_failed() -> None:
    """Four scores, the page, the first run's scores beside the median, and the audits below full marks."""
    first = {**PERFECT, "performance": 91}
    line = page_line("faq/", PageScores(LighthouseRun({**PERFECT, "performance": 98}, failing=("total-blocking-time",)), 3, first))
    assert line == " 98 100 100 100  faq/  (median of 3 runs; first run 91 100 100 100)  failing: total-blocking-time"
    assert page_line("/", PageScores(LighthouseRun(PERFECT), 1, PERFECT)) == "100 100 100 100  /"
