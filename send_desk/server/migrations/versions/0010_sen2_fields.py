"""SEN2 return fields: a child's ethnicity, ULN and reason for no UPN

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('upn_unknown_reason', sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column('uln', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('ethnicity', sa.String(length=4), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_column('ethnicity')
        batch_op.drop_column('uln')
        batch_op.drop_column('upn_unknown_reason')
