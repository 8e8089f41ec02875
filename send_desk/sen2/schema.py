"""Validation of a SEN2 file against the bundled 2026 community XSD (see its header)."""

from __future__ import annotations

from functools import cache

from lxml import etree

from send_desk.resources import resource_path

SCHEMA_FILE = "sen2_schema_2026.xsd"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(resource_path("sen2", SCHEMA_FILE))))


def schema_errors(document: etree._ElementTree | etree._Element) -> list[str]:
    """Every XSD fault in the document as 'line N: message'; empty when it validates."""
    checker = schema()
    if checker.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in checker.error_log]
