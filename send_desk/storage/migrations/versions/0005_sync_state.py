"""sync state: held children, quarantined changes, conflicts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 11:24:01.948216
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=True),
    sa.Column('field', sa.String(), nullable=True),
    sa.Column('base', sa.JSON(), nullable=True),
    sa.Column('kept_value', sa.JSON(), nullable=True),
    sa.Column('other_value', sa.JSON(), nullable=True),
    sa.Column('kept_by', sa.Uuid(), nullable=True),
    sa.Column('kept_at', sa.DateTime(), nullable=True),
    sa.Column('other_by', sa.Uuid(), nullable=True),
    sa.Column('other_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('resolved_by', sa.Uuid(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.JSON(), nullable=True),
    sa.Column('resolution_note', sa.String(), nullable=True),
    sa.Column('pending_choice', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_child_id'), ['child_id'], unique=False)

    op.create_table('sync_quarantine',
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('discard_reason', sa.String(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('device_seq')
    )
    op.create_table('sync_scope',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('child_id')
    )


def downgrade() -> None:
    op.drop_table('sync_scope')
    op.drop_table('sync_quarantine')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_child_id'))

    op.drop_table('sync_conflict')
