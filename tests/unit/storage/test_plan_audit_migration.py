"""Local migration 0015: an audit saved before plan audits existed stays a note audit,
and the audit table is still append-only after the column is added (and removed).
Revision numbers are the chain's as this branch left it (0014 -> 0015)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

from send_desk.storage import migrate

AUDIT = (
    "INSERT INTO note_audit (id, note_id, version_id, child_id, role, criteria, overall, "
    "rule_version, comments, action) VALUES ('{id}', 'a1', 'b1', 'c1', 'audit', '[]', "
    "'good', 1, '', '')"
)


def test_an_audit_made_before_0015_stays_a_note_audit_and_append_only() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0014")
        connection.execute(text(AUDIT.format(id="00000000000000000000000000000001")))
        migrate.upgrade(connection, "0015")
        subject = connection.execute(text("SELECT subject FROM note_audit")).scalar()
        assert subject == "note"
        # a new row that does not say what it audited is a note audit too
        connection.execute(text(AUDIT.format(id="00000000000000000000000000000002")))
        subjects = connection.execute(text("SELECT subject FROM note_audit")).scalars().all()
        assert subjects == ["note", "note"]
    with pytest.raises(DatabaseError, match="never changed"), engine.begin() as connection:
        connection.execute(text("UPDATE note_audit SET subject = 'plan'"))
    # and back down: the column goes, the append-only trigger stays
    from alembic import command

    with engine.begin() as connection:
        config = migrate._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(note_audit)"))]
        assert "subject" not in columns
    with pytest.raises(DatabaseError, match="never changed"), engine.begin() as connection:
        connection.execute(text("UPDATE note_audit SET overall = 'inadequate'"))
