# Seniorværktøjer: the commands a newcomer needs. `make site`, `make test`, `make serve`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SITE_READY := $(VENV)/.site-ready
TEST_READY := $(VENV)/.test-ready
BUILD_DIR := .site-build

# MkDocs 1.6 prints a notice about 2.0 on every run; this project pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

# The system packages each command needs (Pango, Chromium, Java, npm, …), from the one list in
# scripts/system_packages.py: installed with apt-get where this user may, else named with the commands
# that install them. SYSTEM_CHECK_ARGS passes options, e.g. --no-install.
SYSTEM_PACKAGES := $(PYTHON) scripts/system_packages.py $(SYSTEM_CHECK_ARGS)
# On macOS, WeasyPrint finds Homebrew's Pango only when told where it is (the system strips DYLD_ variables
# from make's own environment, so each command is given it on its line).
ifeq ($(shell uname -s),Darwin)
LIBRARIES := DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib:/usr/local/lib
endif

.PHONY: reviews setup system-build system-serve system-test site serve test bench first-view links readability search-report translations spelling lock clean issue-forms new-example new-event new-faq

## site: set up .venv and build the whole site, PDFs and offline zip included, into site/ (strict; site/ is replaced only on success)
site: system-build $(SITE_READY)
	rm -rf $(BUILD_DIR)
	$(LIBRARIES) $(BIN)/mkdocs build --strict --site-dir $(BUILD_DIR)
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv $(BUILD_DIR) site
	rm -rf site.old

# What the preview leaves out, so a reload stays quick: the PDFs, the Word files and the offline zip (tests/live_preview.py reads this line).
SERVE_ENV := SENIORSITE_PDF=0 SENIORSITE_OFFLINE=0 SENIORSITE_WORD=0

## serve: preview on http://127.0.0.1:8000/ with live reload (MkDocs through scripts/serve.py: a quicker watcher; without the PDFs, the offline zip, the CSS pruning and the sitemap, so a reload stays quick)
serve: system-serve $(SITE_READY)
	$(SERVE_ENV) $(BIN)/python scripts/serve.py serve --strict

## test: set up (with the test-only packages) and run every test
test: system-test $(TEST_READY)
	$(LIBRARIES) $(BIN)/python -m pytest

## bench: build time, memory and size at 50 to 2000 catalogue examples against a plain Material + i18n build, the time an edit takes to show under serve, and PASS/FAIL per target
bench: $(TEST_READY)
	$(LIBRARIES) $(BIN)/python scripts/bench.py

## first-view: each page's first view gzipped (at most 60 KB) and Lighthouse (mobile, 100 in all four categories) on every page, served with gzip
first-view: site $(TEST_READY)
	$(BIN)/python scripts/first_view.py site

## readability: print LIX for every Danish page (and the same figure for English) of the built site
readability: site
	$(BIN)/python -m seniorsite.whole_site.readability site

## search-report: run the search query set (tests/search_queries.yml) in Chromium on the built site; print each top 3 and the score
search-report: site $(TEST_READY)
	$(BIN)/python -m tests.search_quality site

## links: check every internal link and anchor of the built site; list the external ones (not fetched)
links: site
	$(BIN)/python -m seniorsite.whole_site.links site $$($(BIN)/python -c "import yaml; print(yaml.safe_load(open('mkdocs.yml'))['site_url'])")

## issue-forms: write the GitHub issue forms (.github/ISSUE_TEMPLATE/) again from the schemas and data/
issue-forms: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.issue_forms

## new-example: nyt eksempel i inspirationskataloget på dansk og engelsk; spørger om hvert felt, eller giv dem med ARGS='--title-da "…" --solution nedsat-tid …' (se ARGS='--help')
new-example: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.scaffold example $(ARGS)

## new-event: nyt arrangement i data/events.yml; spørger om hvert felt, eller giv dem med ARGS='--id … --kind webinar --start 2024-03-05T13:00 …' (se ARGS='--help')
new-event: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.scaffold event $(ARGS)

## new-faq: nyt spørgsmål i data/faq.yml; spørger om hvert felt, eller giv dem med ARGS='--id hvem-betaler --topic forloebet …' (se ARGS='--help')
new-faq: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.scaffold faq $(ARGS)

## translations: for every page and data text, both languages there, which changed last in git and by how long, headings alike (fails on a missing twin)
translations: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.translation_status

## reviews: the pages past their review date (front matter 'review'), with their owner; never fails
reviews: $(SITE_READY)
	$(BIN)/python -m seniorsite.editing.reviews

## spelling: Danish and English spell check of every page and data text (cspell; names and terms go in project-words.txt)
spelling: $(TEST_READY)
	$(BIN)/python -m seniorsite.editing.spelling

## lock: recompile the pinned requirement files from the short .in files
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-test.txt requirements-test.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-audit.txt requirements-audit.in
	rm -rf .venv-lock

## setup: install the build's system packages and set up .venv, nothing built (a Codespace runs it once: .devcontainer/)
setup: system-build $(SITE_READY)

## system-build, system-serve, system-test: check (and where allowed install) the system packages of make site, make serve or make test
system-build system-serve system-test:
	@$(SYSTEM_PACKAGES) $(@:system-%=%)

clean:
	rm -rf $(VENV) node_modules site site.old $(BUILD_DIR) .pytest_cache

$(SITE_READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements.txt
	touch $@

# The W3C Nu HTML Checker comes from npm (vnu-jar, pinned in package-lock.json); its install script
# would download Java, which .ci/run installs from Debian instead.
$(TEST_READY): $(SITE_READY) requirements-test.txt package-lock.json | system-test
	$(PIP) install --require-hashes -r requirements-test.txt
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
