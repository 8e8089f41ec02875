"""Templates: refused when loaded (syntax, unknown field, reaching beyond the fields),
the sandbox at render time, blanks refused, dates in full."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from send_desk.letters.dates import clock_time, full_date
from send_desk.letters.manifest import TemplateInput, TemplateSpec, load_manifest
from send_desk.letters.templating import (
    LetterTemplateError,
    MissingField,
    TemplateLibrary,
    compile_template,
    default_library,
    make_environment,
)

SPEC = TemplateSpec(
    name="test",
    title="Test",
    purpose="Testing",
    file="test.j2",
    fields=("child.first_name", "caseworker.name"),
    inputs=(TemplateInput("reasons", "Reasons", "lines"),),
)


def _compile(source: str) -> object:
    return compile_template(make_environment(), SPEC, source, "test.j2")


def test_the_bundled_templates_all_load() -> None:
    library = default_library()
    assert len(library.manifest.templates) >= 16
    for name in library.manifest.templates:
        assert library.get(name).spec.name == name


def test_a_syntax_error_is_refused_naming_the_line() -> None:
    with pytest.raises(LetterTemplateError) as error:
        _compile("# Title\n\nHello {{ child.first_name }}\n{% if child.first_name %}\nno end\n")
    assert error.value.line is not None
    assert "test.j2, line" in str(error.value)


def test_an_unknown_field_is_refused_naming_the_line() -> None:
    with pytest.raises(LetterTemplateError) as error:
        _compile("# Title\n\nDear {{ child.first_name }},\n\nYour {{ child.shoe_size }}\n")
    assert error.value.line == 5
    assert "child.shoe_size" in str(error.value)


def test_an_unknown_namespace_and_an_undeclared_input_are_refused() -> None:
    with pytest.raises(LetterTemplateError, match=r"unknown field 'secrets\.password'"):
        _compile("{{ secrets.password }}")
    with pytest.raises(LetterTemplateError, match="no input 'other'"):
        _compile("{{ input.other }}")


def test_a_field_the_manifest_does_not_list_is_refused() -> None:
    with pytest.raises(LetterTemplateError, match="does not list it"):
        _compile("{{ child.last_name }}")


def test_reaching_beyond_the_merge_fields_is_refused_when_loaded() -> None:
    with pytest.raises(LetterTemplateError, match="reaches beyond"):
        _compile("{{ child.first_name.__class__ }}")
    with pytest.raises(LetterTemplateError, match="reaches beyond"):
        _compile("{{ child.first_name.upper }}")
    with pytest.raises(LetterTemplateError, match="No filter named 'attr'"):
        _compile("{{ child.first_name | attr('__class__') }}")


def test_the_sandbox_refuses_at_render_time_too() -> None:
    env = make_environment()
    template = env.from_string("{{ child.first_name.__class__.__mro__ }}")
    with pytest.raises(SecurityError):
        template.render(child={"first_name": "Sam"})


def test_a_blank_where_a_name_should_be_stops_the_letter() -> None:
    template = _compile("Dear {{ child.first_name }}, from {{ caseworker.name }}")
    with pytest.raises(MissingField):
        template.render({"child": {"first_name": ""}, "caseworker": {"name": "Ann"}})  # type: ignore[attr-defined]
    with pytest.raises(MissingField):
        template.render({"child": {"first_name": None}, "caseworker": {"name": "Ann"}})  # type: ignore[attr-defined]


def test_dates_are_written_in_full() -> None:
    assert full_date(date(2026, 6, 12)) == "Friday 12 June 2026"
    assert clock_time(__import__("datetime").time(14, 30)) == "2.30pm"
    template = _compile("By {{ child.first_name }} on {{ caseworker.name }}")
    text = template.render(
        {"child": {"first_name": date(2026, 6, 12)}, "caseworker": {"name": "A"}}
    )  # type: ignore[attr-defined]
    assert "Friday 12 June 2026" in text


def test_a_merge_value_cannot_inject_markup() -> None:
    template = _compile("{{ child.first_name }}\n{{ input.reasons | bullets }}")
    text = template.render(  # type: ignore[attr-defined]
        {
            "child": {"first_name": "# Not a heading\n- nor a bullet"},
            "input": {"reasons": ["a"]},
            "caseworker": {"name": "A"},
        }
    )
    assert text.splitlines()[0].startswith("\\#")


def test_a_council_edit_with_a_mistake_is_refused_when_the_library_loads(tmp_path: Path) -> None:
    import shutil

    from send_desk.resources import resource_path

    folder = tmp_path / "letters"
    shutil.copytree(resource_path("letters"), folder)
    target = folder / "templates" / "callback_confirmation.j2"
    target.write_text(target.read_text() + "\nCall {{ caseworker.mobile }}\n", encoding="utf-8")
    with pytest.raises(LetterTemplateError) as error:
        TemplateLibrary(load_manifest(folder))
    assert "callback_confirmation.j2" in str(error.value)
    assert "caseworker.mobile" in str(error.value)
    assert error.value.line is not None
