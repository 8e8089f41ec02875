"""letters: append-only letter versions saved to a child's record

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 12:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('letter_version',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('letter_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('template', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('variant', sa.String(), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('recipient_name', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('sent_via', sa.String(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('event_ids', sa.JSON(), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('check', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('letter_version', schema=None) as batch_op:
        batch_op.create_index('ix_letter_version_child_date', ['child_id', 'letter_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_version_letter_id'), ['letter_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('letter_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_version_letter_id'))
        batch_op.drop_index('ix_letter_version_child_date')

    op.drop_table('letter_version')
