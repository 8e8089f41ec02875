"""Plan audits: note_audit gains a subject ('note' or 'plan')

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 18:10:00.000000

A supervisor's audit of an EHC plan version is a row of note_audit with subject 'plan'
(note_id holds the plan's plan_id, version_id the plan_version id), so it is
append-only, synced, acknowledged and moderated as a case-note audit is. Existing
rows are note audits: the server default says so. A plain ADD COLUMN (not a batch
table copy) keeps the append-only trigger of revision 0008.
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'note_audit',
        sa.Column('subject', sa.String(length=8), nullable=False, server_default='note'),
    )
    op.create_index('ix_note_audit_subject', 'note_audit', ['subject'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_note_audit_subject', table_name='note_audit')
    # SQLite copies the table to drop a column: put the append-only trigger back after
    with op.batch_alter_table('note_audit', schema=None) as batch_op:
        batch_op.drop_column('subject')
    op.execute("DROP TRIGGER IF EXISTS note_audit_append_only")
    op.execute(
        """
        CREATE TRIGGER note_audit_append_only BEFORE UPDATE ON note_audit
        BEGIN
            SELECT RAISE(ABORT, 'a supervision record is never changed: add a new one');
        END
        """
    )
