"""The GitHub issue forms editors fill in: in step with the schemas and data, and shaped as GitHub reads them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from seniorsite.editing.fields import BILINGUAL_REFS
from seniorsite.editing.issue_forms import FORMS, FORMS_DIR, FormSpec, form_text
from seniorsite.languages import LANGUAGES
from seniorsite.strings import load_strings
from tests.helpers import PROJECT

FORM_FILES = sorted(path for path in (PROJECT / FORMS_DIR).glob("*.yml") if path.name != "config.yml")
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
ELEMENT_ID = re.compile(r"^[A-Za-z0-9_-]+$")
OPTION_ID = re.compile(r"\(([a-z0-9-]+)\)$")
SPEC_IDS = [spec.file for spec in FORMS]


def committed(spec: FormSpec) -> dict[str, Any]:
    """Return a generated form as committed in the repository."""
    return yaml.safe_load((PROJECT / FORMS_DIR / spec.file).read_text(encoding="utf-8"))


def elements_by_id(form: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return a form's fields by their id."""
    return {element["id"]: element for element in form["body"] if "id" in element}


def entry_schema(spec: FormSpec) -> dict[str, Any]:
    """Return the schema of one entry, read straight from its file."""
    node = json.loads((PROJECT / "schemas" / spec.kind.schema).read_text(encoding="utf-8"))
    for key in spec.kind.schema_path:
        node = node[key]
    return node


def allowed_options(spec: FormSpec) -> dict[str, list[str]]:
    """Return each drop-down's allowed values as 'Label (id)', read straight from the data, schema and strings."""
    if spec.kind.name == "example":
        catalogue = yaml.safe_load((PROJECT / "data/catalogue.yml").read_text(encoding="utf-8"))
        return {facet: [f"{v['label']['da']} ({v['id']})" for v in catalogue[facet]["values"]] for facet in catalogue}
    if spec.kind.name == "faq":
        faq = yaml.safe_load((PROJECT / "data/faq.yml").read_text(encoding="utf-8"))
        return {"topic": [f"{t['title']['da']} ({t['id']})" for t in faq["topics"]]}
    t = load_strings(PROJECT / "overrides", "da")
    return {"kind": [f"{t('event.kind.' + kind)} ({kind})" for kind in entry_schema(spec)["properties"]["kind"]["enum"]]}


@pytest.mark.parametrize("spec", FORMS, ids=SPEC_IDS)
def test_each_committed_form_is_what_the_schema_and_data_make_now(spec: FormSpec) -> None:
    """A form left behind after a change to a schema or data file fails here: run `make issue-forms`."""
    written = (PROJECT / FORMS_DIR / spec.file).read_text(encoding="utf-8")
    assert written == form_text(PROJECT, spec), f"{FORMS_DIR}/{spec.file} is out of date: run `make issue-forms`"


@pytest.mark.parametrize("spec", FORMS, ids=SPEC_IDS)
def test_every_field_of_the_schema_is_asked_for_and_the_required_ones_are_required(spec: FormSpec) -> None:
    """Each schema property has its field (a text one per language); the Danish one is required when the site requires it."""
    schema = entry_schema(spec)
    elements = elements_by_id(committed(spec))
    asked: set[str] = set()
    for key, definition in schema["properties"].items():
        bilingual = definition.get("$ref") in BILINGUAL_REFS or (spec.kind.name == "example" and definition.get("type") == "string"
                                                                and key in ("title", "description"))
        ids = [f"{key}-{language}" for language in LANGUAGES] if bilingual else [key]
        assert set(ids) <= set(elements), f"{spec.file} does not ask for '{key}'"
        asked |= set(ids)
        if key in schema.get("required", []) and elements[ids[0]]["type"] != "checkboxes":
            assert elements[ids[0]]["validations"]["required"] is True, f"{spec.file}: '{key}' is required by the site"
    page_parts = {f"{field.key}-{language}" for field in spec.kind.fields if not field.in_schema for language in LANGUAGES}
    assert set(elements) == asked | page_parts, "a form asks only for what the entry holds"


@pytest.mark.parametrize("spec", FORMS, ids=SPEC_IDS)
def test_every_dropdown_offers_exactly_the_allowed_values(spec: FormSpec) -> None:
    """The options are the ids in data/catalogue.yml, data/faq.yml or the schema's enum, each with its Danish label."""
    dropdowns = {key: element for key, element in elements_by_id(committed(spec)).items() if element["type"] == "dropdown"}
    assert {key: element["attributes"]["options"] for key, element in dropdowns.items()} == allowed_options(spec)


def test_themes_and_sectors_take_one_to_three_as_the_schema_says() -> None:
    """The two list facets allow several choices, and say how many the schema allows."""
    example = next(spec for spec in FORMS if spec.kind.name == "example")
    ids = json.loads((PROJECT / "schemas/catalogue-entry.schema.json").read_text(encoding="utf-8"))["$defs"]["ids"]
    elements = elements_by_id(committed(example))
    for key in ("themes", "sectors"):
        assert elements[key]["attributes"]["multiple"] is True
        assert f"Vælg {ids['minItems']}–{ids['maxItems']}." in elements[key]["attributes"]["description"]
    assert elements["solution"]["attributes"]["multiple"] is False


@pytest.mark.parametrize("path", FORM_FILES, ids=[path.name for path in FORM_FILES])
def test_each_form_has_the_shape_github_reads(path: Path) -> None:
    """Name, description and body; every field typed, labelled and with a unique id; drop-downs with options."""
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(form.get("name"), str) and form["name"]
    assert isinstance(form.get("description"), str) and form["description"]
    assert isinstance(form.get("body"), list) and form["body"]
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids)), f"{path.name}: ids must be unique"
    assert any(element["type"] != "markdown" for element in form["body"])
    for element in form["body"]:
        assert element["type"] in ELEMENT_TYPES
        attributes = element["attributes"]
        if element["type"] == "markdown":
            assert attributes["value"].strip() and "validations" not in element
            continue
        assert ELEMENT_ID.fullmatch(element["id"]) and attributes["label"].strip()
        if element["type"] == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(o, str) and o for o in options) and len(options) == len(set(options))
        if element["type"] == "checkboxes":
            assert attributes["options"] and all(option["label"] for option in attributes["options"])


@pytest.mark.parametrize("spec", FORMS, ids=SPEC_IDS)
def test_every_option_names_its_id_so_an_editor_sees_what_to_write(spec: FormSpec) -> None:
    """Each option ends with the id in brackets, like 'Nedsat tid (nedsat-tid)'."""
    for element in committed(spec)["body"]:
        for option in element.get("attributes", {}).get("options", []) if element["type"] == "dropdown" else []:
            assert OPTION_ID.search(option), option


def test_a_new_value_in_the_catalogue_leaves_the_committed_form_out_of_date(tmp_path: Path) -> None:
    """The comparison can fail: a value added to data/catalogue.yml shows up in a fresh form and not in the committed one."""
    for part in ("data", "schemas", "overrides"):
        shutil.copytree(PROJECT / part, tmp_path / part)
    catalogue = tmp_path / "data/catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("      label: {da: Fastholdelsesbonus, en: Retention bonus}\n",
                                      "      label: {da: Fastholdelsesbonus, en: Retention bonus}\n"
                                      "    - id: sabbat\n      label: {da: Sabbatår, en: Sabbatical}\n"), encoding="utf-8")
    example = next(spec for spec in FORMS if spec.kind.name == "example")
    fresh = form_text(tmp_path, example)
    assert "Sabbatår (sabbat)" in fresh
    assert fresh != (PROJECT / FORMS_DIR / example.file).read_text(encoding="utf-8")
