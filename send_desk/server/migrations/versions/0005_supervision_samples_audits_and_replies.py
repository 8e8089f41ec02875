"""supervision: append-only note samples, audits and the caseworker's replies

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 13:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('note_sample',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('period', sa.String(), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('caseworker_ids', sa.JSON(), nullable=False),
    sa.Column('per_caseworker', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('weighted', sa.Boolean(), nullable=False),
    sa.Column('include_audited', sa.Boolean(), nullable=False),
    sa.Column('as_of', sa.DateTime(), nullable=False),
    sa.Column('drawn_by', sa.Uuid(), nullable=True),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('shortfall', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note_sample', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_sample_period'), ['period'], unique=False)

    op.create_table('note_audit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('note_id', sa.Uuid(), nullable=False),
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('caseworker_id', sa.Uuid(), nullable=True),
    sa.Column('auditor_id', sa.Uuid(), nullable=True),
    sa.Column('sample_id', sa.Uuid(), nullable=True),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('moderates_id', sa.Uuid(), nullable=True),
    sa.Column('criteria', sa.JSON(), nullable=False),
    sa.Column('overall', sa.String(), nullable=False),
    sa.Column('rule_version', sa.Integer(), nullable=False),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('action_due', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('note_audit', schema=None) as batch_op:
        batch_op.create_index('ix_note_audit_caseworker', ['caseworker_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_audit_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_audit_moderates_id'), ['moderates_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_audit_note_id'), ['note_id'], unique=False)

    op.create_table('audit_response',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('audit_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['note_audit.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_response_audit_id'), ['audit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_response_audit_id'))

    op.drop_table('audit_response')
    with op.batch_alter_table('note_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_audit_note_id'))
        batch_op.drop_index(batch_op.f('ix_note_audit_moderates_id'))
        batch_op.drop_index(batch_op.f('ix_note_audit_child_id'))
        batch_op.drop_index('ix_note_audit_caseworker')

    op.drop_table('note_audit')
    with op.batch_alter_table('note_sample', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_sample_period'))

    op.drop_table('note_sample')
