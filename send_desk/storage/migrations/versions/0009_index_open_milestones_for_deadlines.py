"""milestone: a partial index of open milestones holding what deadlines reads

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 15:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

COLUMNS = [
    'kind', 'local', 'due', 'child_id', 'milestone', 'rule', 'cycle', 'proposed', 'priority',
    'exception_reason', 'exception_evidence', 'exception_recorded', 'done',
]


def upgrade() -> None:
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(
            'ix_milestone_open_by_kind', COLUMNS, unique=False,
            sqlite_where=sa.text('done IS NULL'),
        )


def downgrade() -> None:
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index('ix_milestone_open_by_kind')
