"""case events: corrections as versions with a reason, withdrawals with a reason

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 12:40:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(
            sa.Column('withdrawn', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column('withdrawn_reason', sa.String(length=2000), nullable=True))

    op.create_table('case_event_version',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.String(), nullable=True),
    sa.Column('reason', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['case_event.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_event_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_event_version_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_event_version_event_id'), ['event_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_event_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_event_version_event_id'))
        batch_op.drop_index(batch_op.f('ix_case_event_version_child_id'))
    op.drop_table('case_event_version')
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_column('withdrawn_reason')
        batch_op.drop_column('withdrawn')
        batch_op.drop_column('version')
