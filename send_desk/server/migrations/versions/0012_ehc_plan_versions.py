"""EHC plans: append-only plan versions (synced in the child's scope)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 15:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plan_version',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=True),
    sa.Column('amendment_reason', sa.String(), nullable=True),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('changed_sections', sa.JSON(), nullable=False),
    sa.Column('failed_items', sa.JSON(), nullable=False),
    sa.Column('checklist_passed', sa.Integer(), nullable=False),
    sa.Column('checklist_applicable', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.create_index('ix_plan_version_child_version', ['child_id', 'version'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_version_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_version_plan_id'))
        batch_op.drop_index('ix_plan_version_child_version')
    op.drop_table('plan_version')
