"""refresh_token: families, so a refresh token is replaced at each use and a reused
old one withdraws the whole sign-in (and the access tokens it gave)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 12:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('refresh_token') as batch:
        batch.add_column(sa.Column('family_id', sa.Uuid(), nullable=True))
        batch.add_column(sa.Column('rotated_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('replaced_by', sa.Uuid(), nullable=True))
        batch.create_index('ix_refresh_token_family_id', ['family_id'], unique=False)
    # every token issued before this is a sign-in of its own
    op.execute("UPDATE refresh_token SET family_id = id")


def downgrade() -> None:
    with op.batch_alter_table('refresh_token') as batch:
        batch.drop_index('ix_refresh_token_family_id')
        batch.drop_column('replaced_by')
        batch.drop_column('rotated_at')
        batch.drop_column('family_id')
