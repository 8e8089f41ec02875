"""case notes: append-only note versions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 11:23:34.927127
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('note_version',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('note_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
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
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_version_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_note_version_child_current', ['child_id', 'superseded', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_version_note_id'), ['note_id'], unique=False)
        batch_op.create_index('ix_note_version_search_rowid', ['search_rowid'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('note_version', schema=None) as batch_op:
        batch_op.drop_index('ix_note_version_search_rowid')
        batch_op.drop_index(batch_op.f('ix_note_version_note_id'))
        batch_op.drop_index('ix_note_version_child_current')
        batch_op.drop_index(batch_op.f('ix_note_version_author_id'))

    op.drop_table('note_version')
