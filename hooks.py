"""MkDocs hooks: thin adapters that hand each build event to the plain code in seniorsite/ (see ARCHITECTURE.md)."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import font_source_sans_pro
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from seniorsite.data.catalogue import entry_slug
from seniorsite.data.page_check import page_problems
from seniorsite.data.page_reviews import danish_page_of, page_reviews
from seniorsite.data.placeholders import page_placeholder_problems
from seniorsite.data.site_data import EVENTS_FILE, SCHEMA_DIR, YEAR_CYCLE_FILE
from seniorsite.editing.annotations import in_github_actions, link_warning_annotation, problem_annotations
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES, hreflang_links, language_base_url, language_prefix, share_image_url, site_root
from seniorsite.outputs.calendars import write_every_calendar
from seniorsite.outputs.details_panel import write_panel_scripts
from seniorsite.outputs.offline.copy_site import write_offline_zip
from seniorsite.outputs.pdf.books import Chapter, nav_sources, neutral_source
from seniorsite.outputs.word.publish import with_word_downloads, write_texts
from seniorsite.outputs.word.texts import RenderedPage
from seniorsite.outputs.year_cycle_calendar import write_year_calendars
from seniorsite.page.compact_html import compact_html
from seniorsite.page.fill_in import with_details_opener, with_fill_spans, with_prompts
from seniorsite.page.markers import body_line_offset, replace_markers
from seniorsite.page.page_parts import (
    add_copy_buttons,
    insert_after_title,
    link_first_terms,
    mark_printed_addresses,
    slugify,
    valid_theme_markup,
)
from seniorsite.page.page_scripts import with_page_scripts
from seniorsite.page.page_sources import data_edit_url, page_meta
from seniorsite.page.render import EVENTS_PAGE, GLOSSARY_PAGE, PageRenderer
from seniorsite.page.security_policy import add_security_policy
from seniorsite.page.task_paths import with_step_box
from seniorsite.page.template_cache import THEME_TEMPLATES
from seniorsite.problems import ContentError
from seniorsite.run import BuildRun
from seniorsite.whole_site.own_assets import ScriptSyntaxError, minify_own_assets
from seniorsite.whole_site.search_css import move_search_results_css
from seniorsite.whole_site.search_index import split_search_index
from seniorsite.whole_site.search_worker import use_stemming_worker
from seniorsite.whole_site.sitemaps import split_sitemap
from seniorsite.whole_site.unused_css import prune_theme_stylesheets

log = get_plugin_logger("seniorsite")
PROJECT_DIR = Path(__file__).parent
NOT_FOUND = "404.html"
FONT_FOLDER = Path(font_source_sans_pro.font_directory)
LOGO = PROJECT_DIR / "docs" / "assets" / "images" / "logo.svg"
# The run's one state: switches, data, strings, the moment, git's times, each language's PDFs and 404 page.
RUN = BuildRun(PROJECT_DIR)


class LinkAnnotations(logging.Handler):
    """Repeats MkDocs' warnings about a page's links as GitHub annotations on the page's line."""

    def __init__(self, docs_dir: Path):
        super().__init__(logging.WARNING)
        self.docs_dir = docs_dir

    def emit(self, record: logging.LogRecord) -> None:
        """Print the annotation for a link warning; leave every other message alone."""
        found = link_warning_annotation(record.getMessage(), self.docs_dir)
        if found:
            print(found, flush=True)


def _stop(error: ContentError) -> PluginError:
    """Return the build's stopping error; in GitHub Actions first print every problem as an annotation."""
    if in_github_actions():
        print(problem_annotations(error.problems), flush=True)
    return PluginError(str(error))


def _annotate_link_warnings(docs_dir: Path) -> None:
    """In GitHub Actions, show MkDocs' link warnings on their page and line too (once per run)."""
    mkdocs_log = logging.getLogger("mkdocs")
    if in_github_actions() and not any(isinstance(handler, LinkAnnotations) for handler in mkdocs_log.handlers):
        mkdocs_log.addHandler(LinkAnnotations(docs_dir))


def _current_language(config: MkDocsConfig) -> str:
    """Return the language being built, as the i18n plugin knows it."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def _outer_build_finished(config: MkDocsConfig) -> bool:
    """True once the i18n plugin has built every language (not inside one language's build)."""
    return not getattr(config.plugins.get("i18n"), "building", False)


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this run is the live preview (`mkdocs serve`)."""
    RUN.serve = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the pages (a quick read of each) and load the data (once per run, then cached)."""
    problems = page_problems(Path(config.docs_dir), LANGUAGES)
    once_per_run = _current_language(config) == DEFAULT_LANGUAGE or not RUN.reviews  # these read both languages' pages
    if once_per_run:
        RUN.reviews, review_problems = page_reviews(Path(config.docs_dir), PROJECT_DIR / SCHEMA_DIR)
        problems += review_problems
    try:
        data, loaded_now = RUN.load_data()
        if once_per_run:
            problems += page_placeholder_problems(Path(config.docs_dir), data.details.ids)
    except ContentError as error:
        problems += error.problems
    if problems:
        raise _stop(ContentError(problems))
    _annotate_link_warnings(Path(config.docs_dir))
    if RUN.serve:
        config.theme.static_templates.discard("sitemap.xml")  # the preview needs no sitemap; it took a fifth of a rebuild
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    # The glossary's tooltips, given to the abbr extension once per language build: as definitions appended
    # to every page they cost ~6 ms a page of Markdown parsing (a third of the build at 300 examples).
    config.mdx_configs.setdefault("abbr", {})["glossary"] = data.glossary.tooltips(_current_language(config))
    RUN.begin_language(_current_language(config), data)
    if loaded_now:
        log.info(
            f"Loaded data: {len(data.faq.questions)} questions, {len(data.events)} events; "
            f"{len(data.conversation.all_questions())} conversation questions, {len(data.glossary.terms)} glossary terms, "
            f"{len(data.catalogue.entries)} catalogue examples"
        )
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the page's data markers with rendered data in the page's language, and its placeholders with marked spans."""
    language = _current_language(config)
    url_in_language = page.url.removeprefix(language_prefix(language))
    renderer = PageRenderer(
        environment=RUN.partials, data=RUN.data, language=language, t=RUN.strings[language], now=RUN.now,
        root="../" * url_in_language.count("/"), page_url=f"{config.site_url}{page.url}",
        events_url=f"{site_root(config.site_url, language)}{language_prefix(language)}{EVENTS_PAGE}",
        translation_items=RUN.waiting_translations,
        edit_base=data_edit_url(config.repo_url or "", config.edit_uri or "", ""),  # the edit address of the repository's root
        home_url=f"{site_root(config.site_url, language)}{language_prefix(language)}",  # the poster's QR code leads here
        page_source=neutral_source(page.file.src_uri, language, DEFAULT_LANGUAGE),
    )
    page.meta.update(page_meta(markdown, page.file.src_uri, language, renderer.t, config.repo_url or "", config.edit_uri or "",
                               (entry.slug for entry in RUN.data.catalogue.entries), RUN.git_times, PROJECT_DIR,
                               RUN.reviews.get(danish_page_of(page.file.src_uri))))
    try:
        offset = body_line_offset(page.file.content_string, markdown)
        markdown = with_fill_spans(replace_markers(markdown, renderer.renderers(), f"docs/{page.file.src_uri}", offset))
    except ContentError as error:
        raise _stop(error) from None
    slug = entry_slug(page.file.src_uri)
    if slug:
        markdown = insert_after_title(markdown, renderer.catalogue_facts(slug))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give every ready-to-use text its copy button and its fields' prompts; link a term to its glossary entry where it first appears; show a task's step where it lies; mark links for print."""
    language = _current_language(config)
    url_in_language = page.url.removeprefix(language_prefix(language))
    glossary = None if url_in_language == GLOSSARY_PAGE else "../" * url_in_language.count("/") + GLOSSARY_PAGE
    terms = link_first_terms(html, RUN.term_ids, glossary)
    places = RUN.data.paths.steps_on(neutral_source(page.file.src_uri, language, DEFAULT_LANGUAGE))
    terms = with_step_box(terms, places, "../" * url_in_language.count("/"), language, RUN.strings[language], RUN.partials)
    return add_copy_buttons(mark_printed_addresses(with_prompts(terms, RUN.data.details, language)), RUN.strings[language])


@event_priority(-100)  # after the i18n plugin has set the language selector
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Point the language selector at this page's twin, and root search at the page's language."""
    alternates = getattr(page.file, "alternates", {})
    # The i18n plugin sets the selector as an attribute, which the theme reads before the key.
    config.extra.alternate = [
        {**choice, "link": alternates[choice["lang"]].url} if choice["lang"] in alternates else choice
        for choice in getattr(config.extra, "alternate", None) or []
    ]
    context["hreflang_alternates"] = hreflang_links(config.site_url, {lang: twin.url for lang, twin in alternates.items()})
    language = _current_language(config)
    context["base_url"] = language_base_url(context["base_url"], language)
    context["share_image"] = share_image_url(config.site_url, language)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """On the 404 page, point the language selector at each language's front page."""
    if template_name == NOT_FOUND:
        config.extra.alternate = getattr(config.plugins.get("i18n"), "extra_alternate", None) or []
        context["share_image"] = share_image_url(config.site_url, _current_language(config))
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Reuse the theme's compiled templates; write the language's PDFs and Word files from its rendered pages, before any page is written."""
    env.bytecode_cache = THEME_TEMPLATES  # the theme compiles ~50 templates per language build otherwise
    language = _current_language(config)
    built = RUN.languages[language]
    built.pdfs, built.posters, built.word = None, None, None
    if RUN.switches.pdfs:
        built.pdfs = _write_pdfs(files, config, language)
    if RUN.switches.word:
        built.word = _write_word_files(files, config, language)
    return env


def _rendered_pages(files: Files, language: str) -> list[Chapter]:
    """Return every rendered page of the language as a chapter: its language-neutral source, title, address and HTML."""
    return [
        Chapter(neutral_source(file.src_uri, language, DEFAULT_LANGUAGE), file.page.title or "", file.page.url, file.page.content)
        for file in files.documentation_pages()
        if file.page is not None and file.page.content
    ]


def _write_pdfs(files: Files, config: MkDocsConfig, language: str) -> dict:
    """Write the language's PDFs (the books and the posters); return the books' facts by key and keep the posters' on the run."""
    from seniorsite.outputs.pdf.poster import write_posters
    from seniorsite.outputs.pdf.publish import (
        write_books,  # here, not on top: WeasyPrint takes ~1 s to import, wasted when the PDFs are off
    )
    from seniorsite.outputs.pdf.write import new_notices

    started = time.perf_counter()
    chapters = _rendered_pages(files, language)
    try:
        pdfs, notices = write_books(
            chapters, nav_sources(config.nav or []), language, RUN.partials, RUN.strings[language], config.site_url,
            RUN.now, Path(config.site_dir), Path(config.docs_dir), FONT_FOLDER, LOGO,
        )
        RUN.languages[language].posters = write_posters(chapters, language, RUN.partials, RUN.strings[language], config.site_url, RUN.now,
                                                        Path(config.site_dir), Path(config.docs_dir), FONT_FOLDER)
    except ContentError as error:
        raise _stop(error) from None
    for notice in new_notices(notices, RUN.notices_said):
        log.info(notice)  # about the machine, not the document: said once per run, and the build goes on
    pages = sum(facts.pages for facts in pdfs.values())
    log.info(f"PDFs ({language}): {len(pdfs)} files, {pages} pages in {time.perf_counter() - started:.1f} s")
    return pdfs


def _write_word_files(files: Files, config: MkDocsConfig, language: str) -> dict:
    """Write the language's Word and OpenDocument files; return each text and its files' facts by key."""
    started = time.perf_counter()
    pages = {chapter.source: RenderedPage(chapter.title, chapter.url, chapter.html) for chapter in _rendered_pages(files, language)}
    try:
        written = write_texts(pages, nav_sources(config.nav or []), language, RUN.strings[language], config.site_url, RUN.now, Path(config.site_dir))
    except ContentError as error:
        raise _stop(error) from None
    log.info(f"Word and OpenDocument files ({language}): {2 * len(written)} files in {time.perf_counter() - started:.1f} s")
    return written


def _with_downloads(output: str, page: Page, language: str) -> str:
    """Offer the tool's PDF under a tool page's title, and every download on the front page; give a page with texts to fill in its panel."""
    root = "../" * page.url.count("/")
    output = with_details_opener(output, RUN.data.details, language, RUN.strings[language], RUN.partials, root)
    word = RUN.languages[language].word
    if word:
        output = with_word_downloads(output, neutral_source(page.file.src_uri, language, DEFAULT_LANGUAGE), word, root, language,
                                     RUN.strings[language], RUN.partials)
    pdfs = RUN.languages[language].pdfs
    if pdfs is None:
        return output
    from seniorsite.outputs.pdf.publish import with_downloads, with_poster_downloads  # loaded by on_env, which wrote the PDFs

    url_in_language = page.url.removeprefix(language_prefix(language))
    output = with_poster_downloads(output, page.url, RUN.languages[language].posters or {}, language, RUN.strings[language], RUN.partials)
    return with_downloads(output, page.url, url_in_language, pdfs, language, RUN.strings[language], RUN.partials,
                          neutral_source(page.file.src_uri, language, DEFAULT_LANGUAGE))


def _finished_page(html: str) -> str:
    """Return a written page without unused tool scripts or blank space, its scheme set before its first paint, the theme's script on demand and its tables framed, with its Content-Security-Policy."""
    return add_security_policy(use_stemming_worker(compact_html(with_page_scripts(valid_theme_markup(html)))), RUN.serve)


@event_priority(-100)  # last, so the hashes match the page exactly as it is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Offer the PDFs; leave out unused tool scripts and blank space; give every page a Content-Security-Policy that allows only this site."""
    return _finished_page(_with_downloads(output, page, _current_language(config)))


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the 404 page its policy; keep each language's 404 page in that language's folder."""
    if template_name != NOT_FOUND:
        return output_content
    language = _current_language(config)
    RUN.languages[language].not_found_page = _finished_page(output_content)
    if language != DEFAULT_LANGUAGE:
        # Every language's build writes site/404.html; the others' go to their own folder instead.
        target = Path(config.site_dir) / language_prefix(language) / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(RUN.languages[language].not_found_page, encoding="utf-8")
    return RUN.languages[DEFAULT_LANGUAGE].not_found_page or RUN.languages[language].not_found_page


@event_priority(-200)  # after the i18n plugin has built every language and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    """Give each language its own search index and sitemap, write every language's calendars (the events and the year), slim the CSS and scripts, and (unless switched off) write the offline zip."""
    if not _outer_build_finished(config):
        return
    site_dir = Path(config.site_dir)
    data = RUN.data
    counts = split_search_index(site_dir, LANGUAGES, {language: data.glossary.synonyms(language) for language in LANGUAGES})
    if (site_dir / "sitemap.xml").exists():  # not written under `make serve`
        split_sitemap(site_dir, config.site_url, LANGUAGES)
    write_every_calendar(site_dir, data.events, RUN.strings, config.site_url, EVENTS_PAGE, urlsplit(config.site_url).hostname or "localhost",
                         RUN.now, PROJECT_DIR / EVENTS_FILE)
    write_year_calendars(site_dir, data.year_cycle, RUN.strings, config.site_url, urlsplit(config.site_url).hostname or "localhost",
                         RUN.now, PROJECT_DIR / YEAR_CYCLE_FILE)
    write_panel_scripts(site_dir, data.details, RUN.strings, LANGUAGES, RUN.partials)
    log.info(f"Search indexes per language: {counts}; calendars written for {len(data.events)} events")
    if not RUN.serve:  # the preview keeps the theme's whole CSS (it looks the same) and reloads sooner
        try:
            minify_own_assets(site_dir)
        except ScriptSyntaxError as error:
            raise PluginError(str(error)) from None
        pruned = prune_theme_stylesheets(site_dir)
        log.info("Theme CSS kept: " + ", ".join(f"{name} {after // 1000} of {before // 1000} KB" for name, (before, after) in pruned.items()))
    move_search_results_css(site_dir)  # search-on-demand.js loads them when the reader turns to search
    if not RUN.switches.offline:
        return
    offline = write_offline_zip(site_dir, config.site_url, LANGUAGES, RUN.now)
    log.info(f"Offline copy: {offline.path.name}, {offline.size / 1_000_000:.1f} MB, {offline.files} files")
