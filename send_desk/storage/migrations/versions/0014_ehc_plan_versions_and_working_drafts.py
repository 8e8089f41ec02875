"""EHC plans on the case: append-only plan versions and the working draft

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 15:30:00.000000

plan_version holds every issued version of a child's plan (draft, final, amendment,
amended); a trigger refuses any change to a saved version. plan_draft holds the plan
being written on this laptop (not journaled, not synced).
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
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

    op.create_table('plan_draft',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('based_on', sa.Uuid(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('edits', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_draft_child_id'), ['child_id'], unique=True)

    op.execute(
        """
        CREATE TRIGGER plan_version_append_only BEFORE UPDATE ON plan_version
        BEGIN
            SELECT RAISE(ABORT, 'an issued plan is never changed: amend it (a new version)');
        END
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS plan_version_append_only")
    with op.batch_alter_table('plan_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_draft_child_id'))
    op.drop_table('plan_draft')
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_version_plan_id'))
        batch_op.drop_index('ix_plan_version_child_version')
    op.drop_table('plan_version')
