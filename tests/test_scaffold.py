"""`make new-example`, `make new-event`, `make new-faq`: entries that build at once, and input that is refused before anything is written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from seniorsite.editing import scaffold
from seniorsite.languages import LANGUAGES, language_prefix
from tests.helpers import PROJECT, BuildResult, build, copy_project, soup_of

EXAMPLE_ARGS = [
    "example", "--title-da", "Kortere dage for en pædagog", "--title-en", "Shorter days for a pedagogue",
    "--description-da", "Et tænkt eksempel på en pædagog, der går ned i tid.",
    "--description-en", "An imagined example of a pedagogue who works fewer hours.",
    "--solution", "nedsat-tid", "--themes", "arbejdstid,helbred-og-energi", "--sectors", "dagtilbud",
    "--initiative", "medarbejder", "--effort", "lille",
    "--intro-da", "Færre timer kan give mere energi. Det kan gøre det lettere at blive i jobbet.",
    "--intro-en", "Fewer hours can give more energy. That can make it easier to stay in the job.",
    "--example-da", "En pædagog på 62 er træt efter lange dage. Hun går ned til 30 timer om ugen.",
    "--example-en", "A pedagogue aged 62 is tired after long days. She goes down to 30 hours a week.",
    "--steps-da", "Tal om det i seniorsamtalen.", "--steps-da", "Aftal de nye timer.",
    "--steps-en", "Talk about it in the senior conversation.", "--steps-en", "Agree on the new hours.",
    "--cautions-da", "Pensionen kan blive mindre.", "--cautions-en", "The pension may be smaller.",
]
EXAMPLE_SLUG = "kortere-dage-for-en-paedagog"
EVENT_ARGS = [
    "event", "--id", "temadag-2024-03-05", "--kind", "conference",
    "--title-da", "Temadag om gode seniorordninger", "--title-en", "Theme day on good senior arrangements",
    "--description-da", "En dag for HR og ledere om gode seniorordninger.", "--description-en", "A day for HR and managers on good senior arrangements.",
    "--location-da", "Odense", "--location-en", "Odense", "--start", "2024-03-05T09:00", "--end", "2024-03-05T15:00",
]
FAQ_ARGS = [
    "faq", "--id", "hvem-betaler", "--topic", "vaerktoejerne",
    "--question-da", "Hvem betaler for udviklingsdagene?", "--question-en", "Who pays for the development days?",
    "--answer-da", "Det gør kommunen selv.\n\nSpørg HR, hvis du er i tvivl.", "--answer-en", "The municipality pays.\n\nAsk HR if you are unsure.",
]
ANCHOR = re.compile(r"\{ #([a-z-]+) \}")


def run(project: Path, argv: list[str]) -> int:
    """Run the scaffold in a project as from a script, with no terminal to ask in."""
    return scaffold.main(argv, project_dir=project, terminal=False)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """A copy of the project with one new example, event and FAQ question, built once without PDFs."""
    project = copy_project(tmp_path_factory.mktemp("scaffolded"))
    for argv in (EXAMPLE_ARGS, EVENT_ARGS, FAQ_ARGS):
        assert run(project, argv) == 0
    return project, build(project, project / "site", pdfs=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project to refuse things in."""
    return copy_project(tmp_path)


def test_the_new_entries_build_strictly(scaffolded: tuple[Path, BuildResult]) -> None:
    """The strict build passes with all three new entries, with no change by hand."""
    _, result = scaffolded
    assert result.returncode == 0, result.output


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_example_has_its_page_and_its_card(scaffolded: tuple[Path, BuildResult], language: str) -> None:
    """Its page in each language carries its title; the catalogue overview lists it as a card."""
    project, result = scaffolded
    prefix = language_prefix(language)
    title = {"da": "Kortere dage for en pædagog", "en": "Shorter days for a pedagogue"}[language]
    page = soup_of(result.site, f"{prefix}inspiration/{EXAMPLE_SLUG}/")
    assert page.select_one("article h1").get_text(strip=True).removesuffix("¶") == title
    assert ("Et tænkt eksempel:" if language == "da" else "An imagined example:") in page.select_one("article").get_text()
    cards = soup_of(result.site, f"{prefix}inspiration/").select("li.sv-card a")
    assert title in [card.get_text(strip=True) for card in cards]


def test_the_new_example_is_shaped_like_the_existing_ones(scaffolded: tuple[Path, BuildResult]) -> None:
    """Same sections with the same anchors as an existing example, in both twins."""
    project, _ = scaffolded
    existing = (PROJECT / "docs/inspiration/mentor-i-loenafdelingen.md").read_text(encoding="utf-8")
    for suffix in (".md", ".en.md"):
        new = (project / f"docs/inspiration/{EXAMPLE_SLUG}{suffix}").read_text(encoding="utf-8")
        assert ANCHOR.findall(new) == ANCHOR.findall(existing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_question_and_event_show_on_their_pages(scaffolded: tuple[Path, BuildResult], language: str) -> None:
    """The FAQ page and the events page of each language show the new entries in that language."""
    _, result = scaffolded
    prefix = language_prefix(language)
    question = {"da": "Hvem betaler for udviklingsdagene?", "en": "Who pays for the development days?"}[language]
    event = {"da": "Temadag om gode seniorordninger", "en": "Theme day on good senior arrangements"}[language]
    faq = soup_of(result.site, f"{prefix}faq/").find(id="hvem-betaler")
    assert faq is not None and question in faq.get_text()
    events = soup_of(result.site, f"{prefix}arrangementer/").find(id="temadag-2024-03-05")
    assert events is not None and event in events.get_text()


def test_appended_entries_keep_the_files_comments_and_style(scaffolded: tuple[Path, BuildResult]) -> None:
    """The data files keep every line they had; the new entry follows in their own layout."""
    project, _ = scaffolded
    for name, first_line in (("data/faq.yml", "  - id: hvem-betaler\n    topic: vaerktoejerne\n"), ("data/events.yml", '  - id: temadag-2024-03-05\n')):
        before = (PROJECT / name).read_text(encoding="utf-8")
        after = (project / name).read_text(encoding="utf-8")
        assert after.startswith(before.rstrip("\n") + "\n\n" + first_line)
    assert '    start: "2024-03-05T09:00"\n' in (project / "data/events.yml").read_text(encoding="utf-8")


def test_a_solution_not_in_the_catalogue_is_refused_and_nothing_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The message names the field and every allowed value; no page is written."""
    before = sorted((project / "docs/inspiration").iterdir())
    argv = [value if value != "nedsat-tid" else "kortere-tid" for value in EXAMPLE_ARGS]
    assert run(project, argv) == 1
    message = capsys.readouterr().err
    assert "Intet er skrevet" in message and "'solution' kortere-tid is not one of: nedsat-tid, fleksibel-tid" in message
    assert "fastholdelsesbonus" in message and f"docs/inspiration/{EXAMPLE_SLUG}.md" in message
    assert sorted((project / "docs/inspiration").iterdir()) == before


def test_a_wrong_event_is_refused_with_the_builds_own_words(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An id with capitals and an unknown kind are named with their line; events.yml is unchanged."""
    before = (project / "data/events.yml").read_text(encoding="utf-8")
    argv = [{"temadag-2024-03-05": "Temadag", "conference": "party"}.get(value, value) for value in EVENT_ARGS]
    assert run(project, argv) == 1
    message = capsys.readouterr().err
    assert "data/events.yml:" in message and "'id' must be short lowercase words joined by hyphens" in message
    assert "'kind' must be one of: webinar, development-day, deadline, launch, meeting, conference" in message
    assert (project / "data/events.yml").read_text(encoding="utf-8") == before


def test_an_id_already_used_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FAQ question may not take the id of one that exists."""
    before = (project / "data/faq.yml").read_text(encoding="utf-8")
    argv = [value if value != "hvem-betaler" else "tilpasse-vaerktoejerne" for value in FAQ_ARGS]
    assert run(project, argv) == 1
    assert "'id' tilpasse-vaerktoejerne is already used at line 34" in capsys.readouterr().err
    assert (project / "data/faq.yml").read_text(encoding="utf-8") == before


def test_missing_fields_without_a_terminal_are_listed(project: Path) -> None:
    """Run as `make new-faq` would with no terminal: it lists what is missing, in Danish, and writes nothing."""
    before = (project / "data/faq.yml").read_text(encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "seniorsite.editing.scaffold", "faq", "--id", "hvem-betaler", "--question-da", "Hvem betaler?"],
                               cwd=project, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert "Disse felter mangler: --topic, --question-en, --answer-da, --answer-en" in completed.stderr
    assert "make new-faq ARGS=" in completed.stderr and "Intet er skrevet." in completed.stderr
    assert (project / "data/faq.yml").read_text(encoding="utf-8") == before


def test_an_existing_example_is_not_overwritten(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title that gives the name of an existing page is refused, and the page stays as it was."""
    page = project / "docs/inspiration/mentor-i-loenafdelingen.md"
    before = page.read_text(encoding="utf-8")
    assert run(project, [*EXAMPLE_ARGS, "--slug", "mentor-i-loenafdelingen"]) == 1
    assert "docs/inspiration/mentor-i-loenafdelingen.md findes allerede" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == before


def test_a_terminal_asks_for_what_is_missing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a terminal each missing field is asked for; a topic is picked by its number, a wrong number asked again."""
    answers = iter(["9", "2", "Hvem betaler?", "Who pays?", "Kommunen.", "The municipality."])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert scaffold.main(["faq", "--id", "hvem-betaler"], project_dir=project, terminal=True) == 0
    text = (project / "data/faq.yml").read_text(encoding="utf-8")
    assert text.endswith("  - id: hvem-betaler\n    topic: hovedmed\n    question:\n      da: Hvem betaler?\n      en: Who pays?\n"
                         "    answer:\n      da: Kommunen.\n      en: The municipality.\n")
