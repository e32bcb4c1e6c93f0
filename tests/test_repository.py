"""The repository itself: workflows, pins, one source for each constant, editor support."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from tests.helpers import PROJECT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a command in the project folder and capture what it says."""
    return subprocess.run([str(part) for part in command], cwd=PROJECT, capture_output=True, text=True, timeout=120)


def test_workflows_match_githubs_schema() -> None:
    """The CI and deploy workflows, Dependabot's file and the issue forms are valid for GitHub."""
    assert {w.name for w in WORKFLOWS} == {"ci.yml", "deploy.yml", "preview.yml"}
    checks = [
        ("vendor.github-workflows", *WORKFLOWS),
        ("vendor.dependabot", PROJECT / ".github" / "dependabot.yml"),
        ("vendor.github-issue-forms", *sorted((PROJECT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))),
    ]
    for schema, *files in checks:
        result = run(BIN / "check-jsonschema", "--builtin-schema", schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_the_security_lint() -> None:
    """zizmor finds no insecure pattern in the workflows (offline audits)."""
    result = run(BIN / "zizmor", "--offline", "--no-progress", PROJECT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_checks_catch_a_broken_workflow(tmp_path: Path) -> None:
    """A misspelt key and a credential-leaking checkout are both caught."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-onn: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")
    assert run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", broken).returncode != 0
    leaky = tmp_path / "leaky.yml"
    leaky.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")
    assert run(BIN / "zizmor", "--offline", "--no-progress", "--config", PROJECT / ".github" / "zizmor.yml", leaky).returncode != 0


def workflow(name: str) -> dict:
    """Read one workflow file (PyYAML reads its 'on' key as True)."""
    return yaml.safe_load((PROJECT / ".github/workflows" / name).read_text(encoding="utf-8"))


def step_texts(job: dict) -> list[str]:
    """Return each step's command or action, in order."""
    return [step.get("run", "") + step.get("uses", "") for step in job["steps"]]


def test_ci_runs_the_readme_test_command_and_uploads_the_site() -> None:
    """CI runs .ci/run (which runs `make test`) on the whole git history, then builds and uploads the site, read-only."""
    ci = workflow("ci.yml")
    steps = step_texts(ci["jobs"]["test"])
    assert steps.index("bash .ci/run") < steps.index("make site") < next(i for i, s in enumerate(steps) if s.startswith("actions/upload-artifact"))
    assert "make test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci["jobs"]["test"]["steps"][0]["with"]["fetch-depth"] == 0
    assert "make translations" in steps and "make spelling" in steps  # their annotations land on the pull request's lines
    assert ci["permissions"] == {"contents": "read"} and all("permissions" not in job for job in ci["jobs"].values())


def test_deploy_publishes_only_what_passed() -> None:
    """A push is published from CI's artifact only after CI passed; the nightly run checks everything before it builds and publishes."""
    deploy = workflow("deploy.yml")
    assert deploy[True]["workflow_run"] == {"workflows": ["CI"], "types": ["completed"], "branches": ["main"]}
    assert "push" not in deploy[True] and deploy[True]["schedule"]
    publish = deploy["jobs"]["publish"]
    for condition in ("workflow_run.conclusion == 'success'", "workflow_run.event == 'push'", "needs.nightly.result == 'success'",
                      "head_repository.full_name == github.repository"):
        assert condition in publish["if"]
    nightly = step_texts(deploy["jobs"]["nightly"])
    assert nightly.index("bash .ci/run") < nightly.index("make site")
    assert deploy["permissions"] == {} and deploy["jobs"]["nightly"]["permissions"] == {"contents": "read"}
    assert any("publish-pages.sh put built-site ." in s for s in step_texts(publish))


def test_previews_never_give_a_fork_write_access() -> None:
    """Previews are published by main's own code, only for this repository's branches, and removed on close."""
    preview = workflow("preview.yml")
    publish, remove = preview["jobs"]["publish"], preview["jobs"]["remove"]
    assert "head_repository.full_name == github.repository" in publish["if"]
    assert "head.repo.full_name == github.repository" in remove["if"]
    for job in (publish, remove):
        checkout = job["steps"][0]
        assert checkout["uses"].startswith("actions/checkout") and checkout["with"] == {"persist-credentials": False, "ref": "main"}
    assert preview[True]["pull_request"] == {"types": ["closed"]} and "pull_request_target" not in preview[True]
    assert any("pr-preview/pr-${NUMBER}" in s for s in step_texts(publish)) and any("preview-comment.sh" in s for s in step_texts(publish))


def git(*arguments: str, cwd: Path) -> str:
    """Run git and return what it prints."""
    return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_publishing_keeps_previews_and_removes_a_closed_one(tmp_path: Path) -> None:
    """The publishing script writes the site, adds a preview beside it, replaces the site without losing the preview, and removes it."""
    remote = tmp_path / "pages.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    script = PROJECT / ".github/scripts/publish-pages.sh"

    def publish(*arguments: str) -> None:
        """Run the script against the local remote."""
        environment = {"PATH": "/usr/bin:/bin", "PAGES_REMOTE": str(remote), "HOME": str(tmp_path)}
        result = subprocess.run(["bash", str(script), *arguments], cwd=tmp_path, env=environment, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    def files() -> set[str]:
        """List the files on the gh-pages branch."""
        return set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())

    for name, text in (("site-v1/index.html", "v1"), ("site-v2/index.html", "v2"), ("pr/index.html", "preview")):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "site-v1" / "old.html").write_text("gone in v2", encoding="utf-8")
    publish("put", "site-v1", ".", "site v1")
    publish("put", "pr", "pr-preview/pr-7", "preview 7")
    assert files() == {".nojekyll", "index.html", "old.html", "pr-preview/pr-7/index.html"}
    publish("put", "site-v2", ".", "site v2")
    assert files() == {".nojekyll", "index.html", "pr-preview/pr-7/index.html"}
    assert git("show", "gh-pages:index.html", cwd=remote) == "v2"
    publish("remove", "pr-preview/pr-7", "remove 7")
    assert files() == {".nojekyll", "index.html"}


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-test.txt", "requirements-audit.txt"])
def test_every_package_is_pinned_with_hashes(name: str) -> None:
    """Each pinned file names exact versions, each with at least one hash, compiled from its .in file."""
    text = (PROJECT / name).read_text(encoding="utf-8")
    requirements = re.findall(r"^([A-Za-z0-9_.\-]+)(==[^\s\\]+)?", text, re.M)
    assert requirements and all(version for _, version in requirements)
    assert text.count("--hash=sha256:") >= len(requirements)
    assert (PROJECT / name.replace(".txt", ".in")).exists()


def test_mkdocs_is_pinned_below_2() -> None:
    """MkDocs 2 runs no plugins: the loose file caps it and the pinned file holds a 1.x."""
    assert "mkdocs>=1.6,<2" in (PROJECT / "requirements.in").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs==1\.", (PROJECT / "requirements.txt").read_text(encoding="utf-8"), re.M)


def mkdocs_config() -> dict:
    """Read mkdocs.yml, ignoring the !ENV-style tags this project does not use."""
    return yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_the_site_languages_have_one_source() -> None:
    """mkdocs.yml's languages, the code's and the schemas' required languages agree."""
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert tuple(lang["locale"] for lang in i18n["languages"]) == LANGUAGES
    assert next(lang["locale"] for lang in i18n["languages"] if lang.get("default")) == DEFAULT_LANGUAGE
    common = json.loads((PROJECT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    for text in ("short_text", "long_text"):
        assert tuple(common["$defs"][text]["required"]) == LANGUAGES


def test_the_config_is_strict_validated_and_self_contained() -> None:
    """Strict mode, link and anchor validation, system fonts, and the addresses of the site and repo."""
    config = mkdocs_config()
    assert config["strict"] is True
    assert {config["validation"][k] for k in ("omitted_files", "absolute_links", "unrecognized_links", "anchors")} == {"warn"}
    assert config["theme"]["font"] is False and config["theme"]["language"] == "da"
    assert config["site_url"].startswith("https://") and config["repo_url"] and config["edit_uri"]
    assert config["hooks"] == ["hooks.py"]


def test_every_event_kind_has_a_label_in_each_language() -> None:
    """Each kind the schema allows has an interface string in both languages."""
    schema = json.loads((PROJECT / "schemas" / "events.schema.json").read_text(encoding="utf-8"))
    kinds = schema["properties"]["events"]["items"]["properties"]["kind"]["enum"]
    for language in LANGUAGES:
        strings = (PROJECT / f"overrides/partials/languages/site-{language}.html").read_text(encoding="utf-8")
        assert all(f'"event.kind.{kind}":' in strings for kind in kinds), language


@pytest.mark.parametrize("name", ["faq", "events"])
def test_each_data_file_names_its_schema_for_editors(name: str) -> None:
    """The first line of each data file points editors' YAML tools at its schema."""
    first_line = (PROJECT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"


def test_every_danish_page_has_an_english_twin() -> None:
    """docs/ holds page.md and page.en.md side by side, for every page."""
    danish = {p.name.removesuffix(".md") for p in (PROJECT / "docs").rglob("*.md") if not p.name.endswith(".en.md")}
    english = {p.name.removesuffix(".en.md") for p in (PROJECT / "docs").rglob("*.en.md")}
    assert danish == english and len(danish) >= 4


def test_the_readme_shows_the_two_commands_first() -> None:
    """A newcomer sees `make site` and `make test` before anything else."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    first_code = readme.split("```")[1]
    assert "make site" in first_code and "make test" in first_code


def test_the_python_passes_the_linter() -> None:
    """ruff finds no unused import, likely bug or unsorted import block in the project's Python."""
    result = run(BIN / "ruff", "check", "seniorsite", "hooks.py", "tests", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def headings(path: Path) -> list[str]:
    """Return the Markdown heading marks of a file, outside code blocks ('##', '###', …)."""
    marks, in_code = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        in_code = in_code != line.startswith("```")
        if not in_code and line.startswith("#"):
            marks.append(line.split(" ", 1)[0])
    return marks


def test_the_contributing_guide_exists_in_both_languages() -> None:
    """CONTRIBUTING.md (Danish) and its English twin have the same sections, link to each other, and the README links to both."""
    danish, english = PROJECT / "CONTRIBUTING.md", PROJECT / "CONTRIBUTING.en.md"
    assert headings(danish) == headings(english) and len(headings(danish)) >= 5
    assert "(CONTRIBUTING.en.md)" in danish.read_text(encoding="utf-8") and "(CONTRIBUTING.md)" in english.read_text(encoding="utf-8")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "(CONTRIBUTING.md)" in readme and "(CONTRIBUTING.en.md)" in readme
    for target in re.findall(r"^make ([a-z-]+)", danish.read_text(encoding="utf-8"), re.MULTILINE):
        assert re.search(rf"^{target}:", (PROJECT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE), f"make {target} is not in the Makefile"


# How a job gets its system packages: from the one list, through .ci/run or `make test` (which check it first),
# a `make system-…` target, or the script itself.
FROM_THE_LIST = ("bash .ci/run", "make system-", "scripts/system_packages.py")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_takes_its_system_packages_from_the_one_list(path: Path) -> None:
    """Each workflow job checks (and on a bare runner installs) its packages from scripts/system_packages.py before its work; none installs by hand."""
    for name, job in workflow(path.name)["jobs"].items():
        runs = [step["run"] for step in job["steps"] if "run" in step]
        first = next((i for i, text in enumerate(runs) if any(way in text for way in FROM_THE_LIST)), None)
        assert first == 0, f"{path.name}, job {name}: its first command must take the system packages from the list, not {runs[:1]}"
        assert not any("apt-get" in text or "brew " in text for text in runs), f"{path.name}, job {name} installs by hand"
    assert "apt-get" not in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


def makefile_rule(target: str) -> str:
    """Return the line that names a Makefile target's prerequisites."""
    return next(line for line in (PROJECT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith(f"{target}:"))


def test_make_checks_the_system_packages_before_it_sets_up_or_builds() -> None:
    """`make site`, `make serve` and `make test` check their share first; the test tools' setup (npm) waits for the check too."""
    assert makefile_rule("site").split(":")[1].split()[0] == "system-build"
    assert makefile_rule("serve").split(":")[1].split()[0] == "system-serve"
    assert makefile_rule("test").split(":")[1].split()[0] == "system-test"
    assert makefile_rule("$(TEST_READY)").endswith("| system-test")
    assert makefile_rule("setup").split(":")[1].split() == ["system-build", "$(SITE_READY)"]


def test_the_codespace_sets_up_with_the_projects_own_command_and_opens_the_preview() -> None:
    """.devcontainer/devcontainer.json: Debian with Python 3.11, `make setup` once, then `make serve` with its port opened in the browser."""
    container = json.loads((PROJECT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"mcr\.microsoft\.com/devcontainers/python:\d+-3\.1[1-9]-bookworm", container["image"])
    assert container["postCreateCommand"] == "make setup"
    assert container["postAttachCommand"] == "make serve"
    serve_port = 8000  # MkDocs' own dev_addr, which `make serve` keeps
    assert "dev_addr" not in (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert container["forwardPorts"] == [serve_port]
    assert container["portsAttributes"][str(serve_port)]["onAutoForward"] == "openBrowser"
    assert "redhat.vscode-yaml" in container["customizations"]["vscode"]["extensions"]  # the data files' schemas give completion
