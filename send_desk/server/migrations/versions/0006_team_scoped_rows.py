"""team data: row_version records the team (or owner) of a note sample, so a pull
sends a sample only to the users who see its team's caseload

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 10:00:00.000000

Existing samples are backfilled from their stored values: the sample's team, or when
it has none (a whole-service sample) the user who drew it, else whoever sent it to the
central store, else the nil id (only admins see it).
"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

NOBODY = uuid.UUID(int=0)


def upgrade() -> None:
    with op.batch_alter_table('row_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('owner_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_row_version_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_row_version_owner_id'), ['owner_id'], unique=False)

    op.execute(
        sa.text(
            "UPDATE row_version SET team_id = ("
            " SELECT note_sample.team_id FROM note_sample"
            " WHERE note_sample.id = row_version.row_id)"
            " WHERE table_name = 'note_sample'"
        )
    )
    op.execute(
        sa.text(
            "UPDATE row_version SET owner_id = COALESCE(("
            " SELECT COALESCE(note_sample.drawn_by, note_sample.created_by) FROM note_sample"
            " WHERE note_sample.id = row_version.row_id), :nobody)"
            " WHERE table_name = 'note_sample' AND team_id IS NULL"
        ).bindparams(sa.bindparam('nobody', NOBODY, type_=sa.Uuid()))
    )


def downgrade() -> None:
    with op.batch_alter_table('row_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_row_version_owner_id'))
        batch_op.drop_index(batch_op.f('ix_row_version_team_id'))
        batch_op.drop_column('owner_id')
        batch_op.drop_column('team_id')
