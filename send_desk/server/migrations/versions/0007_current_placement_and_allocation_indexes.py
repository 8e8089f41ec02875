"""placement, allocation: indexes holding a child's current setting, caseworker and team
(the same as the laptop's store; the central store's scope reads current allocations)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 16:00:00.000000
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        'ix_placement_current', 'placement', ['child_id', 'end_date', 'setting_id'],
        unique=False,
    )
    op.create_index(
        'ix_allocation_current', 'allocation',
        ['child_id', 'end_date', 'caseworker_id', 'team_id'], unique=False,
    )


def downgrade() -> None:
    op.drop_index('ix_allocation_current', table_name='allocation')
    op.drop_index('ix_placement_current', table_name='placement')
