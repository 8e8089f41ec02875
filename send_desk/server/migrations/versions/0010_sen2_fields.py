"""SEN2 return fields: a child's ethnicity, ULN and reason for no UPN; a placement's
SEN unit / resourced provision flags and rank; a setting's UKPRN and SEN2 setting code

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

    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('sen_unit', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column('resourced_provision', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column('rank', sa.Integer(), nullable=True))

    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ukprn', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('sen2_setting', sa.String(length=4), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_column('sen2_setting')
        batch_op.drop_column('ukprn')

    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_column('rank')
        batch_op.drop_column('resourced_provision')
        batch_op.drop_column('sen_unit')

    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_column('ethnicity')
        batch_op.drop_column('uln')
        batch_op.drop_column('upn_unknown_reason')
