"""Hostile and broken input in pages, front matter and data: refused with a message, or made harmless."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from seniorsite.data.page_check import page_problems
from seniorsite.data.site_data import load_site_data
from seniorsite.data.yaml_source import LineDict, LineList, line_of, read_yaml
from seniorsite.languages import LANGUAGES
from seniorsite.problems import ContentError
from tests.helpers import PROJECT, build, copy_project

CORPUS = PROJECT / "tests" / "hostile_pages"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
REFUSED = sorted(name for name, outcome in EXPECTED.items() if "refused" in outcome)
HARMLESS = sorted(name for name, outcome in EXPECTED.items() if "refused" not in outcome)
SCRIPT = "<script>alert(1)</script>"


def test_every_corpus_page_has_an_expected_outcome() -> None:
    """Each hostile page on disk says whether it is refused or harmless, and there are enough of them."""
    assert sorted(path.name for path in CORPUS.glob("*.md")) == sorted(EXPECTED)
    assert len(REFUSED) >= 15 and len(HARMLESS) >= 8


@pytest.mark.parametrize("name", REFUSED)
def test_a_hostile_page_is_refused_naming_file_line_and_field(name: str, tmp_path: Path) -> None:
    """Script, frames, objects, styles, handlers and script addresses in a page or its front matter are refused."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    shutil.copy(CORPUS / name, docs / "om.md")
    assert [str(problem) for problem in page_problems(docs, LANGUAGES)] == EXPECTED[name]["refused"]


def test_a_hostile_page_stops_the_real_build(tmp_path: Path) -> None:
    """The build itself runs the page check: a page with script fails with the page's message."""
    project = copy_project(tmp_path / "project")
    shutil.copy(CORPUS / "refuse-img-onerror.md", project / "docs" / "om.en.md")
    result = build(project, tmp_path / "site", pdfs=False)
    assert result.returncode != 0
    assert "docs/om.en.md:3: an event handler (like onclick=) is not allowed in a page" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def with_owner(page: Path) -> bytes:
    """Return a corpus page as every page must be: with its owner and review date in the front matter (schemas/page.schema.json)."""
    raw = page.read_bytes()
    mark = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw.removeprefix(mark).decode("utf-8")
    fields = "owner: KL og Forhandlingsfællesskabet\nreview: 2027-12-01\n"
    text = f"---\n{fields}{text[4:]}" if text.startswith("---\n") else f"---\n{fields}---\n\n{text}"
    return mark + text.encode("utf-8")


@pytest.fixture(scope="module")
def harmless_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project once with every harmless page added, in both languages."""
    project = copy_project(tmp_path_factory.mktemp("harmless") / "project")
    config_path = project / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    entries = []
    for index, name in enumerate(HARMLESS):
        for suffix in (".md", ".en.md"):
            (project / "docs" / f"hostile-{index}{suffix}").write_bytes(with_owner(CORPUS / name))
        entries.append(f"  - Hostile {index}: hostile-{index}.md")
    config_path.write_text(config.rstrip("\n") + "\n" + "\n".join(entries) + "\n", encoding="utf-8")
    result = build(project, project / "site", pdfs=False)
    assert result.returncode == 0, result.output
    return project / "site"


def content_of(site: Path, language_prefix: str, index: int) -> BeautifulSoup:
    """Return one built harmless page."""
    return BeautifulSoup((site / language_prefix / f"hostile-{index}" / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", HARMLESS)
def test_a_harmless_page_shows_its_text_and_runs_nothing(name: str, harmless_site: Path) -> None:
    """Code, entities, look-alike words and a byte-order mark build, show as text, and add no script."""
    index = HARMLESS.index(name)
    for prefix in ("", "en/"):
        soup = content_of(harmless_site, prefix, index)
        article = soup.select_one("article.md-content__inner")
        assert article.find_all(["script", "iframe", "object", "embed", "style"]) == []
        assert not [tag for tag in article.find_all(True) for attribute in tag.attrs if attribute.lower().startswith("on")]
        assert not [a for a in article.find_all("a", href=True) if a["href"].strip().lower().startswith(("javascript:", "data:"))]
        outcome = EXPECTED[name]
        if "harmless" in outcome:
            assert outcome["harmless"] in " ".join(article.get_text("").split())
        else:
            assert soup.find("meta", attrs={"name": "description"})["content"] == outcome["harmless_description"]


def text_fields(node: Any, path: list[str | int]) -> list[list[str | int]]:
    """List the path of every text in a data document."""
    if isinstance(node, LineDict):
        return [p for key, value in node.items() for p in text_fields(value, path + [key])]
    if isinstance(node, LineList):
        return [p for index, value in enumerate(node) for p in text_fields(value, path + [index])]
    return [path] if isinstance(node, str) else []


def set_field(document: Any, path: list[str | int], value: str) -> None:
    """Replace one text in a loaded document."""
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


def field_cases() -> list[tuple[str, list[str | int]]]:
    """Every text field of the data files (each written on a line of its own)."""
    cases = []
    for name in ("faq", "events", "conversation", "glossary", "catalogue"):
        document = read_yaml(PROJECT / "data" / f"{name}.yml", f"data/{name}.yml")
        lines = (PROJECT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()
        # Texts written inline as {da: …, en: …} share a line; the block-style ones cover each field.
        cases += [(name, path) for path in text_fields(document, []) if "{" not in lines[line_of(document, path) - 1]]
    return cases


FIELDS = field_cases()


def test_the_field_corpus_covers_every_text_field() -> None:
    """Both data files contribute fields: ids, kinds, titles, texts in both languages, dates, links."""
    assert len(FIELDS) > 60
    assert {str(path[-1]) for _, path in FIELDS} >= {"id", "da", "en", "topic", "kind", "start", "recording"}


@pytest.mark.parametrize(("name", "path"), FIELDS, ids=[f"{n}:{'.'.join(map(str, p))}" for n, p in FIELDS])
def test_script_in_any_data_field_is_refused(name: str, path: list[str | int], tmp_path: Path) -> None:
    """Putting <script> into any one text of the data stops the build, naming the file and that field's line."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    target = tmp_path / "data" / f"{name}.yml"
    document = read_yaml(target, f"data/{name}.yml")
    line = line_of(document, path)
    lines = target.read_text(encoding="utf-8").splitlines()
    original = lines[line - 1]
    key = f"{path[-1]}:"
    key_at = original.index(key)
    lines[line - 1] = f"{original[:key_at + len(key)]} '{SCRIPT}'"
    if original.rstrip().endswith(("|", ">")):
        # A block text continues on the following, more indented lines: drop them with the old value.
        while line < len(lines) and (not lines[line].strip() or len(lines[line]) - len(lines[line].lstrip()) > key_at):
            del lines[line]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_site_data(tmp_path)
    lines_named = {problem.line for problem in caught.value.problems if problem.file == f"data/{name}.yml"}
    assert line in lines_named, str(caught.value)


def test_a_one_megabyte_field_is_refused(tmp_path: Path) -> None:
    """A 1 MB answer is refused as too long, by name."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    faq = tmp_path / "data" / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("        Always check that the texts match the agreements that apply to you.", "        " + "x" * 1_048_576), encoding="utf-8")
    with pytest.raises(ContentError, match=r"data/faq.yml:\d+: question \"tilpasse-vaerktoejerne\": 'answer.en' is too long: at most 5000 characters"):
        load_site_data(tmp_path)


def test_a_byte_order_mark_in_a_data_file_is_harmless(tmp_path: Path) -> None:
    """A data file saved 'UTF-8 with BOM' loads as if it had none."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    events = tmp_path / "data" / "events.yml"
    events.write_bytes(b"\xef\xbb\xbf" + events.read_bytes())
    assert len(load_site_data(tmp_path).events) == 6
