"""documents attached to a child's case: the journaled document row, and its content
kept encrypted in the store in chunks keyed by the content's SHA-256

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 15:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('doc_type', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('advice_kind', sa.String(length=40), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=True),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('withdrawn_reason', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_child_id'), ['child_id'], unique=False)
        batch_op.create_index(
            batch_op.f('ix_document_content_sha256'), ['content_sha256'], unique=False
        )

    op.create_table('document_content',
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('chunk_count', sa.Integer(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('on_server', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('content_sha256')
    )
    op.create_table('document_chunk',
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('content_sha256', 'seq')
    )


def downgrade() -> None:
    op.drop_table('document_chunk')
    op.drop_table('document_content')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_content_sha256'))
        batch_op.drop_index(batch_op.f('ix_document_child_id'))
    op.drop_table('document')
