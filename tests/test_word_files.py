"""The Word and OpenDocument files: pandoc's output in the site's identity, its placeholders findable by the browser, reproducible."""

from __future__ import annotations

import html
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import odfdo
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor

from seniorsite.outputs.word import convert
from seniorsite.outputs.word.convert import WordJob, pandoc_html, write_word_files
from seniorsite.outputs.word.reference import reference_files
from seniorsite.problems import ContentError

MOMENT = datetime(2023, 9, 5, 12, 0, tzinfo=UTC)
LATER = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
# What the browser will look for to fill the placeholders in (one run or span per prompt).
DOCX_PLACEHOLDER = re.compile(r'<w:r><w:rPr><w:rStyle w:val="Placeholder" ?/></w:rPr><w:t[^>]*>([^<]*)</w:t></w:r>')
ODT_PLACEHOLDER = re.compile(r'<text:span text:style-name="Placeholder">([^<]*)</text:span>')

DANISH = """<h1>Klage over en afgørelse</h1>
<h2>Sådan skriver du</h2>
<p>Send klagen til <span class="sv-fill" data-field="kommune">[kommunens navn]</span> senest<span class="sv-fill" data-field="frist" title="Fristen">
 [dato <em>for</em>
 fristen]</span>, og skriv <strong>tydeligt</strong> hvad du klager over.</p>
<p>Vedlæg kopi &amp; bilag &lt;gerne som PDF&gt;.</p>
<ul><li>Dit navn og din adresse</li><li>Dit <strong>sagsnummer</strong></li></ul>
<ol><li>Skriv klagen</li><li>Send den</li></ol>"""
DANISH_TEXT = [
    "Klage over en afgørelse",
    "Sådan skriver du",
    "Send klagen til [kommunens navn] senest [dato for fristen], og skriv tydeligt hvad du klager over.",
    "Vedlæg kopi & bilag <gerne som PDF>.",
    "Dit navn og din adresse",
    "Dit sagsnummer",
    "Skriv klagen",
    "Send den",
]
DANISH_PROMPTS = ["[kommunens navn]", "[dato for fristen]"]

ENGLISH = """<h1>Asking for your records</h1>
<h2>What to write</h2>
<p>Dear <span class="sv-fill" data-field="recipient">[name of the practice]</span>, I ask for a copy of my records
(<span class="sv-fill" data-field="period">[from, to &amp; including]</span>), see <a href="https://example.org/rights">your rights</a>.</p>
<h3>Keep a copy</h3>
<ul><li>Date it</li><li>Sign it</li></ul>"""
ENGLISH_TEXT = [
    "Asking for your records",
    "What to write",
    "Dear [name of the practice], I ask for a copy of my records ([from, to & including]), see your rights.",
    "Keep a copy",
    "Date it",
    "Sign it",
]
ENGLISH_PROMPTS = ["[name of the practice]", "[from, to & including]"]

SAMPLES = {
    "da": (DANISH, "Klage over en afgørelse & svar", DANISH_TEXT, DANISH_PROMPTS, ("da-DK", "da", "DK")),
    "en": (ENGLISH, "Asking for your records", ENGLISH_TEXT, ENGLISH_PROMPTS, ("en-GB", "en", "GB")),
}


def sample_jobs(folder: Path) -> list[WordJob]:
    """Return the Danish and the English sample as jobs writing into folder."""
    return [WordJob(html=sample[0], title=sample[1], language=language, stem=folder / f"brev-{language}") for language, sample in SAMPLES.items()]


def written(folder: Path, moment: datetime) -> Path:
    """Write the samples into folder (its own workdir beside them); return the folder."""
    folder.mkdir(parents=True)
    write_word_files(sample_jobs(folder), moment, folder / "work")
    return folder


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples written once, at MOMENT."""
    return written(tmp_path_factory.mktemp("word") / "first", MOMENT)


def entry(path: Path, name: str) -> str:
    """Return one entry of a zip file as text."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def odt_blocks(path: Path) -> list[tuple[str, str]]:
    """Return each heading and paragraph of an .odt in order: its style and its plain text."""
    body = odfdo.Document(str(path)).body
    # odfdo's own text shows links as Markdown; the serialised element, tags removed, is the text a reader sees.
    return [(block.style, " ".join(html.unescape(re.sub(r"<[^>]+>", "", block.serialize())).split()))
            for block in body.get_elements("descendant::text:h|descendant::text:p")]


@pytest.mark.parametrize("language", SAMPLES)
def test_the_docx_has_the_headings_and_every_paragraph_in_order(files: Path, language: str) -> None:
    """Headings in Heading 1 and 2, then every paragraph and list item, the placeholders' prompts in their place."""
    document = docx.Document(str(files / f"brev-{language}.docx"))
    paragraphs = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert [text for _, text in paragraphs] == SAMPLES[language][2]
    assert paragraphs[0] == ("Heading 1", SAMPLES[language][2][0])
    assert paragraphs[1] == ("Heading 2", SAMPLES[language][2][1])
    assert "Title" not in {style for style, _ in paragraphs}


@pytest.mark.parametrize("language", SAMPLES)
def test_the_odt_has_the_headings_and_every_paragraph_in_order(files: Path, language: str) -> None:
    """Headings in Heading 1 and 2 at their levels, then every paragraph and list item, and no Title paragraph."""
    path = files / f"brev-{language}.odt"
    blocks = odt_blocks(path)
    assert [text for _, text in blocks] == SAMPLES[language][2]
    headers = odfdo.Document(str(path)).body.headers
    assert [(str(header.level), header.style) for header in headers[:2]] == [("1", "Heading_20_1"), ("2", "Heading_20_2")]
    assert "Title" not in {style for style, _ in blocks}


def test_lists_are_bulleted_and_numbered(files: Path) -> None:
    """The bulleted list keeps its bullets and the numbered one its numbers, in both formats."""
    path = files / "brev-da"
    numbering = entry(path.with_suffix(".docx"), "word/numbering.xml")
    assert '<w:numFmt w:val="bullet" />' in numbering and '<w:numFmt w:val="decimal" />' in numbering
    content = entry(path.with_suffix(".odt"), "content.xml")
    assert "<text:list-level-style-bullet" in content and 'style:num-format="1"' in content


def test_a_link_stays_a_link(files: Path) -> None:
    """A link in the fragment is a hyperlink to the same address in both formats."""
    path = files / "brev-en"
    assert 'Target="https://example.org/rights"' in entry(path.with_suffix(".docx"), "word/_rels/document.xml.rels")
    assert 'xlink:href="https://example.org/rights"' in entry(path.with_suffix(".odt"), "content.xml")


@pytest.mark.parametrize("language", SAMPLES)
def test_each_placeholder_is_one_run_or_span_in_the_placeholder_style(files: Path, language: str) -> None:
    """The browser's regexes find exactly the prompts, in order; the Placeholder style exists and stands out."""
    path = files / f"brev-{language}"
    prompts = [html.escape(prompt, quote=False) for prompt in SAMPLES[language][3]]
    assert DOCX_PLACEHOLDER.findall(entry(path.with_suffix(".docx"), "word/document.xml")) == prompts
    assert ODT_PLACEHOLDER.findall(entry(path.with_suffix(".odt"), "content.xml")) == prompts
    style = docx.Document(str(path.with_suffix(".docx"))).styles["Placeholder"]
    assert style.type == WD_STYLE_TYPE.CHARACTER and style.font.color.rgb == RGBColor(0x7A, 0x3E, 0x00)
    assert 'w:fill="FFF3BF"' in entry(path.with_suffix(".docx"), "word/styles.xml")
    odt_style = odfdo.Document(str(path.with_suffix(".odt"))).get_style("text", "Placeholder")
    assert odt_style.get_properties(area="text") == {"fo:color": "#7a3e00", "fo:background-color": "#fff3bf"}


@pytest.mark.parametrize("language", SAMPLES)
def test_the_language_and_title_are_set(files: Path, language: str) -> None:
    """The document's language (Word's defaults, the odt's meta and default style) and its title property."""
    _, title, _, _, (tag, code, country) = SAMPLES[language]
    path = files / f"brev-{language}"
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", entry(path.with_suffix(".docx"), "word/styles.xml"), re.DOTALL).group(0)
    assert re.search(rf'<w:lang [^>]*w:val="{tag}"', defaults)
    assert docx.Document(str(path.with_suffix(".docx"))).core_properties.title == title
    odt = odfdo.Document(str(path.with_suffix(".odt")))
    assert (odt.meta.get_title(), odt.meta.get_language()) == (title, tag)
    default_style = re.search(r'<style:default-style style:family="paragraph">.*?</style:default-style>', entry(path.with_suffix(".odt"), "styles.xml"), re.DOTALL)
    assert f'fo:language="{code}"' in default_style.group(0) and f'fo:country="{country}"' in default_style.group(0)


def test_the_headings_wear_the_sites_colours_and_font(files: Path) -> None:
    """Headings 1-2 in the primary colour, heading 3 in its dark shade, bold, in Source Sans Pro; body text 11 pt."""
    colours = {1: RGBColor(0x0B, 0x55, 0x63), 2: RGBColor(0x0B, 0x55, 0x63), 3: RGBColor(0x06, 0x3F, 0x4A)}
    styles = docx.Document(str(files / "brev-en.docx")).styles
    for level, colour in colours.items():
        font = styles[f"Heading {level}"].font
        assert (font.color.rgb, font.bold, font.name) == (colour, True, "Source Sans Pro"), level
    assert re.search(r'<w:rPrDefault>\s*<w:rPr>\s*<w:rFonts [^>]*w:ascii="Source Sans Pro"[^>]*/>\s*<w:sz w:val="22"', entry(files / "brev-en.docx", "word/styles.xml"))
    odt = odfdo.Document(str(files / "brev-en.odt"))
    for level, colour in colours.items():
        properties = odt.get_style("paragraph", f"Heading_20_{level}").get_properties(area="text")
        assert (properties["fo:color"], properties["fo:font-weight"]) == (f"#{colour}".lower(), "bold"), level


def test_the_reference_documents_are_the_same_each_time(tmp_path: Path) -> None:
    """Two reference documents made apart are byte-identical; the odt's mimetype comes first, stored."""
    first, second = reference_files(tmp_path / "a"), reference_files(tmp_path / "b")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert 'w:color w:val="0B5563"' in entry(first[0], "word/styles.xml")
    assert 'fo:color="#0b5563"' in entry(first[1], "styles.xml")


@pytest.mark.parametrize("language", SAMPLES)
def test_the_odt_starts_with_its_mimetype_stored(files: Path, language: str) -> None:
    """An OpenDocument reader identifies the file by its first entry, `mimetype`, uncompressed."""
    with zipfile.ZipFile(files / f"brev-{language}.odt") as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read(first) == b"application/vnd.oasis.opendocument.text"


def test_the_same_moment_gives_the_same_bytes_and_another_moment_valid_files(files: Path, tmp_path: Path) -> None:
    """A second write at the same moment is byte-identical; a later moment gives other dates in files that still open."""
    again, later = written(tmp_path / "again", MOMENT), written(tmp_path / "later", LATER)
    for name in ("brev-da.docx", "brev-da.odt", "brev-en.docx", "brev-en.odt"):
        assert (again / name).read_bytes() == (files / name).read_bytes(), name
        assert (later / name).read_bytes() != (files / name).read_bytes(), name
    assert docx.Document(str(later / "brev-da.docx")).core_properties.created == LATER
    assert odfdo.Document(str(later / "brev-da.odt")).meta.get_title() == SAMPLES["da"][1]
    assert [text for _, text in odt_blocks(later / "brev-da.odt")] == DANISH_TEXT


def test_the_facts_name_each_file_and_its_size(tmp_path: Path) -> None:
    """Each job's facts are its two files' names and sizes; a stem with a dot keeps it."""
    job = WordJob(html="<h1>Brev</h1><p>Tekst.</p>", title="Brev", language="da", stem=tmp_path / "brev.v2")
    [facts] = write_word_files([job], MOMENT, tmp_path / "work")
    assert (facts.docx_name, facts.odt_name) == ("brev.v2.docx", "brev.v2.odt")
    assert (facts.docx_size, facts.odt_size) == ((tmp_path / "brev.v2.docx").stat().st_size, (tmp_path / "brev.v2.odt").stat().st_size)


def test_a_pandoc_failure_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pandoc failing (its reference document missing) is a ContentError naming the job's file, with pandoc's words."""
    monkeypatch.setattr(convert, "reference_files", lambda workdir: (workdir / "missing.docx", workdir / "missing.odt"))
    job = WordJob(html=DANISH, title="Klage", language="da", stem=tmp_path / "klage")
    with pytest.raises(ContentError) as caught:
        write_word_files([job], MOMENT, tmp_path / "work")
    assert {problem.file for problem in caught.value.problems} == {"klage"}
    assert {problem.message.split(":")[0] for problem in caught.value.problems} == {
        "pandoc could not write the .docx file", "pandoc could not write the .odt file"}
    assert all("missing" in problem.message for problem in caught.value.problems)


def test_every_failing_job_is_named_at_once(tmp_path: Path) -> None:
    """Jobs whose folder cannot be made (a file is in the way) fail in pandoc; all are reported together, the good one still written."""
    (tmp_path / "in-the-way").write_text("a file, not a folder", encoding="utf-8")
    good = WordJob(html="<h1>A</h1>", title="A", language="en", stem=tmp_path / "good")
    lost = [WordJob(html="<h1>B</h1>", title="B", language="en", stem=tmp_path / "in-the-way" / name) for name in ("one", "two")]
    with pytest.raises(ContentError) as caught:
        write_word_files([good, *lost], MOMENT, tmp_path / "work")
    assert {problem.file for problem in caught.value.problems} == {"one", "two"}
    assert all("in-the-way" in problem.message and "backtrace" not in problem.message for problem in caught.value.problems)
    assert (tmp_path / "good.docx").is_file() and (tmp_path / "good.odt").is_file()


def test_a_placeholder_becomes_a_pandoc_span_with_its_text_only() -> None:
    """The field's span loses its class, data and inner markup, keeps its prompt; the rest of the fragment is untouched."""
    fragment = '<p>Til <span class="sv-fill" data-field="x" id="f1">[<b>navn</b> &amp; adresse]</span> &lt;i dag&gt; <span class="note">ok</span></p>'
    assert pandoc_html(fragment) == '<p>Til <span data-custom-style="Placeholder">[navn &amp; adresse]</span> &lt;i dag&gt; <span class="note">ok</span></p>'


def test_a_prompts_white_space_is_as_the_browser_shows_it() -> None:
    """A line break inside a prompt becomes a space, a space at its edge moves outside; a no-break space stays."""
    fragment = '<p>Til<span class="sv-fill"> [dit\n  fulde\u00a0navn] </span>i dag</p>'
    assert pandoc_html(fragment) == '<p>Til <span data-custom-style="Placeholder">[dit fulde\u00a0navn]</span> i dag</p>'
