"""case notes: append-only versions, drafts, full-text search

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 12:00:00

note_version holds every version of every case note; triggers keep:

- note_search, an FTS5 index (unicode61, diacritics folded) of each version's words:
  body, purpose, views, decisions, actions and people, plus a `tags` column of filter
  tokens (c<child id> k<kind> a<author id>, and `zold` once superseded) so filters
  run inside the index; `occurred` (unindexed) for date filters;
- note_version.search_rowid (the version's row in note_search) and .superseded.

Versions are never updated: a trigger refuses any change to a saved version's content.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_CONTENT = (
    "note_id, child_id, version, supersedes_id, author_id, kind, occurred_at, recorded_at, "
    "purpose, body, child_voice, child_voice_not_obtained_reason, parent_views, "
    "reason_no_family, attendees, decisions, actions, amendment_reason, failed_items, "
    "checklist_passed, checklist_applicable"
)


def _json_text(column: str, keys: tuple[str, ...]) -> str:
    parts = " || ' ' || ".join(f"coalesce(json_extract(value, '$.{key}'), '')" for key in keys)
    return (
        f"coalesce((SELECT group_concat({parts}, ' ') FROM json_each("
        f"CASE WHEN json_valid(new.{column}) THEN new.{column} ELSE '[]' END)), '')"
    )


def upgrade() -> None:
    op.create_table('note_version',
    sa.Column('note_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('child_voice', sa.Text(), nullable=False),
    sa.Column('child_voice_not_obtained_reason', sa.Text(), nullable=False),
    sa.Column('parent_views', sa.Text(), nullable=False),
    sa.Column('reason_no_family', sa.Text(), nullable=False),
    sa.Column('attendees', sa.JSON(), nullable=False),
    sa.Column('decisions', sa.JSON(), nullable=False),
    sa.Column('actions', sa.JSON(), nullable=False),
    sa.Column('amendment_reason', sa.String(), nullable=True),
    sa.Column('failed_items', sa.JSON(), nullable=False),
    sa.Column('checklist_passed', sa.Integer(), nullable=False),
    sa.Column('checklist_applicable', sa.Integer(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('search_rowid', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note_version', schema=None) as batch_op:
        batch_op.create_index('ix_note_version_child_current', ['child_id', 'superseded', 'occurred_at'], unique=False)
        batch_op.create_index('ix_note_version_search_rowid', ['search_rowid'], unique=True)
        batch_op.create_index(batch_op.f('ix_note_version_note_id'), ['note_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_version_author_id'), ['author_id'], unique=False)

    op.create_table('note_draft',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('note_id', sa.Uuid(), nullable=True),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_draft_child_id'), ['child_id'], unique=False)

    op.execute(
        "CREATE VIRTUAL TABLE note_search USING fts5("
        "body, purpose, views, decisions, actions, people, tags, occurred UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Ranking: purpose words count double, decisions half again; tags never rank.
    op.execute(
        "INSERT INTO note_search(note_search, rank) "
        "VALUES ('rank', 'bm25(1.0, 2.0, 1.0, 1.5, 1.0, 1.0, 0.0, 0.0)')"
    )
    decisions = _json_text("decisions", ("decision", "reasons", "parent_request", "explanation"))
    actions = _json_text("actions", ("what", "owner"))
    people = _json_text("attendees", ("name", "role", "relationship"))
    op.execute(
        f"""
        CREATE TRIGGER note_version_indexed AFTER INSERT ON note_version BEGIN
            INSERT INTO note_search (body, purpose, views, decisions, actions, people, tags, occurred)
            VALUES (
                new.body,
                new.purpose,
                new.child_voice || ' ' || new.child_voice_not_obtained_reason || ' '
                    || new.parent_views || ' ' || new.reason_no_family,
                {decisions},
                {actions},
                {people},
                'c' || lower(new.child_id) || ' k' || replace(new.kind, '_', '')
                    || ' a' || coalesce(lower(new.author_id), 'none'),
                coalesce(new.occurred_at, new.recorded_at, '')
            );
            UPDATE note_version SET search_rowid = last_insert_rowid() WHERE id = new.id;
            UPDATE note_search SET tags = tags || ' zold'
                WHERE new.supersedes_id IS NOT NULL
                AND rowid = (SELECT search_rowid FROM note_version WHERE id = new.supersedes_id)
                AND tags NOT LIKE '% zold';
            UPDATE note_version SET superseded = 1
                WHERE new.supersedes_id IS NOT NULL AND id = new.supersedes_id;
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER note_version_append_only BEFORE UPDATE OF {_CONTENT} ON note_version
        BEGIN
            SELECT RAISE(ABORT, 'a saved case note is never changed: amend it (a new version)');
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER note_version_unindexed AFTER DELETE ON note_version BEGIN
            DELETE FROM note_search WHERE rowid = old.search_rowid;
        END
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS note_version_unindexed")
    op.execute("DROP TRIGGER IF EXISTS note_version_append_only")
    op.execute("DROP TRIGGER IF EXISTS note_version_indexed")
    op.execute("DROP TABLE IF EXISTS note_search")
    with op.batch_alter_table('note_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_draft_child_id'))
    op.drop_table('note_draft')
    with op.batch_alter_table('note_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_version_author_id'))
        batch_op.drop_index(batch_op.f('ix_note_version_note_id'))
        batch_op.drop_index('ix_note_version_search_rowid')
        batch_op.drop_index('ix_note_version_child_current')
    op.drop_table('note_version')
