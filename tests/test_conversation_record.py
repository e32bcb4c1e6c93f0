"""The conversation's record: what was agreed, printed as a clean document and downloaded as Word and OpenDocument."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from playwright.sync_api import expect

from seniorsite.data.conversation import FILE_FORMAT, FILE_VERSION
from seniorsite.outputs.word.publish import WORD_FOLDER
from seniorsite.outputs.word.texts import SHELL_MARKER
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, BuildResult
from tests.test_conversation_form import FILE_SCHEMA, FORM, QUESTIONS, ROWS_QUESTION, form_page, open_file, open_form, save  # noqa: F401

STRINGS = {language: load_strings(PROJECT / "overrides", language) for language in ("da", "en")}
PART = {"docx": "word/document.xml", "odt": "content.xml"}
PHONE = {"width": 390, "height": 844}
THEME_QUESTION = next(q for q in QUESTIONS if q.id.startswith("opgaver"))
PRIVATE_QUESTION = next(q for q in QUESTIONS if q.id.startswith("tilbagetraekning"))


def fill_record(page: object) -> None:
    """Fill the conversation's facts, one theme answer and two agreements; leave the follow-up date empty."""
    page.fill("[name=workplace]", "Eksempelby Kommune")
    page.fill("[name=date]", "2027-03-03")
    page.fill("[name=manager]", "Kim Eksempelsen")
    page.fill("[name=employee]", "Lone Prøvesen")
    page.fill(f"#q-{THEME_QUESTION.id}", "Flere opgaver med oplæring")
    page.fill("#sv-agreement-1-what", "Færre aftenvagter & mere oplæring")
    page.fill("#sv-agreement-1-who", "Kim")
    page.fill("#sv-agreement-1-when", "2027-05-01")
    page.fill("#sv-agreement-2-what", "Kursus i vejledning")
    page.fill("#sv-agreement-2-who", "Lone")


def plain_text(xml: str) -> str:
    """Return a document part's text: tags gone, entities read."""
    text = re.sub(r"<[^>]+>", " ", xml)
    return " ".join(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').split())


# ----- built: the shells -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["docx", "odt"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_record_shell_is_titled_and_has_one_marker(built_site: BuildResult, language: str, kind: str) -> None:
    """The build writes an empty record in the site's styles: its title and the one paragraph the form's script replaces."""
    with zipfile.ZipFile(built_site.site / WORD_FOLDER / f"seniorvaerktoejer-samtalereferat-{language}.{kind}") as document:
        xml = document.read(PART[kind]).decode("utf-8")
    assert xml.count(SHELL_MARKER) == 1
    assert STRINGS[language]("word.shell.samtalereferat") in xml
    assert 'href="' + WORD_FOLDER not in (built_site.site / FORM[language] / "index.html").read_text(encoding="utf-8")  # never offered empty


# ----- in the browser: paper, files, phone -----------------------------------------------------------

@pytest.mark.parametrize("language", ["da", "en"])
def test_the_printed_record_is_a_document_not_the_web_page(form_page: object, language: str) -> None:  # noqa: F811 (the fixture, imported)
    """On paper: the record's title, the facts, the answers, the agreements as a table and two lines to sign; no web text."""
    page = form_page
    t = STRINGS[language]
    open_form(page, language)
    fill_record(page)
    page.emulate_media(media="print")
    expect(page.locator(".sv-record-title")).to_have_text(t("word.shell.samtalereferat"))
    for fact in ("Eksempelby Kommune", "Kim Eksempelsen", "Lone Prøvesen", "Flere opgaver med oplæring"):
        expect(page.locator(".sv-print-answer", has_text=fact).first).to_be_visible()
    expect(page.locator("#sv-date ~ .sv-print-answer")).to_have_text("3. marts 2027" if language == "da" else "3 March 2027")
    followup = page.locator("#sv-followup ~ .sv-print-answer")  # left empty: a blank line, not the browser's mm/dd/yyyy
    expect(followup).to_be_visible()
    assert followup.inner_text() == ""
    expect(page.locator("#sv-followup")).to_be_hidden()
    head = page.locator(".sv-agreement--head")
    expect(head).to_be_visible()
    expect(head).to_contain_text(t("form.agreement.who"))
    first_row = page.locator("[data-agreement]").first
    assert [part.strip() for part in first_row.locator(".sv-print-answer").all_inner_texts()] == [
        "Færre aftenvagter & mere oplæring", "Kim", "1. maj 2027" if language == "da" else "1 May 2027"]
    expect(page.locator(".sv-signature").nth(1)).to_be_visible()
    assert page.locator(".sv-signature").all_inner_texts() == [t("form.signature.manager"), t("form.signature.employee")]
    chosen = " ".join(page.locator(".sv-form-role").inner_text().split())  # what is shown: the legend and the word chosen
    assert chosen == f"{t('form.role')}: {t('form.role.leder')}" or chosen == f"{t('form.role')} {t('form.role.leder')}", chosen
    assert page.locator("input[type=radio]:visible, input[type=date]:visible, textarea:visible, button:visible").count() == 0
    for web_text in ("article > h1", "#referatet", ".sv-form-notice", ".sv-record-files", ".md-header", ".md-footer", ".sv-feedback"):
        assert page.locator(web_text).evaluate_all("nodes => nodes.every(node => !node.checkVisibility())"), web_text


@pytest.mark.parametrize("kind", ["docx", "odt"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_record_downloads_with_the_answers_and_agreements(form_page: object, tmp_path: Path, language: str, kind: str) -> None:  # noqa: F811 (the fixture, imported)
    """The Word and OpenDocument record holds the facts, the answers in order, the agreements and the places to sign."""
    page = form_page
    t = STRINGS[language]
    open_form(page, language)
    fill_record(page)
    with page.expect_download() as download:
        page.click(f"[data-action={kind}]")
    assert download.value.suggested_filename == f"{t('form.record.file_name')}-2027-03-03.{kind}"
    path = tmp_path / f"referat.{kind}"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as document:
        assert document.testzip() is None
        if kind == "odt":
            assert document.namelist()[0] == "mimetype" and document.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        text = plain_text(document.read(PART[kind]).decode("utf-8"))
    assert SHELL_MARKER not in text
    expected = [t("word.shell.samtalereferat"), "Eksempelby Kommune", "3. marts 2027" if language == "da" else "3 March 2027",
                "Kim Eksempelsen", "Lone Prøvesen", THEME_QUESTION.text[language].strip(), "Flere opgaver med oplæring",
                ROWS_QUESTION.text[language], "1. Færre aftenvagter & mere oplæring", "2. Kursus i vejledning",
                t("form.signature.manager"), t("form.signature.employee")]
    positions = [text.find(" ".join(piece.split())) for piece in expected]
    assert -1 not in positions, [piece for piece, at in zip(expected, positions, strict=True) if at < 0]
    assert positions == sorted(positions)  # in the form's order
    assert PRIVATE_QUESTION.text[language].split(",")[0] not in text  # an unanswered question is left out
    expect(page.locator("[data-status]")).to_have_text(t("form.record.ready"))


def test_the_agreements_are_saved_and_opened_with_a_new_row_numbered(form_page: object, tmp_path: Path) -> None:  # noqa: F811 (the fixture, imported)
    """A fourth agreement gets its own numbered labels; the file keeps every row and opens them in the other language."""
    page = form_page
    open_form(page, "da")
    fill_record(page)
    page.click("[data-action=add-agreement]")
    expect(page.locator("[data-agreement]")).to_have_count(4)
    expect(page.locator("label[for=sv-agreement-4-who]")).to_have_text("Hvem (aftale 4)")
    expect(page.locator("#sv-agreement-4-what")).to_be_focused()
    page.fill("#sv-agreement-4-what", "Ny rolle som mentor")
    saved = save(page, tmp_path / "referat.json")
    assert saved["version"] == FILE_VERSION
    assert saved["details"]["workplace"] == "Eksempelby Kommune"
    assert saved["agreements"] == [{"what": "Færre aftenvagter & mere oplæring", "who": "Kim", "when": "2027-05-01"},
                                   {"what": "Kursus i vejledning", "who": "Lone", "when": ""},
                                   {"what": "Ny rolle som mentor", "who": "", "when": ""}]
    assert list(Draft202012Validator(FILE_SCHEMA, format_checker=FormatChecker()).iter_errors(saved)) == []
    page.watching = False
    open_form(page, "en")
    open_file(page, tmp_path / "referat.json")
    expect(page.locator("#sv-agreement-3-what")).to_have_value("Ny rolle som mentor")
    expect(page.locator("#sv-agreement-1-when")).to_have_value("2027-05-01")
    expect(page.locator("[name=workplace]")).to_have_value("Eksempelby Kommune")


def test_a_first_version_file_opens_its_agreement_text_in_the_first_row(form_page: object, tmp_path: Path) -> None:  # noqa: F811 (the fixture, imported)
    """A file saved before the rows existed keeps its "who does what" text: it lands in the first row, nothing is lost."""
    page = form_page
    open_form(page, "da")
    old = {"format": FILE_FORMAT, "version": 1, "language": "da", "role": "leder", "details": {"date": "2026-12-01"},
           "answers": {ROWS_QUESTION.id: "Kim tjekker vagtplanen inden jul", QUESTIONS[0].id: "svar"}}
    (tmp_path / "gammel.json").write_text(json.dumps(old), encoding="utf-8")
    open_file(page, tmp_path / "gammel.json")
    expect(page.locator("#sv-agreement-1-what")).to_have_value("Kim tjekker vagtplanen inden jul")
    expect(page.locator(f"#q-{QUESTIONS[0].id}")).to_have_value("svar")
    expect(page.locator("[data-removed]")).to_be_hidden()


@pytest.mark.parametrize("language", ["da", "en"])
def test_on_a_phone_the_fixed_bars_cover_at_most_an_eighth(browser: object, site_url: str, language: str) -> None:
    """At 390 × 844, scrolled into the questions, the header and the form's buttons together cover at most 1/8 of the screen."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + FORM[language], wait_until="networkidle")
    page.locator(f"#q-{THEME_QUESTION.id}").scroll_into_view_if_needed()
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(200)
    header = page.locator(".md-header").bounding_box()
    bar = page.locator(".sv-form-bar").bounding_box()
    assert bar["y"] <= header["y"] + header["height"] + 1  # the bar is stuck under the header
    covered = max(header["y"] + header["height"], bar["y"] + bar["height"])
    assert covered <= PHONE["height"] / 8, covered
    for button in page.locator(".sv-form-bar .md-button").all():
        box = button.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.2 target size (minimum)
    context.close()
