"""Plan audits: note_audit gains a subject ('note' or 'plan')

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 18:10:00.000000

A supervisor's audit of an EHC plan version travels as a note_audit row with subject
'plan'; rows already held are note audits (the server default).
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
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
    with op.batch_alter_table('note_audit', schema=None) as batch_op:
        batch_op.drop_column('subject')
