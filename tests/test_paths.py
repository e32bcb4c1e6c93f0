"""The tasks step by step: the paths' data and its checks, each task's page, the cards, and the step box on every page a task leads to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from seniorsite.data.paths import ACTIONS, FILE_FOLDERS, TaskPath, is_file_target, load_paths
from seniorsite.data.site_data import load_site_data
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import PDF_FOLDER
from seniorsite.outputs.word.publish import WORD_FOLDER
from seniorsite.page.markers import replace_markers
from seniorsite.page.render import PageRenderer, partials_environment
from seniorsite.page.task_paths import step_href
from seniorsite.problems import ContentError
from seniorsite.strings import load_strings
from tests.helpers import BUILD_MOMENT, PROJECT, BuildResult, soup_of

PATHS = load_site_data(PROJECT).paths
STRINGS = {language: load_strings(PROJECT / "overrides", language) for language in LANGUAGES}
WIDTHS = (390, 1280)


def page_path(source: str, language: str) -> str:
    """Return a Danish page source's built folder in a language, like en/opgaver/seniorsamtale/."""
    stem = source.removesuffix(".md")
    folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"
    return language_prefix(language) + folder


def step_of(task: TaskPath, number: int, language: str) -> str:
    """Return the words of the box's line for a task's step, like 'Trin 2 af 5 i:'."""
    return STRINGS[language]("path.step_of").replace("{number}", str(number)).replace("{total}", str(len(task.steps)))


def trail_lines(soup: BeautifulSoup) -> list[BeautifulSoup]:
    """Return the lines of a page's step box (none when the page is no step)."""
    box = soup.select_one("article nav.sv-trail")
    return box.find_all("p") if box else []


# ---- the data ---------------------------------------------------------------------------------------------------------

def test_the_six_tasks_load_each_with_three_to_six_steps_ending_on_a_page() -> None:
    """Every task has 3–6 steps, at least one that is done (not only read), and ends on a page."""
    assert [task.id for task in PATHS.paths] == [
        "seniorsamtale", "seniorpolitik", "fortael-om-indsatsen", "loesning-til-en-medarbejder", "kend-reglerne", "moede-i-hovedmed"]
    for task in PATHS.paths:
        assert 3 <= len(task.steps) <= 6, task.id
        assert any(step.action in ("fill-in", "form", "download") for step in task.steps), task.id
        assert task.steps[-1].page is not None, task.id
        assert task.page.source.startswith("opgaver/")


def test_the_schema_lists_exactly_the_codes_kinds_of_action_and_file_folders() -> None:
    """The schema's enum is the one list in the code; its file pattern names the folders the outputs write."""
    schema = json.loads((PROJECT / "schemas" / "paths.schema.json").read_text(encoding="utf-8"))
    step = schema["properties"]["paths"]["items"]["properties"]["steps"]["items"]["properties"]
    assert tuple(step["action"]["enum"]) == ACTIONS
    assert set(FILE_FOLDERS) == {PDF_FOLDER, WORD_FOLDER}
    assert all(f"{folder}" in step["target"]["pattern"] for folder in FILE_FOLDERS)


def test_a_file_step_links_the_file_in_the_pages_language() -> None:
    """A step that leads to a file names its Danish file; the English page links the English one, at the site's root."""
    step = next(step for task in PATHS.paths for step in task.steps if step.file)
    assert step.file.endswith(("-da.docx", "-da.pdf"))
    assert step_href(step, "../../", "da") == "../../" + step.file
    assert step_href(step, "../../", "en") == "../../../" + step.file.replace("-da.", "-en.")
    assert is_file_target(step.file) and not is_file_target("arbejdshaandbog/regler.md#seniordage")


def broken_paths(tmp_path: Path, old: str, new: str) -> list[str]:
    """Load the real paths with one text replaced, checked against the real pages; return the problems."""
    text = (PROJECT / "data" / "paths.yml").read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "paths.yml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    paths, problems = load_paths(target, "data/paths.yml", PROJECT / "schemas", PROJECT / "docs")
    assert paths is None
    return [str(problem) for problem in problems]


def line_of_text(text: str) -> int:
    """Return the line in data/paths.yml where a text first stands."""
    source = (PROJECT / "data" / "paths.yml").read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


def test_an_unknown_page_is_named_with_its_file_line_path_and_step(tmp_path: Path) -> None:
    """A step to a page that does not exist names both languages' files."""
    line = line_of_text("target: inspiration/index.md")
    assert broken_paths(tmp_path, "target: inspiration/index.md", "target: inspiration/eksempler.md") == [
        f'data/paths.yml:{line}: path "seniorsamtale", step 4: \'target\' inspiration/eksempler.md leads nowhere: docs/inspiration/eksempler.md does not exist',
        f'data/paths.yml:{line}: path "seniorsamtale", step 4: \'target\' inspiration/eksempler.md leads nowhere: docs/inspiration/eksempler.en.md does not exist',
    ]


def test_an_anchor_that_is_no_heading_on_the_page_is_named(tmp_path: Path) -> None:
    """A step to a heading the page does not have names the heading it looked for."""
    line = line_of_text("target: arbejdshaandbog/regler.md#databeskyttelse")
    problems = broken_paths(tmp_path, "regler.md#databeskyttelse", "regler.md#gdpr")
    assert problems[0] == (f'data/paths.yml:{line}: path "seniorsamtale", step 5: \'target\' arbejdshaandbog/regler.md#gdpr leads nowhere: '
                           "docs/arbejdshaandbog/regler.md has no heading with { #gdpr }")
    assert len(problems) == 2


def test_a_task_page_without_the_marker_and_an_unknown_task_page_are_named(tmp_path: Path) -> None:
    """The task's own page must exist and show the steps."""
    line = line_of_text("page: opgaver/seniorpolitik.md")
    assert broken_paths(tmp_path, "page: opgaver/seniorpolitik.md", "page: arbejdshaandbog/seniorpolitik.md")[:2] == [
        f"data/paths.yml:{line}: path \"seniorpolitik\": 'page' docs/arbejdshaandbog/seniorpolitik.md does not show the steps; put <!-- insert: path --> on it",
        f"data/paths.yml:{line}: path \"seniorpolitik\": 'page' docs/arbejdshaandbog/seniorpolitik.en.md does not show the steps; put <!-- insert: path --> on it",
    ]
    assert broken_paths(tmp_path, "page: opgaver/seniorpolitik.md", "page: opgaver/politik.md")[0].endswith("docs/opgaver/politik.md does not exist")


def test_a_page_twice_in_a_path_a_file_at_the_end_and_a_file_that_is_no_download_are_refused(tmp_path: Path) -> None:
    """A path visits each page once, ends on a page, and a step to a file is a download."""
    twice = broken_paths(tmp_path, "target: inspiration/index.md", "target: samtaleskabelon/index.md#samtalen")
    assert twice == [f'data/paths.yml:{line_of_text("target: inspiration/index.md")}: path "seniorsamtale", step 4: \'target\' samtaleskabelon/index.md#samtalen '
                     "is a page that step 1 already leads to; a path visits each page once"]
    last = broken_paths(tmp_path, "target: ordliste.md\n        action: read", "target: pdf/seniorvaerktoejer-arbejdshaandbog-da.pdf\n        action: download")
    assert last[0].endswith("'target' pdf/seniorvaerktoejer-arbejdshaandbog-da.pdf is a file; the last step must be a page, where the reader ends up")
    assert "step 5" in last[0]
    not_download = broken_paths(tmp_path, "        action: download\n        title:\n          da: Hent plakaten", "        action: read\n        title:\n          da: Hent plakaten")
    assert not_download == [f'data/paths.yml:{line_of_text("da: Hent plakaten") - 2}: path "fortael-om-indsatsen", step 3: \'action\' is read, '
                            "but the step leads to the file pdf/seniorvaerktoejer-plakat-a4-da.pdf; a step that leads to a file is a download"]


def test_a_task_page_is_shown_on_one_task_only(tmp_path: Path) -> None:
    """Two tasks cannot share a page."""
    problems = broken_paths(tmp_path, "page: opgaver/seniorpolitik.md", "page: opgaver/seniorsamtale.md")
    assert any("'page' opgaver/seniorsamtale.md is already the page of the path at line" in problem for problem in problems)


def renderer(source: str, language: str = "da") -> PageRenderer:
    """Return the renderer of one page, as the build makes it."""
    return PageRenderer(environment=partials_environment(PROJECT / "overrides"), data=load_site_data(PROJECT), language=language,
                        t=STRINGS[language], now=BUILD_MOMENT, root="../", page_url="", events_url="", page_source=source)


def test_the_path_marker_on_a_page_that_is_no_tasks_page_stops_with_file_and_line() -> None:
    """`insert: path` on a page no path names is refused at the marker's line."""
    markdown = "# Om\n\nTekst.\n\n<!-- insert: path -->\n"
    with pytest.raises(ContentError) as caught:
        replace_markers(markdown, renderer("om.md").renderers(), "docs/om.md", 6)
    assert [str(problem) for problem in caught.value.problems] == [
        "docs/om.md:11: the marker '<!-- insert: path -->' shows a task's steps, but no path in data/paths.yml has 'page: om.md'; add the path, or remove the marker"]


def test_the_steps_are_escaped_and_in_order() -> None:
    """The steps render in order from the data, as text (never HTML)."""
    html = renderer("opgaver/seniorsamtale.md").path()
    soup = BeautifulSoup(html, "html.parser")
    titles = [a.get_text() for a in soup.select("li h2 a")]
    assert titles == [step.title["da"] for step in PATHS.for_page("opgaver/seniorsamtale.md").steps]


# ---- the built site ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_each_task_page_holds_its_steps_in_order(built_site: BuildResult, language: str) -> None:
    """Each task's page: its title, the two-sentence intro, then every step in order with its link, text and kind of action."""
    for task in PATHS.paths:
        where = page_path(task.page.source, language)
        soup = soup_of(built_site.site, where)
        article = soup.select_one("article")
        assert article.h1.get_text().removesuffix("¶").strip() == task.title[language]
        steps = article.select("ol.sv-steps > li")
        assert [li.select_one("h2 a").get_text() for li in steps] == [step.title[language] for step in task.steps]
        assert [li.select("p")[-1].get_text() for li in steps] == [step.text[language] for step in task.steps]
        assert [li.select_one(".sv-steps__action").get_text().split(" (")[0] for li in steps] == [
            STRINGS[language](f"path.action.{step.action}") for step in task.steps]
        for li, step in zip(steps, task.steps, strict=True):
            href = urlsplit(urljoin(f"https://x/{where}", li.select_one("h2 a")["href"]))
            expected = page_path(step.page.source, language) if step.page else step.file_in(language)
            assert href.path == f"/{expected}", (task.id, step.title)
            assert href.fragment == (step.page.anchor if step.page else "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_page_shows_where_it_lies_one_line_per_task(built_site: BuildResult, language: str) -> None:
    """A step's page says 'step N of M' right after its title, one line per task it is a step in; a page two tasks lead to has two lines."""
    for source, places in PATHS.places.items():
        soup = soup_of(built_site.site, page_path(source, language))
        h1 = soup.select_one("article h1")
        after_title = next(sibling for sibling in h1.find_next_siblings() if "sv-download" not in sibling.get("class", []))
        assert after_title.name == "nav" and "sv-trail" in after_title["class"], source  # after the page's downloads, if it has any
        lines = trail_lines(soup)
        assert [line.contents[0].strip() for line in lines] == [step_of(place.path, place.index + 1, language) for place in places], source
        assert [line.a.get_text() for line in lines] == [place.path.title[language] for place in places]
    assert len(trail_lines(soup_of(built_site.site, page_path("samtaleskabelon/formular.md", language)))) == 2
    assert len(trail_lines(soup_of(built_site.site, page_path("arbejdshaandbog/regler.md", language)))) == 3
    assert trail_lines(soup_of(built_site.site, page_path("om.md", language))) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tasks_index_shows_every_task_as_a_card(built_site: BuildResult, language: str) -> None:
    """The tasks' index page: one card per task, its title linking to its page, who it is for and what they get."""
    soup = soup_of(built_site.site, page_path("opgaver/index.md", language))
    cards = soup.select("ul.sv-tasks > li")
    assert [card.h2.a.get_text() for card in cards] == [task.title[language] for task in PATHS.paths]
    index = page_path("opgaver/index.md", language)
    assert [urlsplit(urljoin(f"https://x/{index}", card.h2.a["href"])).path for card in cards] == [
        "/" + page_path(task.page.source, language) for task in PATHS.paths]
    assert all(task.who[language] in card.get_text() and task.gets[language] in card.get_text() for card, task in zip(cards, PATHS.paths, strict=True))


# ---- in the browser ---------------------------------------------------------------------------------------------------

pytest_browser = pytest.mark.browser


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def tab(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser page at a phone's and a desktop's width."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def line_for(tab: object, task: TaskPath) -> object:
    """Return the step box's line for a task on the open page."""
    return tab.locator("nav.sv-trail p").filter(has=tab.locator(f'a:text-is("{task.title[tab.language]}")'))


@pytest_browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_follows_every_task_from_the_front_page_to_its_last_step(tab: object, site_url: str, language: str) -> None:
    """From the front page a task's card leads to its page, whose first step's link leads on; on each step's page the box says 'step N of M', and its next link leads to the next step (a file is fetched, then the task's page leads past it), its previous link back."""
    tab.language = language
    for task in PATHS.paths:
        task_url = site_url + page_path(task.page.source, language)
        tab.goto(site_url + page_path("index.md", language))
        tab.locator("ul.sv-tasks > li h2 a").filter(has_text=task.title[language]).click()
        tab.wait_for_load_state()
        assert tab.url == task_url, task.id
        tab.locator("ol.sv-steps > li").nth(0).locator("h2 a").click()
        for number, step in enumerate(task.steps, start=1):
            if step.file:
                response = tab.request.get(site_url + step.file_in(language))
                assert response.ok, step.file
                tab.goto(task_url)
                tab.locator("ol.sv-steps > li").nth(number).locator("h2 a").click()
                continue
            tab.wait_for_load_state()
            assert urlsplit(tab.url).path.endswith("/" + page_path(step.page.source, language)), (task.id, number)
            line = line_for(tab, task)
            assert line.count() == 1, (task.id, number)
            assert line.inner_text().startswith(step_of(task, number, language))
            previous = line.locator("a[rel=prev]")
            if number == 1:
                assert previous.count() == 0
            else:
                assert previous.inner_text() == f"{STRINGS[language]('path.previous')}: {task.steps[number - 2].title[language]}"
            following = line.locator("a[rel=next]")
            if number == len(task.steps):
                assert following.count() == 0
                break
            assert following.inner_text() == f"{STRINGS[language]('path.next')}: {task.steps[number].title[language]}"
            assert following.is_visible()
            following.click()


@pytest_browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_previous_link_leads_back_to_the_step_before(tab: object, site_url: str, language: str) -> None:
    """On the last step's page of every task, the previous link leads to the step before it (or its file)."""
    tab.language = language
    for task in PATHS.paths:
        last = task.steps[-1]
        tab.goto(site_url + page_path(last.page.source, language))
        before = task.steps[-2]
        href = line_for(tab, task).locator("a[rel=prev]").get_attribute("href")
        target = urlsplit(urljoin(tab.url, href))
        expected = page_path(before.page.source, language) if before.page else before.file_in(language)
        assert target.path.endswith("/" + expected)
        assert target.fragment == (before.page.anchor if before.page else "")

