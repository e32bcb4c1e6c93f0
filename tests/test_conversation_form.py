"""The conversation form: one source, private by construction, saves and opens the reader's own file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from jsonschema import Draft202012Validator, FormatChecker
from playwright.sync_api import expect

from seniorsite.data.conversation import FILE_FORMAT, FILE_VERSION, ROLES
from seniorsite.data.site_data import load_site_data
from seniorsite.page.security_policy import policy_for
from tests.helpers import PROJECT, BuildResult, fetches_only_own_file, soup_of

CONVERSATION = load_site_data(PROJECT).conversation
# Every question answered in a field of its own; the record's "who does what by when" is rows of what, who and by when.
QUESTIONS = [question for question in CONVERSATION.all_questions() if question.answer != "agreements"]
ROWS_QUESTION = next(question for question in CONVERSATION.all_questions() if question.answer == "agreements")
FORM = {"da": "samtaleskabelon/formular/", "en": "en/samtaleskabelon/formular/"}
FILE_SCHEMA = json.loads((PROJECT / "schemas" / "conversation-file.schema.json").read_text(encoding="utf-8"))
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
DETAILS = {"date": "2026-12-01", "manager": "Leder Æble & <b>", "employee": 'Medarbejder "Ø"', "followup": "2027-06-01"}


def answer_for(question_id: str) -> str:
    """A hostile, Danish answer that names its question."""
    return f'æøå ÆØÅ "citat" \'enkelt\' <b>fed</b> & <script>x</script>\nanden linje: {question_id}'



# ----- built page: one source, fieldsets, policy ------------------------------------------------

@pytest.mark.parametrize("language", ["da", "en"])
def test_every_question_is_one_labelled_field_in_its_fieldset(built_site: BuildResult, language: str) -> None:
    """Each question of data/conversation.yml is a field named by its id, labelled, in its theme's fieldset."""
    form = soup_of(built_site.site, FORM[language]).select_one("form[data-private-form]")
    fields = form.select("[data-question]")
    assert [field["id"] for field in fields] == [f"q-{q.id}" for q in QUESTIONS]
    for question in QUESTIONS:
        field = form.find(id=f"q-{question.id}")
        label = form.find("label", attrs={"for": field["id"]})
        assert " ".join(label.get_text().split()) == " ".join(question.text[language].split())
        if question.help:
            assert form.find(id=field["aria-describedby"]).get_text(strip=True) == question.help[language].strip()
    legends = [" ".join(fs.legend.get_text().split()) for fs in form.select("fieldset.sv-form-section")]
    for theme in CONVERSATION.themes:
        assert theme.title[language] in legends
        fieldset = form.find("fieldset", id=f"form-{theme.id}")
        assert [f["id"] for f in fieldset.select("[data-question]")] == [f"q-{q.id}" for q in theme.questions]
    assert {fs["data-role"] for fs in form.select("fieldset[data-role]")} == set(ROLES)
    rows = form.select_one(f"[data-agreements][aria-labelledby=q-{ROWS_QUESTION.id}]")
    assert " ".join(form.find(id=f"q-{ROWS_QUESTION.id}").get_text().split()) == ROWS_QUESTION.text[language]
    assert len(rows.select("[data-agreement]")) == 3
    for name in ("workplace", "date", "manager", "employee", "followup"):
        field = form.find(attrs={"name": name})
        assert form.find("label", attrs={"for": field["id"]}) is not None


def test_only_the_form_page_forbids_sending_forms(built_site: BuildResult) -> None:
    """The form page's policy has form-action 'none'; other pages keep 'self'."""
    for language, path in FORM.items():
        policy = soup_of(built_site.site, path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "form-action 'none'" in policy, language
        assert "form-action 'self'" not in policy
    assert "form-action 'self'" in policy_for("<p>an ordinary page</p>")


def test_the_file_schema_names_the_format_and_version_the_form_writes() -> None:
    """One format name and version: the schema's and the form's are the same."""
    assert FILE_SCHEMA["properties"]["format"]["const"] == FILE_FORMAT
    assert FILE_SCHEMA["properties"]["version"]["maximum"] == FILE_VERSION


# ----- in the browser ---------------------------------------------------------------------------
FAVICON = "/" + yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["favicon"]  # the site's icon

@pytest.fixture
def form_page(browser: object, site_url: str) -> Iterator[object]:
    """A desktop page that records every request made after the form has loaded, and script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.late_requests, page.errors = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.site_url = site_url
    page.watching = False
    # The browser fetches the site's icon on its own, at times after the network went quiet; it carries nothing typed.
    # The form's file actions load the site's own scripts (and the record's empty document) on the first press: a GET
    # of a fixed file carries nothing typed, so only those may follow the load; any other request is recorded.
    page.on("request", lambda request: page.late_requests.append(request.url)
            if page.watching and not request.url.startswith(("blob:", "data:")) and not request.url.endswith(FAVICON)
            and not fetches_only_own_file(request, site_url) else None)
    yield page
    assert page.errors == []
    assert context.cookies() == []
    context.close()


def open_form(page: object, language: str) -> None:
    """Load the form and start watching for requests once everything has loaded."""
    page.goto(page.site_url + FORM[language], wait_until="load")  # every script loaded and run (a busy machine can be idle before)
    page.wait_for_load_state("networkidle")
    page.watching = True


def fill_everything(page: object, role: str = "leder") -> None:
    """Choose a role and fill every detail and every question with hostile Danish text."""
    page.check(f"#sv-role-{role}")
    for name, value in DETAILS.items():
        page.fill(f"[name={name}]", value)
    for question in QUESTIONS:
        field = page.locator(f"#q-{question.id}")
        if not field.is_visible():
            page.check(f"#sv-role-{'medarbejder' if role == 'leder' else 'leder'}")
            field.fill(answer_for(question.id))
            page.check(f"#sv-role-{role}")
        else:
            field.fill(answer_for(question.id))


def save(page: object, target: Path) -> dict:
    """Press 'save', keep the downloaded file at target and return its JSON."""
    with page.expect_download() as download:
        page.click("[data-action=save]")
    download.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def open_file(page: object, path: Path) -> None:
    """Press 'open' and choose a file, as a reader would."""
    with page.expect_file_chooser() as chooser:
        page.click("[data-action=open]")
    chooser.value.set_files(str(path))


def storage(page: object) -> list[str]:
    """Return every key in localStorage, sessionStorage and IndexedDB."""
    return page.evaluate("""async () => [...Object.keys(localStorage), ...Object.keys(sessionStorage),
        ...(await indexedDB.databases()).map(db => db.name)]""")


def test_save_reload_and_open_bring_every_answer_back_exactly(form_page: object, tmp_path: Path) -> None:
    """Fill every field, save, reload (nothing survives), open the file: every answer is back as typed."""
    page = form_page
    open_form(page, "da")
    fill_everything(page)
    saved = save(page, tmp_path / "samtale.json")
    assert saved["format"] == FILE_FORMAT and saved["version"] == FILE_VERSION and saved["language"] == "da" and saved["role"] == "leder"
    assert saved["answers"] == {q.id: answer_for(q.id) for q in QUESTIONS}
    assert saved["details"] == DETAILS
    assert list(Draft202012Validator(FILE_SCHEMA, format_checker=FormatChecker()).iter_errors(saved)) == []
    expect(page.locator("[data-status]")).to_have_text("Filen er gemt på din enhed.")
    assert page.late_requests == []
    page.watching = False
    page.reload(wait_until="load")
    page.wait_for_load_state("networkidle")
    page.watching = True
    assert all(page.locator(f"#q-{q.id}").input_value() == "" for q in QUESTIONS)
    open_file(page, tmp_path / "samtale.json")
    expect(page.locator("[data-status]")).to_have_text("Filen er åbnet. Svarene står på deres spørgsmål.")
    assert all(page.locator(f"#q-{q.id}").input_value() == answer_for(q.id) for q in QUESTIONS)
    assert {name: page.locator(f"[name={name}]").input_value() for name in DETAILS} == DETAILS
    assert page.late_requests == [] and storage(page) == []


def test_a_danish_file_opens_on_the_english_form(form_page: object, tmp_path: Path) -> None:
    """Answers are keyed by question id: a Danish file puts each answer on the same question in English."""
    page = form_page
    open_form(page, "da")
    fill_everything(page, role="medarbejder")
    save(page, tmp_path / "dansk.json")
    page.watching = False
    open_form(page, "en")
    open_file(page, tmp_path / "dansk.json")
    expect(page.locator("[data-status]")).to_have_text("The file is open. The answers are on their questions.")
    assert page.locator("#sv-role-medarbejder").is_checked()
    assert all(page.locator(f"#q-{q.id}").input_value() == answer_for(q.id) for q in QUESTIONS)
    assert page.late_requests == []


@pytest.mark.parametrize(("content", "message"), [
    ("{ this is not json", "Filen kan ikke læses."),
    (json.dumps({"format": "noget-andet", "version": 1, "answers": {}}), "Filen er ikke en samtale fra Seniorværktøjer."),
    (json.dumps({"format": FILE_FORMAT, "version": FILE_VERSION + 1, "language": "da", "role": "leder", "answers": {}}), "Filen er gemt med en nyere udgave"),
    (json.dumps({"format": FILE_FORMAT, "version": 1, "language": "da", "role": "leder", "answers": {"x": 3}}), "Filen kan ikke læses."),
], ids=["broken", "other-format", "newer-version", "answer-not-text"])
def test_a_bad_file_is_refused_and_what_was_typed_stays(form_page: object, tmp_path: Path, content: str, message: str) -> None:
    """A broken file, another format or a newer version: an alert, and the typed answer is untouched."""
    page = form_page
    open_form(page, "da")
    first = QUESTIONS[0].id
    page.fill(f"#q-{first}", "Mit svar, som ikke må forsvinde")
    (tmp_path / "fil.json").write_text(content, encoding="utf-8")
    open_file(page, tmp_path / "fil.json")
    alert = page.locator("[role=alert][data-alert]")
    expect(alert).to_contain_text(message)
    expect(alert).to_contain_text("Intet af det, du har skrevet, er ændret.")
    assert page.locator(f"#q-{first}").input_value() == "Mit svar, som ikke må forsvinde"
    assert page.late_requests == []


def test_opening_a_file_over_typed_text_asks_first(form_page: object, tmp_path: Path) -> None:
    """With unsaved text, opening a good file asks; saying no keeps the text."""
    page = form_page
    open_form(page, "da")
    first = QUESTIONS[0].id
    (tmp_path / "god.json").write_text(json.dumps({"format": FILE_FORMAT, "version": 1, "language": "da", "role": "leder", "answers": {first: "fra filen"}}), encoding="utf-8")
    page.fill(f"#q-{first}", "skrevet nu")
    with page.expect_event("dialog") as asked:  # the file is read after the click returns: wait for the question itself
        open_file(page, tmp_path / "god.json")
    assert asked.value.message == "Vil du erstatte det, du har skrevet, med indholdet af filen?"
    asked.value.dismiss()
    assert page.locator(f"#q-{first}").input_value() == "skrevet nu"
    page.once("dialog", lambda dialog: dialog.accept())
    open_file(page, tmp_path / "god.json")
    expect(page.locator(f"#q-{first}")).to_have_value("fra filen")


def test_answers_to_removed_questions_are_shown_and_kept(form_page: object, tmp_path: Path) -> None:
    """A file naming a question the template no longer has shows that answer apart, and saves it again."""
    page = form_page
    open_form(page, "en")
    old = {"format": FILE_FORMAT, "version": 1, "language": "da", "role": "leder",
           "answers": {QUESTIONS[0].id: "still here", "spoergsmaal-der-er-fjernet": "an old answer"}}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    open_file(page, tmp_path / "old.json")
    removed = page.locator("fieldset[data-removed]")
    expect(removed).to_be_visible()
    assert removed.get_by_label("Answer saved under spoergsmaal-der-er-fjernet").input_value() == "an old answer"
    again = save(page, tmp_path / "again.json")
    assert again["answers"] == old["answers"]


def test_the_role_shows_its_own_preparation(form_page: object) -> None:
    """Preparing as manager shows the manager's questions; as employee, the employee's."""
    page = form_page
    open_form(page, "da")
    manager, employee = (f"fieldset[data-role={role}]" for role in ROLES)
    expect(page.locator(manager)).to_be_visible()
    expect(page.locator(employee)).to_be_hidden()
    page.check("#sv-role-medarbejder")
    expect(page.locator(manager)).to_be_hidden()
    expect(page.locator(employee)).to_be_visible()


def test_clear_asks_first(form_page: object) -> None:
    """'Ryd' asks; saying no keeps the text, saying yes empties the form."""
    page = form_page
    open_form(page, "da")
    first = QUESTIONS[0].id
    page.fill(f"#q-{first}", "tekst")
    answers = ["dismiss", "accept"]
    asked: list[str] = []

    def answer(dialog: object) -> None:
        """Say no to the first question, yes to the second."""
        asked.append(dialog.message)
        getattr(dialog, answers[len(asked) - 1])()

    page.on("dialog", answer)
    page.click("[data-action=clear]")
    for _ in range(100):  # the clearing script loads on the first press, and asks after the click returns
        if asked:
            break
        page.wait_for_timeout(50)
    assert len(asked) == 1 and page.locator(f"#q-{first}").input_value() == "tekst"
    page.click("[data-action=clear]")
    expect(page.locator(f"#q-{first}")).to_have_value("")
    page.remove_listener("dialog", answer)
    expect(page.locator("[data-status]")).to_have_text("Formularen er tømt.")


def test_leaving_with_unsaved_changes_asks_first(browser: object, site_url: str) -> None:
    """With typed, unsaved text, leaving the page raises the browser's 'leave page?' question."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + FORM["da"], wait_until="networkidle")
    page.fill(f"#q-{QUESTIONS[0].id}", "ikke gemt")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    for _ in range(50):  # the question comes after close() returns; staying on the page keeps it open
        if asked:
            break
        page.wait_for_timeout(100)
    assert asked == ["beforeunload"]
    context.close()


def test_print_shows_answers_and_hides_the_controls(form_page: object) -> None:
    """On paper: every answer in full, room to write under empty ones, no buttons, navigation or notice."""
    page = form_page
    open_form(page, "da")
    first, second = QUESTIONS[0].id, QUESTIONS[1].id
    page.fill(f"#q-{first}", "Første linje\nAnden linje")
    page.emulate_media(media="print")
    copy = page.locator(f"#q-{first} ~ .sv-print-answer")
    expect(copy).to_be_visible()
    assert copy.inner_text() == "Første linje\nAnden linje"
    assert page.locator(f"#q-{second} ~ .sv-print-answer").bounding_box()["height"] >= 60
    for hidden in (".sv-form-actions", ".sv-form-notice", ".md-header", ".md-sidebar--primary", ".md-footer", f"#q-{first}"):
        expect(page.locator(hidden).first).to_be_hidden()


def test_the_form_works_by_keyboard(form_page: object, tmp_path: Path) -> None:
    """Tab reaches a question and the save button; Enter on it saves the file."""
    page = form_page
    open_form(page, "en")
    page.focus(f"#q-{QUESTIONS[0].id}")
    page.keyboard.type("typed by keyboard")
    page.focus("[data-action=save]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    download.value.save_as(tmp_path / "keyboard.json")
    assert json.loads((tmp_path / "keyboard.json").read_text(encoding="utf-8"))["answers"] == {QUESTIONS[0].id: "typed by keyboard"}


def test_without_javascript_the_page_is_the_printable_template(browser: object, site_url: str) -> None:
    """No script: every question is there to read and print, the page says the form needs JavaScript."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FORM["da"])
    expect(page.locator(".sv-form-nojs")).to_be_visible()
    expect(page.locator(".sv-form-actions")).to_be_hidden()
    assert page.locator("[data-question]").count() == len(QUESTIONS)
    context.close()


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("width", [390, 640])
def test_axe_passes_on_the_empty_and_the_filled_form(browser: object, site_url: str, language: str, width: int) -> None:
    """Zero WCAG 2.1 AA violations empty and filled, at phone width and at 200% zoom (640 CSS px), with no sideways scroll."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + FORM[language], wait_until="networkidle")
    for state in ("empty", "filled"):
        if state == "filled":
            page.fill("[name=manager]", "Navn")
            for question in QUESTIONS:
                field = page.locator(f"#q-{question.id}")
                if field.is_visible():
                    field.fill(answer_for(question.id))
        result = Axe().run(page, options=WCAG_AA)
        assert [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]] == [], state
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), state
    page.once("dialog", lambda dialog: dialog.accept())
    context.close()


def test_no_request_cookie_or_storage_during_a_whole_session(form_page: object, tmp_path: Path) -> None:
    """Fill, save, clear, open, print: not one request after load, nothing stored, no cookie."""
    page = form_page
    open_form(page, "da")
    fill_everything(page)
    save(page, tmp_path / "s.json")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    open_file(page, tmp_path / "s.json")
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    assert [url for url in page.late_requests if urlsplit(url).scheme in ("http", "https")] == []
    assert storage(page) == []
