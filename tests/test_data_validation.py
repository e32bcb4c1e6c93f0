"""Loading and validating the data files: the real data loads, and every broken file says why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seniorsite.data.site_data import SiteDataCache, load_site_data
from seniorsite.problems import ContentError
from tests.helpers import PROJECT

BROKEN = sorted((PROJECT / "tests" / "broken_data").glob("*.yml"))


def project_with(tmp_path: Path, data_file: str, content: bytes) -> Path:
    """Return a copy of the data and schemas with one data file replaced."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    (tmp_path / "data" / data_file).write_bytes(content)
    return tmp_path


def expected_messages(case: Path) -> list[str]:
    """Read the `# expect:` lines a broken file carries at its top."""
    lines = case.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_the_real_data_loads() -> None:
    """The seed FAQ and events load without a problem."""
    data = load_site_data(PROJECT)
    assert [q.id for q in data.faq.questions] == [
        "tilpasse-vaerktoejerne", "hvor-starter-vi", "uden-net", "hovedmed-i-gang", "hvor-tit-hovedmed",
        "alder-for-seniorsamtale", "medarbejderen-siger-nej", "spoerge-om-pension", "samtale-uden-aftale", "noter-fra-samtalen",
        "formularen-gemmer-intet", "hvor-er-rammeaftalen", "hvilke-ordninger", "seniordage", "bytte-seniordage",
        "folkepensionsalder", "tidlig-pension-og-seniorpension", "efterloen",
    ]
    assert {e.id for e in data.events} == {
        "kick-off-2022-06-22", "tilmeldingsfrist-2022-09-01", "udviklingsdag-oest-2022-09-29",
        "udviklingsdag-vest-2022-10-11", "lancering-2023-09-04", "webinar-2023-09-14",
    }


def test_the_corpus_is_big_enough() -> None:
    """The corpus covers at least twenty broken files, each with at least one expected message."""
    assert len(BROKEN) >= 20
    assert all(expected_messages(case) for case in BROKEN)


@pytest.mark.parametrize("case", BROKEN, ids=[case.stem for case in BROKEN])
def test_broken_data_is_refused_with_its_messages(case: Path, tmp_path: Path) -> None:
    """Each broken file stops loading with exactly the messages it expects, naming file, line and entry."""
    data_file = case.name.split("-")[0] + ".yml"
    with pytest.raises(ContentError) as caught:
        load_site_data(project_with(tmp_path, data_file, case.read_bytes()))
    assert [str(problem) for problem in caught.value.problems] == expected_messages(case)


def test_problems_in_both_files_are_reported_together(tmp_path: Path) -> None:
    """One run reports the problems of every data file, not just the first file's."""
    project = project_with(tmp_path, "faq.yml", (PROJECT / "tests/broken_data/faq-unknown-topic.yml").read_bytes())
    shutil.copy(PROJECT / "tests/broken_data/events-end-before-start.yml", project / "data" / "events.yml")
    with pytest.raises(ContentError) as caught:
        load_site_data(project)
    files = {problem.file for problem in caught.value.problems}
    assert files == {"data/faq.yml", "data/events.yml"}
    assert str(caught.value).startswith("2 problems must be fixed:")


def test_a_list_instead_of_fields_is_explained(tmp_path: Path) -> None:
    """A file that holds a bare list instead of named fields says what it must be."""
    with pytest.raises(ContentError, match="data/faq.yml:1: 'the file' must be a group of fields"):
        load_site_data(project_with(tmp_path, "faq.yml", b"- id: x\n"))


def test_a_missing_data_file_is_named(tmp_path: Path) -> None:
    """A deleted data file is reported by name."""
    project = project_with(tmp_path, "faq.yml", b"")
    (project / "data" / "events.yml").unlink()
    with pytest.raises(ContentError, match="data/events.yml: the file is missing"):
        load_site_data(project)


def test_an_empty_file_says_what_is_missing(tmp_path: Path) -> None:
    """An empty FAQ file is named as empty."""
    with pytest.raises(ContentError, match="data/faq.yml:1: the file is empty"):
        load_site_data(project_with(tmp_path, "faq.yml", b""))


def test_data_is_loaded_once_until_a_file_changes(tmp_path: Path) -> None:
    """The cache loads once per run, and again only when a data file changes."""
    project = project_with(tmp_path, "faq.yml", (PROJECT / "data" / "faq.yml").read_bytes())
    cache = SiteDataCache()
    first, loaded_first = cache.get(project)
    second, loaded_second = cache.get(project)
    assert (loaded_first, loaded_second, cache.loads) == (True, False, 1)
    assert first is second
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("HovedMED og seniorpolitikken", "HovedMED og seniorpolitikken i år"), encoding="utf-8")
    third, loaded_third = cache.get(project)
    assert loaded_third and cache.loads == 2
    assert third.faq.topics[1].title["da"] == "HovedMED og seniorpolitikken i år"
