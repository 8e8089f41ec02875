"""Schema upgrades at open: the file is copied first and the data survives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from send_desk.domain.children import Child
from send_desk.services.children import create_child
from send_desk.storage import migrate
from send_desk.storage.store import Store, open_store
from tests.constants import PASSWORD, TODAY

EXTRA = """
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.add_column(sa.Column("favourite_subject", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.drop_column("favourite_subject")
"""


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The packaged migrations plus one more, as the next release would ship."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (folder / "versions" / "9999_add_subject.py").write_text(EXTRA.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    migrate.head_revision.cache_clear()
    yield folder
    migrate.head_revision.cache_clear()


def test_a_new_store_is_at_the_packaged_head(store: Store) -> None:
    with store.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_opening_an_older_store_copies_it_then_upgrades(
    store: Store, newer_migrations: Path
) -> None:
    with store.write() as session:
        create_child(
            session,
            {"first_name": "Ola", "last_name": "Nowak", "date_of_birth": date(2014, 2, 3)},
            today=TODAY,
        )
    store.close()
    assert not list(store.paths.backups.glob("before-migration-*"))

    with open_store(store.paths, PASSWORD) as upgraded:
        with upgraded.engine.connect() as connection:
            assert migrate.current_revision(connection) == "9999"
            columns = {c["name"] for c in inspect(connection).get_columns("child")}
            assert "favourite_subject" in columns
        with upgraded.read() as session:
            assert session.scalar(select(Child.last_name)) == "Nowak"

    copies = list(store.paths.backups.glob("before-migration-*.db"))
    assert len(copies) == 1
    # the copy is the old schema, still encrypted with the same key
    from send_desk.storage.engine import make_engine

    old = make_engine(copies[0], upgraded.raw_key)
    with old.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar() != "9999"
        )
        assert connection.execute(text("SELECT last_name FROM child")).scalar() == "Nowak"
    old.dispose()
    assert not copies[0].read_bytes().startswith(b"SQLite format 3")


def test_an_up_to_date_store_is_not_copied_again(store: Store, newer_migrations: Path) -> None:
    store.close()
    open_store(store.paths, PASSWORD).close()
    open_store(store.paths, PASSWORD).close()
    assert len(list(store.paths.backups.glob("before-migration-*.db"))) == 1


def test_revision_files_follow_the_numbering_convention() -> None:
    """head_revision() reads file names; Alembic must agree with it."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == migrate.head_revision()
    revisions = sorted(script.walk_revisions(), key=lambda r: r.revision)
    for number, revision in enumerate(revisions, start=1):
        assert revision.revision == f"{number:04d}"
        assert revision.down_revision == (f"{number - 1:04d}" if number > 1 else None)
        assert Path(revision.path).name.startswith(revision.revision + "_")


def test_the_migrations_build_exactly_the_tables_the_models_declare() -> None:
    """A model changed without a migration (or the reverse) fails here, not on a laptop."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    import send_desk.domain.tables  # noqa: F401  (registers every table)
    from send_desk.domain.notes import is_search_table

    def include_object(_obj: object, name: str | None, type_: str, *_rest: object) -> bool:
        return not (type_ == "table" and is_search_table(name))  # the FTS5 index of notes

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        migrate.upgrade(connection)
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object}
        )
        differences = compare_metadata(context, SQLModel.metadata)
    # String lengths are not kept by SQLite and the migrations render plain strings.
    structural = [d for d in differences if not (isinstance(d, list) and d[0][0] == "modify_type")]
    structural = [d for d in structural if not (isinstance(d, tuple) and d[0] == "modify_type")]
    assert structural == []
