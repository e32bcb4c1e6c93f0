"""The senior-policy builder: one source, private by construction, a draft written as the reader answers, the reader's own file."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from jsonschema import Draft202012Validator, FormatChecker
from playwright.sync_api import expect

from seniorsite.data.conversation import FILE_FORMAT as CONVERSATION_FORMAT
from seniorsite.data.policy import FILE_FORMAT, FILE_VERSION, Question
from seniorsite.data.site_data import load_site_data
from seniorsite.outputs.word.publish import WORD_FOLDER
from seniorsite.outputs.word.texts import SHELL_MARKER
from seniorsite.page.page_scripts import without_unused_tool_assets
from seniorsite.problems import ContentError
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, BuildResult, fetches_only_own_file, soup_of, wait_for_animations_to_end

POLICY = load_site_data(PROJECT).policy
QUESTIONS = POLICY.all_questions()
PAGE = {"da": "arbejdshaandbog/seniorpolitik/", "en": "en/arbejdshaandbog/seniorpolitik/"}
OTHER = {"da": "en", "en": "da"}
STRINGS = {language: load_strings(PROJECT / "overrides", language) for language in ("da", "en")}
FILE_SCHEMA = json.loads((PROJECT / "schemas" / "policy-file.schema.json").read_text(encoding="utf-8"))
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
MONTHS = {"da": "januar februar marts april maj juni juli august september oktober november december".split(),
          "en": "January February March April May June July August September October November December".split()}
FAVICON = "/" + yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["favicon"]
# A stand-in for the shared writer (document-file.js): it keeps what the form hands it, so the test can read it.
WRITER_STUB = "window.svDocumentFile = { download: function (options) { window.svHandedOver = options; return Promise.resolve(); } };"


def answer_for(question: Question) -> object:
    """A hostile Danish answer of the question's kind, as the saved file holds it."""
    if question.kind == "number":
        return 61
    if question.kind == "choice":
        return question.options[-1].id
    if question.kind == "choices":
        return [question.options[0].id, question.options[-1].id]
    if question.kind == "short":
        return f'æøå "{question.id}" <b>fed</b> & <script>x</script>'
    return f"æøå <b>fed</b> & 'enkelt'\nanden linje: {question.id}"


def draft_lines(question: Question, answer: object, language: str) -> list[str]:
    """The lines of the draft an answer becomes, as the reader sees them."""
    if question.kind in ("choice", "choices"):
        chosen = answer if isinstance(answer, list) else [answer]
        return [option.draft[language] for option in question.options if option.id in chosen]
    template = question.draft[language]
    text = template.replace("{answer}", str(answer))
    if template.startswith("{answer}"):
        text = text[:1].upper() + text[1:]
    return [line.strip() for line in text.splitlines() if line.strip()]


def missing_text(part_title: str, language: str) -> str:
    """The draft's words for a part that has no answer yet."""
    return STRINGS[language]("policy.missing").replace("{part}", part_title)


def dated_today(language: str) -> str:
    """The draft's date line: the day it is read, as the language writes a date."""
    today = date.today()
    day = f"{today.day}. {MONTHS['da'][today.month - 1]} {today.year}" if language == "da" else f"{today.day} {MONTHS['en'][today.month - 1]} {today.year}"
    return STRINGS[language]("policy.draft_date").replace("{date}", day)


def option_box(question: Question, option_id: str) -> str:
    """The selector of one option's box."""
    return f"[data-question={question.id}] input[value='{option_id}']"


# ----- built page: one source, fieldsets, policy, its own script ---------------------------------

@pytest.mark.parametrize("language", ["da", "en"])
def test_every_question_is_a_labelled_field_in_its_part(built_site: BuildResult, language: str) -> None:
    """Each part of data/policy.yml is a fieldset with its title; each question a labelled field (or group) with its help."""
    form = soup_of(built_site.site, PAGE[language]).select_one("form[data-private-form][data-policy-form]")
    assert [" ".join(fs.legend.get_text().split()) for fs in form.select("fieldset.sv-policy-part[data-part]")] == [
        f"{number}. {part.title[language]}" for number, part in enumerate(POLICY.parts, start=1)]
    for part in POLICY.parts:
        fieldset = form.find("fieldset", attrs={"data-part": part.id})
        assert [q["data-question"] for q in fieldset.select("[data-question]")] == [q.id for q in part.questions]
        assert part.intro[language] in " ".join(fieldset.get_text().split())
        for link in part.links:
            assert fieldset.find("a", string=link.text[language])["href"] == "../../" + link.path
    for question in QUESTIONS:
        holder = form.find(attrs={"data-question": question.id})
        if question.kind in ("choice", "choices"):
            assert holder.name == "fieldset" and holder.legend.get_text(strip=True) == question.label[language]
            for option in question.options:
                box = holder.find("input", attrs={"value": option.id})
                assert box["type"] == ("radio" if question.kind == "choice" else "checkbox")
                assert box.parent.name == "label"  # the option's words label its box
                assert box.parent.get_text(strip=True) == (option.label or option.draft)[language]
            described = holder
        else:
            described = holder.find(["input", "textarea"], id=f"p-{question.id}")
            assert described.name == ("textarea" if question.kind == "long" else "input")
            assert question.kind == "long" or described["type"] == ("number" if question.kind == "number" else "text")
            assert holder.find("label", attrs={"for": described["id"]}).get_text(strip=True) == question.label[language]
        if question.help:
            assert form.find(id=described["aria-describedby"]).get_text(strip=True) == question.help[language]


def test_the_page_forbids_sending_forms_and_loads_only_its_own_tool(built_site: BuildResult) -> None:
    """The builder's page has form-action 'none', policy-form.js and .css, and not the conversation form's."""
    for path in PAGE.values():
        soup = soup_of(built_site.site, path)
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "form-action 'none'" in policy and "form-action 'self'" not in policy
        scripts = [tag["src"].rsplit("/", 1)[-1] for tag in soup.find_all("script", src=True)]
        styles = [tag["href"].rsplit("/", 1)[-1] for tag in soup.find_all("link", rel="stylesheet")]
        assert "policy-form.js" in scripts and "conversation-form.js" not in scripts and "document-file.js" not in scripts
        assert "policy-form.css" in styles and "conversation-form.css" not in styles
    conversation = soup_of(built_site.site, "samtaleskabelon/formular/")
    assert "policy-form.js" not in str(conversation) and "conversation-form.js" in str(conversation)


def test_each_private_form_keeps_its_own_script() -> None:
    """The conversation form by its id, the builder by its attribute: each page keeps only its own tool's files."""
    head = ('<script src="a/assets/javascripts/conversation-form.js"></script><script src="a/assets/javascripts/policy-form.js"></script>'
            '<link rel="stylesheet" href="a/assets/stylesheets/conversation-form.css"><link rel="stylesheet" href="a/assets/stylesheets/policy-form.css">')
    conversation = without_unused_tool_assets(head + '<form class="x" id="sv-conversation" data-private-form data-lang="da">')
    policy = without_unused_tool_assets(head + '<form class="x" id="sv-policy" data-private-form\n data-policy-form data-lang="da">')
    assert "conversation-form.js" in conversation and "conversation-form.css" in conversation and "policy-form" not in conversation
    assert "policy-form.js" in policy and "policy-form.css" in policy and "conversation-form" not in policy


def test_the_file_schema_names_the_format_and_version_the_form_writes() -> None:
    """One format name and version: the schema's and the builder's are the same."""
    assert FILE_SCHEMA["properties"]["format"]["const"] == FILE_FORMAT
    assert FILE_SCHEMA["properties"]["version"]["maximum"] == FILE_VERSION


def test_the_data_covers_the_handbook_parts_and_every_kind() -> None:
    """Six parts in the handbook's order, every kind of question used, every option with its own sentence."""
    assert [part.id for part in POLICY.parts] == ["hvorfor", "maal", "samtale", "ordninger", "kommunikation", "opfoelgning"]
    assert {question.kind for question in QUESTIONS} == {"short", "long", "number", "choice", "choices"}
    arrangements = next(q for q in QUESTIONS if q.id == "ordninger-typer")
    assert [option.id for option in arrangements.options] == ["seniorstillinger", "generationsskifte", "fratraedelse", "seniordage"]
    local = [option.id for option in arrangements.options if "lokal aftale" in option.draft["da"]]
    assert local == ["seniorstillinger", "generationsskifte", "fratraedelse"]  # all but senior days need a local agreement
    interval = next(q for q in QUESTIONS if q.id == "opfoelgning-interval")
    assert [option.id for option in interval.options] == ["hvert-aar", "hvert-andet-aar"]


def test_a_link_to_a_missing_heading_names_the_page_and_the_heading(tmp_path: Path) -> None:
    """A part's link to a heading the handbook page does not have stops the build, naming the part, the link and the page."""
    for folder in ("data", "schemas", "docs"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    policy = tmp_path / "data" / "policy.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("rammeaftalen.md#ordningerne", "rammeaftalen.md#ordninger", 1), encoding="utf-8")
    line = next(number for number, text in enumerate(policy.read_text(encoding="utf-8").splitlines(), start=1) if "#ordninger\n" in text + "\n")
    with pytest.raises(ContentError) as caught:
        load_site_data(tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        f'data/policy.yml:{line}: part "ordninger", link number 1: \'page\' names the heading #ordninger, but docs/arbejdshaandbog/rammeaftalen.md '
        "has no heading marked { #ordninger }"]
    policy.write_text(policy.read_text(encoding="utf-8").replace("rammeaftalen.md#ordninger", "rammeaftale.md", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"'page' names arbejdshaandbog/rammeaftale.md, but docs/arbejdshaandbog/rammeaftale.md does not exist"):
        load_site_data(tmp_path)


# ----- in the browser ---------------------------------------------------------------------------

@pytest.fixture
def form_page(browser: object, site_url: str) -> Iterator[object]:
    """A desktop page that records every request made after the builder has loaded, and script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.late_requests, page.errors = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.site_url = site_url
    page.watching = False
    # The browser fetches the site's icon on its own, at times after the network went quiet; it carries nothing typed.
    # The theme's script and the builder's file actions load on the first act: a GET of a fixed file carries nothing typed.
    page.on("request", lambda request: page.late_requests.append(request.url)
            if page.watching and not request.url.startswith(("blob:", "data:")) and not request.url.endswith(FAVICON)
            and not fetches_only_own_file(request, site_url) else None)
    yield page
    assert page.errors == []
    assert context.cookies() == []
    context.close()


def open_form(page: object, language: str) -> None:
    """Load the builder and start watching for requests once everything has loaded."""
    page.watching = False
    page.goto(page.site_url + PAGE[language], wait_until="load")
    page.wait_for_load_state("networkidle")
    page.watching = True


def answer(page: object, question: Question, value: object) -> None:
    """Give one answer as a reader would: type it, or tick its options."""
    if question.kind in ("choice", "choices"):
        for option in [value] if question.kind == "choice" else value:
            page.check(option_box(question, option))
    else:
        page.fill(f"#p-{question.id}", str(value))


def fill_everything(page: object) -> None:
    """Give the draft a municipality, and answer every question."""
    page.fill("#p-municipality", "Eksempelby <Kommune> & co")
    for question in QUESTIONS:
        answer(page, question, answer_for(question))


def shown_answers(page: object) -> dict[str, object]:
    """Read every answer back from the form, as the saved file would hold it."""
    answers: dict[str, object] = {}
    for question in QUESTIONS:
        if question.kind in ("choice", "choices"):
            chosen = [option.id for option in question.options if page.is_checked(option_box(question, option.id))]
            if chosen:
                answers[question.id] = chosen[0] if question.kind == "choice" else chosen
        else:
            value = page.input_value(f"#p-{question.id}")
            if value:
                answers[question.id] = int(value) if question.kind == "number" else value
    return answers


def draft_text(page: object) -> str:
    """The draft as the reader sees it."""
    return page.locator("[data-draft-document]").inner_text()


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


@pytest.mark.parametrize("language", ["da", "en"])
def test_answers_show_in_the_draft_as_they_are_typed_and_an_empty_part_says_so(form_page: object, language: str) -> None:
    """A few answers become their sentences in their parts at once; every part left empty says it is not written yet."""
    page = form_page
    open_form(page, language)
    empty = [part.title[language] for part in POLICY.parts]
    for part in POLICY.parts:
        assert missing_text(part.title[language], language) in draft_text(page)
    chosen = [q for q in QUESTIONS if q.id in ("hvorfor-hvem", "hvorfor-formaal", "samtale-alder", "ordninger-typer", "opfoelgning-interval")]
    assert len(chosen) == 5
    for question in chosen:
        answer(page, question, answer_for(question))
    text = draft_text(page)
    for question in chosen:
        for line in draft_lines(question, answer_for(question), language):
            assert line in text, line
    assert "<b>fed</b> & <script>x</script>" in text  # shown as typed, never as markup
    assert page.locator("[data-draft-document] b, [data-draft-document] script").count() == 0
    answered = {"hvorfor", "samtale", "ordninger", "opfoelgning"}
    for part in POLICY.parts:
        missing = missing_text(part.title[language], language)
        assert (missing in text) == (part.id not in answered), part.id
    assert missing_text(next(p.title[language] for p in POLICY.parts if p.id == "maal"), language) == (
        "[Denne del er ikke skrevet endnu: Mål]" if language == "da" else "[This part is not written yet: Goals]")
    assert len(empty) == 6
    # The draft is not a live region: it is not read aloud at every keystroke; only the messages are.
    assert page.locator("[data-draft-document]").evaluate("el => el.closest('[aria-live], [role=status], [role=alert], [role=log]')") is None
    assert page.late_requests == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_save_reload_and_open_in_the_other_language_brings_every_answer_back(form_page: object, tmp_path: Path, language: str) -> None:
    """Answer everything, save, reload (nothing survives), open the file in the other language: every answer and choice is back."""
    page = form_page
    open_form(page, language)
    fill_everything(page)
    saved = save(page, tmp_path / "politik.json")
    assert saved["format"] == FILE_FORMAT and saved["version"] == FILE_VERSION and saved["language"] == language
    assert saved["answers"] == {q.id: answer_for(q) for q in QUESTIONS}  # language-neutral: option ids, never their words
    assert saved["details"] == {"municipality": "Eksempelby <Kommune> & co"}
    assert list(Draft202012Validator(FILE_SCHEMA, format_checker=FormatChecker()).iter_errors(saved)) == []
    expect(page.locator("[data-status]")).to_have_text(STRINGS[language]("policy.saved"))
    assert page.late_requests == []
    page.watching = False
    page.reload(wait_until="load")
    page.wait_for_load_state("networkidle")
    assert shown_answers(page) == {}
    other = OTHER[language]
    open_form(page, other)
    open_file(page, tmp_path / "politik.json")
    expect(page.locator("[data-status]")).to_have_text(STRINGS[other]("policy.opened"))
    assert shown_answers(page) == saved["answers"]
    assert page.input_value("#p-municipality") == "Eksempelby <Kommune> & co"
    text = draft_text(page)
    for question in QUESTIONS:
        for line in draft_lines(question, answer_for(question), other):
            assert line in text, line
    assert "[" not in text.replace("<Kommune>", "")  # no part is left as not written
    assert page.late_requests == [] and storage(page) == []


BAD_FILES = {
    "broken": ("{ this is not json", "policy.error_broken"),
    "conversation-file": (json.dumps({"format": CONVERSATION_FORMAT, "version": 1, "language": "da", "role": "leder", "answers": {"leder-formaal": "x"}}),
                          "policy.error_format"),
    "newer-version": (json.dumps({"format": FILE_FORMAT, "version": FILE_VERSION + 1, "language": "da", "answers": {}}), "policy.error_version"),
    "answer-not-text": (json.dumps({"format": FILE_FORMAT, "version": 1, "language": "da", "answers": {"ordninger-typer": {"seniordage": True}}}), "policy.error_broken"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_what_was_typed_stays(form_page: object, tmp_path: Path, case: str) -> None:
    """A broken file, another tool's file or a newer version: an alert that says so, and every typed answer untouched."""
    content, key = BAD_FILES[case]
    page = form_page
    open_form(page, "da")
    first = QUESTIONS[0]
    page.fill(f"#p-{first.id}", "Mit svar, som ikke må forsvinde")
    page.check("[data-question=ordninger-typer] input[value=seniorstillinger]")
    before = draft_text(page)
    (tmp_path / "fil.json").write_text(content, encoding="utf-8")
    open_file(page, tmp_path / "fil.json")
    alert = page.locator("[role=alert][data-alert]")
    expect(alert).to_have_text(STRINGS["da"](key))
    expect(alert).to_contain_text("Intet af det, du har skrevet, er ændret.")
    assert page.input_value(f"#p-{first.id}") == "Mit svar, som ikke må forsvinde"
    assert page.is_checked("[data-question=ordninger-typer] input[value=seniorstillinger]")
    assert draft_text(page) == before
    assert page.late_requests == []


def test_answers_the_form_no_longer_has_are_kept_and_saved_again(form_page: object, tmp_path: Path) -> None:
    """A file with a question the builder no longer has: the rest opens, and saving again keeps that answer as it was."""
    page = form_page
    open_form(page, "en")
    old = {"format": FILE_FORMAT, "version": 1, "language": "da",
           "answers": {"hvorfor-hvem": "alle", "spoergsmaal-der-er-fjernet": ["et", "gammelt svar"], "ordninger-typer": ["seniordage"]}}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    open_file(page, tmp_path / "old.json")
    expect(page.locator("[data-kept]")).to_have_text(STRINGS["en"]("policy.kept"))
    expect(page.locator("[data-question=ordninger-typer] input[value=seniordage]")).to_be_checked()
    expect(page.locator("#p-hvorfor-hvem")).to_have_value("alle")
    again = save(page, tmp_path / "again.json")
    assert again["answers"] == old["answers"]


def test_opening_a_file_over_typed_text_asks_first(form_page: object, tmp_path: Path) -> None:
    """With unsaved text, opening a good file asks; saying no keeps the text."""
    page = form_page
    open_form(page, "da")
    good = {"format": FILE_FORMAT, "version": 1, "language": "da", "answers": {"hvorfor-hvem": "fra filen"}}
    (tmp_path / "god.json").write_text(json.dumps(good), encoding="utf-8")
    page.fill("#p-hvorfor-hvem", "skrevet nu")
    with page.expect_event("dialog") as asked:
        open_file(page, tmp_path / "god.json")
    assert asked.value.message == STRINGS["da"]("policy.confirm_replace")
    asked.value.dismiss()
    assert page.input_value("#p-hvorfor-hvem") == "skrevet nu"
    page.once("dialog", lambda dialog: dialog.accept())
    open_file(page, tmp_path / "god.json")
    expect(page.locator("#p-hvorfor-hvem")).to_have_value("fra filen")


def test_clear_asks_first_and_empties_the_draft(form_page: object) -> None:
    """'Ryd' asks; saying no keeps the answers, saying yes empties the form and every part of the draft."""
    page = form_page
    open_form(page, "da")
    page.fill("#p-hvorfor-hvem", "alle")
    page.check("[data-question=opfoelgning-interval] input[value=hvert-aar]")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-action=clear]")
    assert page.input_value("#p-hvorfor-hvem") == "alle"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    assert shown_answers(page) == {} and page.is_checked("[data-question=opfoelgning-interval] input[value='']")
    expect(page.locator("[data-status]")).to_have_text("Formularen er tømt.")
    assert all(missing_text(part.title["da"], "da") in draft_text(page) for part in POLICY.parts)


@pytest.mark.parametrize("language", ["da", "en"])
def test_print_shows_only_the_draft_as_a_clean_document(form_page: object, language: str) -> None:
    """On paper: the municipality, the title, the date and the parts in order; no fields, buttons, site header or page intro."""
    page = form_page
    open_form(page, language)
    page.fill("#p-municipality", "Eksempelby Kommune")
    page.fill("#p-hvorfor-hvem", "alle medarbejdere")
    page.emulate_media(media="print")
    document = page.locator("[data-draft-document]")
    expect(document).to_be_visible()
    lines = [line for line in document.inner_text().splitlines() if line.strip()]
    assert lines[:3] == ["Eksempelby Kommune", STRINGS[language]("policy.draft_title"), dated_today(language)]
    headings = [f"{number}. {part.title[language]}" for number, part in enumerate(POLICY.parts, start=1)]
    assert [line for line in lines if line in headings] == headings
    hvem = next(q for q in QUESTIONS if q.id == "hvorfor-hvem")
    assert draft_lines(hvem, "alle medarbejdere", language)[0] in lines
    assert page.locator("input:visible, textarea:visible, button:visible, legend:visible").count() == 0
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "article > h1", ".sv-policy-nojs", ".sv-policy-draft__label", ".sv-feedback"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator("article > p:visible").count() == 0  # the page's intro
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_no_request_cookie_or_storage_during_a_whole_session(form_page: object, tmp_path: Path) -> None:
    """Answer, save, clear, open, print: not one request after load, nothing stored, no cookie."""
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


@pytest.mark.parametrize("language", ["da", "en"])
def test_at_phone_size_the_bar_is_one_compact_row(browser: object, site_url: str, language: str) -> None:
    """At 390×844 the site's header and the sticky bar cover at most an eighth of the screen; the rest waits behind 'More'."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + PAGE[language], wait_until="networkidle")
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    bar = page.locator(".sv-policy-bar").bounding_box()
    assert header["y"] == 0 and bar["y"] <= header["height"] + 1  # stuck under the header
    assert bar["y"] + bar["height"] <= 844 / 8
    buttons = page.locator(".sv-policy-actions .md-button:visible")
    assert buttons.count() == 3  # save, open, more
    assert len({round(box["y"]) for box in (buttons.nth(i).bounding_box() for i in range(buttons.count()))}) == 1  # one row
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    toggle = page.locator("[data-action=more]")
    expect(page.locator("[data-action=docx]")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-action=docx]")).to_be_visible()
    assert page.locator(".sv-policy-bar").bounding_box()["height"] == bar["height"]  # the menu opens over the page
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(page.locator("[data-action=docx]")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_passes_on_the_empty_and_the_filled_form(browser: object, site_url: str, language: str, width: int) -> None:
    """Zero WCAG 2.2 AA violations empty and filled, at phone and desktop width, with no sideways scroll."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + PAGE[language], wait_until="networkidle")
    for state in ("empty", "filled"):
        if state == "filled":
            fill_everything(page)
            page.evaluate("window.scrollTo(0, 0)")
            expect(page.locator(".md-header__title")).not_to_have_class(re.compile("md-header__title--active"))
            wait_for_animations_to_end(page)  # the header's site name fades back in at the top
        result = Axe().run(page, options=WCAG_AA)
        assert [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]] == [], state
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), state
    page.once("dialog", lambda dialog: dialog.accept())
    context.close()


def test_without_javascript_the_questions_are_there_to_read(browser: object, site_url: str) -> None:
    """No script: every question is on the page, the page says the builder needs JavaScript, no dead buttons or empty draft."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE["da"])
    expect(page.locator(".sv-policy-nojs")).to_be_visible()
    expect(page.locator(".sv-policy-bar")).to_be_hidden()
    expect(page.locator(".sv-policy-draft")).to_be_hidden()
    assert page.locator("[data-question]").count() == len(QUESTIONS)
    context.close()


# ----- Word and OpenDocument: the shared writer, loaded on demand --------------------------------

def expected_blocks(language: str) -> list[dict[str, str]]:
    """The block list the builder hands the writer for: a municipality, the date, one answer, every other part empty."""
    hvem = next(q for q in QUESTIONS if q.id == "hvorfor-hvem")
    blocks = [{"type": "note", "text": "Eksempelby Kommune"}, {"type": "note", "text": dated_today(language)}]
    for number, part in enumerate(POLICY.parts, start=1):
        blocks.append({"type": "heading", "text": f"{number}. {part.title[language]}"})
        if part.id == "hvorfor":
            blocks.append({"type": "text", "text": draft_lines(hvem, "alle medarbejdere", language)[0]})
        else:
            blocks.append({"type": "note", "text": missing_text(part.title[language], language)})
    return blocks


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_download_loads_the_writer_once_and_hands_it_the_draft(form_page: object, language: str, kind: str) -> None:
    """'Hent som Word'/'OpenDocument' loads document-file.js on first use (not before) and hands it the shell, the kind, a name and the blocks."""
    page = form_page
    loads = []

    def writer(route: object) -> None:
        loads.append(route.request.url)
        route.fulfill(status=200, content_type="application/javascript", body=WRITER_STUB)

    page.route("**/assets/javascripts/document-file.js", writer)
    open_form(page, language)
    assert loads == []
    page.fill("#p-municipality", "Eksempelby Kommune")
    page.fill("#p-hvorfor-hvem", "alle medarbejdere")
    page.click(f"[data-action={kind}]")
    expect(page.locator("[data-status]")).to_have_text(STRINGS[language]("policy.document_ready"))
    handed = page.evaluate("window.svHandedOver")
    site = page.site_url
    assert handed == {"shell": f"{site}dokumenter/seniorvaerktoejer-seniorpolitik-{language}.{kind}", "kind": kind,
                      "fileName": f"{STRINGS[language]('policy.file_name')}.{kind}", "blocks": expected_blocks(language)}
    page.click(f"[data-action={'odt' if kind == 'docx' else 'docx'}]")
    expect(page.locator("[data-status]")).to_have_text(STRINGS[language]("policy.document_ready"))
    assert loads == [f"{site}assets/javascripts/document-file.js"]  # loaded once


def test_a_writer_that_cannot_load_says_so_and_loses_nothing(form_page: object) -> None:
    """If document-file.js cannot be loaded (off line, say), an alert says so; the answers stay, and a later try loads again."""
    page = form_page
    page.route("**/assets/javascripts/document-file.js", lambda route: route.fulfill(status=404, body="not here"))
    open_form(page, "da")
    page.fill("#p-hvorfor-hvem", "alle")
    page.click("[data-action=docx]")
    expect(page.locator("[role=alert][data-alert]")).to_have_text(STRINGS["da"]("policy.document_failed"))
    assert page.input_value("#p-hvorfor-hvem") == "alle"
    page.unroute("**/assets/javascripts/document-file.js")
    page.route("**/assets/javascripts/document-file.js", lambda route: route.fulfill(status=200, content_type="application/javascript", body=WRITER_STUB))
    page.click("[data-action=docx]")
    expect(page.locator("[data-status]")).to_have_text(STRINGS["da"]("policy.document_ready"))


@pytest.mark.parametrize("kind", ["docx", "odt"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_build_writes_a_titled_shell_for_each_language(built_site: BuildResult, language: str, kind: str) -> None:
    """dokumenter/seniorvaerktoejer-seniorpolitik-<language>.docx|odt: the draft's title and the one paragraph the writer replaces."""
    with zipfile.ZipFile(built_site.site / WORD_FOLDER / f"seniorvaerktoejer-seniorpolitik-{language}.{kind}") as document:
        xml = document.read("word/document.xml" if kind == "docx" else "content.xml").decode("utf-8")
    assert xml.count(SHELL_MARKER) == 1
    assert STRINGS[language]("word.shell.seniorpolitik") == STRINGS[language]("policy.draft_title") and STRINGS[language]("policy.draft_title") in xml
    assert 'href="' + WORD_FOLDER not in (built_site.site / PAGE[language] / "index.html").read_text(encoding="utf-8")  # never offered empty


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_the_real_writer_puts_the_answers_into_the_file(form_page: object, tmp_path: Path, kind: str) -> None:
    """With the site's own writer and shell: the downloaded file holds the title, the municipality, every part and the answers."""
    page = form_page
    open_form(page, "da")
    page.fill("#p-municipality", "Eksempelby Kommune")
    page.fill("#p-hvorfor-hvem", "alle medarbejdere & ledere")
    page.check("[data-question=ordninger-typer] input[value=seniordage]")
    with page.expect_download() as download:
        page.click(f"[data-action={kind}]")
    download.value.save_as(tmp_path / f"udkast.{kind}")
    with zipfile.ZipFile(tmp_path / f"udkast.{kind}") as archive:
        xml = archive.read("word/document.xml" if kind == "docx" else "content.xml").decode("utf-8")
    hvem = next(q for q in QUESTIONS if q.id == "hvorfor-hvem")
    seniordage = next(o for q in QUESTIONS if q.id == "ordninger-typer" for o in q.options if o.id == "seniordage")
    assert SHELL_MARKER not in xml
    for text in (STRINGS["da"]("policy.draft_title"), "Eksempelby Kommune", dated_today("da"), draft_lines(hvem, "alle medarbejdere &amp; ledere", "da")[0],
                 seniordage.draft["da"], missing_text("Mål", "da"), *(f"{n}. {part.title['da']}" for n, part in enumerate(POLICY.parts, start=1))):
        assert text in xml, text
    assert xml.index("1. Hvorfor og for hvem") < xml.index("Politikken gælder") < xml.index("2. Mål") < xml.index(missing_text("Mål", "da"))
    expect(page.locator("[data-status]")).to_have_text(STRINGS["da"]("policy.document_ready"))
    assert page.input_value("#p-hvorfor-hvem") == "alle medarbejdere & ledere"
