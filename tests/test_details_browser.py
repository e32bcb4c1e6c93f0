"""The details panel in Chromium, in both languages: fill in once, every text shows it, copy and save it, open it anywhere."""

from __future__ import annotations

import html
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import jsonschema
import odfdo
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from seniorsite.data.site_data import load_site_data
from seniorsite.page.fill_in import DETAILS_FILE_FORMAT, DETAILS_FILE_VERSION
from tests.helpers import PROJECT

pytestmark = pytest.mark.browser
DETAILS = load_site_data(PROJECT).details
PAGES = {"da": "kommunikation/", "en": "en/kommunikation/"}
# Values with the characters a Word file's XML and a page's HTML must keep as typed.
VALUES = {"kommune": "Ærø & Søby <Kommune>", "alder": "62", "kontakt-navn": "Kim \"K\" Eksempelsen", "kontakt-email": "kim@eksempel.dk"}
WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture
def reader(browser: object, site_url: str) -> Iterator[object]:
    """A desktop page that may download files and read the clipboard, and records script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.site_url = site_url
    yield page
    assert page.errors == []
    assert context.cookies() == []
    assert page.evaluate("() => Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0
    context.close()


def open_panel(page: object) -> None:
    """Press the button that opens the details panel, and wait until its fields are there."""
    page.locator("[data-details-opener] > button").click()
    page.locator("[data-details-panel] [data-detail-field]").first.wait_for()


def open_page(page: object, path: str) -> None:
    """Load a page, wait for its scripts, and open the details panel."""
    page.goto(page.site_url + path, wait_until="load")
    open_panel(page)


def fill(page: object, values: dict[str, str]) -> None:
    """Type each value into its field, as a reader would."""
    for field_id, value in values.items():
        page.fill(f"#sv-detail-{field_id}", value)


def shown(page: object, field_id: str) -> set[str]:
    """Return every text the page's spans of one field show."""
    return set(page.locator(f".sv-fill[data-field='{field_id}']").all_inner_texts())


def save(page: object, target: Path) -> dict:
    """Press 'save', keep the downloaded file and return its JSON."""
    with page.expect_download() as download:
        page.click("[data-details-action=save]")
    download.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def open_file(page: object, path: Path) -> None:
    """Press 'open' and choose a file."""
    with page.expect_file_chooser() as chooser:
        page.click("[data-details-action=open]")
    chooser.value.set_files(str(path))


@pytest.mark.parametrize("language", ["da", "en"])
def test_filling_in_shows_every_value_in_every_text_and_empty_fields_keep_their_prompt(reader: object, language: str) -> None:
    """Each typed value replaces its prompt everywhere on the page at once; a field left empty keeps its visible prompt."""
    open_page(reader, PAGES[language])
    used = {span.get_attribute("data-field") for span in reader.locator(".sv-fill").all()}
    assert {"kommune", "alder", "kontakt-navn", "medarbejder-navn"} <= used
    assert [field.id for field in DETAILS.fields if field.id in used] == [
        input_.get_attribute("data-detail-field") for input_ in reader.locator("[data-detail-field]").all()]
    fill(reader, VALUES)
    for field_id, value in VALUES.items():
        assert shown(reader, field_id) == {value}
    assert shown(reader, "leder-navn") == {DETAILS.by_id("leder-navn").prompt(language)}
    reader.fill("#sv-detail-alder", "")
    assert shown(reader, "alder") == {DETAILS.by_id("alder").prompt(language)}


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_copy_button_copies_the_filled_text(reader: object, language: str) -> None:
    """The copied text holds the values where the prompts stood."""
    open_page(reader, PAGES[language])
    fill(reader, VALUES)
    reader.locator("#intranet ~ .sv-copy .sv-copy__button").first.click()
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert VALUES["kommune"] in copied and VALUES["kontakt-email"] in copied
    assert DETAILS.by_id("kommune").prompt(language) not in copied
    assert DETAILS.by_id("kontakt-telefon").prompt(language) in copied  # left empty: still there to fill in by hand


def test_save_reload_and_open_on_another_page_in_the_other_language_brings_every_value_back(reader: object, tmp_path: Path) -> None:
    """Save on the Danish kit, reload (nothing kept), open the file on the English poster: every value is back, in the fields and the texts."""
    open_page(reader, PAGES["da"])
    fill(reader, VALUES)
    saved = save(reader, tmp_path / "oplysninger.json")
    jsonschema.validate(saved, json.loads((PROJECT / "schemas" / "details-file.schema.json").read_text(encoding="utf-8")))
    assert saved == {"format": DETAILS_FILE_FORMAT, "version": DETAILS_FILE_VERSION, "details": VALUES}
    reader.reload(wait_until="load")
    open_panel(reader)
    assert reader.input_value("#sv-detail-kommune") == ""
    assert shown(reader, "kommune") == {DETAILS.by_id("kommune").prompt("da")}
    open_page(reader, "en/kommunikation/plakat/")
    open_file(reader, tmp_path / "oplysninger.json")
    expect(reader.locator("[data-details-status]")).to_have_text("The file is open. Your details are now in the texts.")
    for field_id, value in VALUES.items():
        assert reader.input_value(f"#sv-detail-{field_id}") == value
        assert shown(reader, field_id) == {value}


def test_a_value_this_page_does_not_ask_for_is_kept_when_saving_again(reader: object, tmp_path: Path) -> None:
    """A file from another page may hold fields this page lacks: they survive a round through this page."""
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": DETAILS_FILE_FORMAT, "version": 1, "details": {"kommune": "Prøveby", "fremtidigt-felt": "behold mig"}}), encoding="utf-8")
    open_page(reader, PAGES["da"])
    open_file(reader, other)
    expect(reader.locator("[data-details-status]")).to_have_text("Filen er åbnet. Oplysningerne står nu i teksterne.")
    assert shown(reader, "kommune") == {"Prøveby"}
    assert save(reader, tmp_path / "again.json")["details"] == {"kommune": "Prøveby", "fremtidigt-felt": "behold mig"}


@pytest.mark.parametrize(("content", "message"), [
    ("{ this is not json", "Filen kan ikke læses. Det er ikke en fil med jeres oplysninger. Intet af det, du har skrevet, er ændret."),
    (json.dumps({"format": "seniorvaerktoejer-samtale", "version": 1, "language": "da", "role": "leder", "answers": {}}),
     "Filen er ikke en fil med oplysninger fra Seniorværktøjer. Intet af det, du har skrevet, er ændret."),
    (json.dumps({"format": DETAILS_FILE_FORMAT, "version": 2, "details": {}}),
     "Filen er gemt af en nyere udgave af siden. Intet af det, du har skrevet, er ændret."),
    (json.dumps({"format": DETAILS_FILE_FORMAT, "version": 1, "details": {"kommune": ["not", "text"]}}),
     "Filen kan ikke læses. Det er ikke en fil med jeres oplysninger. Intet af det, du har skrevet, er ændret."),
], ids=["not-json", "conversation-file", "newer-version", "wrong-value"])
def test_a_broken_or_foreign_file_is_refused_and_nothing_typed_is_lost(reader: object, tmp_path: Path, content: str, message: str) -> None:
    """The alert says what is wrong; every field and every text keeps what the reader typed."""
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    open_page(reader, PAGES["da"])
    fill(reader, VALUES)
    open_file(reader, bad)
    expect(reader.locator("[data-details-alert]")).to_have_text(message)
    for field_id, value in VALUES.items():
        assert reader.input_value(f"#sv-detail-{field_id}") == value
        assert shown(reader, field_id) == {value}


def test_without_javascript_the_panel_is_hidden_and_the_prompts_stay(browser: object, site_url: str) -> None:
    """No script: no button that would do nothing; the texts show their prompts to fill in by hand."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGES["da"])
    assert not page.locator("[data-details-opener]").is_visible()
    assert shown(page, "kommune") == {DETAILS.by_id("kommune").prompt("da")}
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_axe_passes_with_the_panel_open_and_filled(browser: object, site_url: str, language: str, width: int, scheme: str) -> None:
    """The open, filled panel and the texts with values pass WCAG 2.2 AA, at phone and desktop width, in both schemes."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.site_url = site_url
    open_page(page, PAGES[language])
    fill(page, {"kommune": "Prøveby Kommune"})
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


MARKED = {"docx": re.compile(r'<w:r><w:rPr><w:rStyle w:val="Placeholder" ?/></w:rPr><w:t[^>]*>([^<]*)</w:t></w:r>'),
          "odt": re.compile(r'<text:span text:style-name="Placeholder">([^<]*)</text:span>')}
PART = {"docx": "word/document.xml", "odt": "content.xml"}


def document_text(path: Path, kind: str) -> str:
    """Return a Word file's text as python-docx reads it, or an OpenDocument file's as odfdo reads it."""
    if kind == "docx":
        return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
    body = odfdo.Document(str(path)).body
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", block.serialize())) for block in body.get_elements("descendant::text:h|descendant::text:p"))


@pytest.mark.parametrize("kind", ["docx", "odt"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_a_downloaded_file_carries_the_filled_details_and_keeps_the_rest_marked(reader: object, tmp_path: Path, language: str, kind: str) -> None:
    """Fill in, download the intranet news: its text holds every value, no filled field is still marked, an empty one is."""
    open_page(reader, PAGES[language])
    loaded = "() => performance.getEntriesByType('resource').map(entry => entry.name).filter(name => name.includes('fflate'))"
    assert reader.evaluate(loaded) == []  # the zip library loads only when a filled file is asked for
    fill(reader, VALUES)
    with reader.expect_download() as download:
        reader.locator(f"#intranet + p.sv-download--word a[data-word-file={kind}]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == f"seniorvaerktoejer-intranet-{language}.{kind}"
    text = document_text(path, kind)
    for value in ("Ærø & Søby <Kommune>", "62", "Kim \"K\" Eksempelsen", "kim@eksempel.dk"):
        assert value in text
    with zipfile.ZipFile(path) as archive:
        marked = {html.unescape(prompt) for prompt in MARKED[kind].findall(archive.read(PART[kind]).decode("utf-8"))}
        if kind == "odt":  # an OpenDocument file starts with its type, stored, or a word processor refuses it
            assert archive.infolist()[0].filename == "mimetype" and archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert marked & {DETAILS.by_id(field_id).prompt(language) for field_id in VALUES} == set()
    assert DETAILS.by_id("kontakt-telefon").prompt(language) in marked
    expect(reader.locator("[data-details-status]")).to_have_text("Filen er hentet med jeres oplysninger." if language == "da" else "The file is downloaded with your details.")
    assert len(reader.evaluate(loaded)) == 1


def test_without_details_a_download_is_the_file_as_built(reader: object, tmp_path: Path, built_site: object) -> None:
    """Nothing filled in: the link downloads the built file itself, byte for byte."""
    open_page(reader, PAGES["da"])
    with reader.expect_download() as download:
        reader.locator("#invitation + p.sv-download--word a[data-word-file=docx]").click()
    download.value.save_as(tmp_path / "plain.docx")
    assert (tmp_path / "plain.docx").read_bytes() == (built_site.site / "dokumenter" / "seniorvaerktoejer-invitation-da.docx").read_bytes()


def test_the_first_view_holds_only_the_button_and_the_panel_opens_by_keyboard(reader: object) -> None:
    """Until asked, neither the panel nor its script loads; Enter on the button opens it with the first field focused, Enter again closes it."""
    reader.goto(reader.site_url + PAGES["da"], wait_until="load")
    reader.wait_for_load_state("networkidle")
    loaded = "() => performance.getEntriesByType('resource').map(entry => entry.name.split('/').pop())"
    assert not {"details.js", "details-panel-da.js", "details.css", "fflate.js"} & set(reader.evaluate(loaded))
    assert reader.locator("[data-details-panel]").count() == 0
    button = reader.locator("[data-details-opener] > button")
    button.focus()
    reader.keyboard.press("Enter")
    expect(reader.locator("#sv-detail-kommune")).to_be_focused()
    assert button.get_attribute("aria-expanded") == "true"
    assert {"details.js", "details-panel-da.js", "details.css"} <= set(reader.evaluate(loaded))
    button.focus()
    reader.keyboard.press("Enter")
    expect(reader.locator("#sv-details")).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
