"""placement, allocation: indexes holding a child's current setting, caseworker and team

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 16:00:00.000000
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.create_index(
            'ix_placement_current', ['child_id', 'end_date', 'setting_id'], unique=False
        )
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.create_index(
            'ix_allocation_current', ['child_id', 'end_date', 'caseworker_id', 'team_id'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.drop_index('ix_allocation_current')
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_index('ix_placement_current')
