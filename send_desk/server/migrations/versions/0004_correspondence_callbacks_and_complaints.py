"""correspondence, callbacks and complaints: the log with response due dates, callback slots, complaint stages, staff absence and duty rota

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 15:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('correspondence_item',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('channel', sa.String(), nullable=False),
    sa.Column('contact_date', sa.Date(), nullable=False),
    sa.Column('correspondent', sa.String(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('reference', sa.String(), nullable=True),
    sa.Column('needs_response', sa.Boolean(), nullable=False),
    sa.Column('response_due', sa.Date(), nullable=True),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('response_kind', sa.String(), nullable=True),
    sa.Column('response_ref', sa.Uuid(), nullable=True),
    sa.Column('response_summary', sa.Text(), nullable=True),
    sa.Column('in_reply_to', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_correspondence_item_child_date', 'correspondence_item', ['child_id', 'contact_date'], unique=False)
    op.create_index('ix_correspondence_item_open', 'correspondence_item', ['needs_response', 'responded_on', 'response_due'], unique=False)
    op.create_table('callback',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('requested_by', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('about', sa.Text(), nullable=False),
    sa.Column('slot_start', sa.DateTime(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('caller_id', sa.Uuid(), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('via_duty', sa.Boolean(), nullable=False),
    sa.Column('correspondence_id', sa.Uuid(), nullable=True),
    sa.Column('confirmation_via', sa.String(), nullable=True),
    sa.Column('confirmation_letter_id', sa.Uuid(), nullable=True),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(), nullable=True),
    sa.Column('outcome_at', sa.DateTime(), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['caller_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['correspondence_id'], ['correspondence_item.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_callback_caller_id'), 'callback', ['caller_id'], unique=False)
    op.create_index(op.f('ix_callback_child_id'), 'callback', ['child_id'], unique=False)
    op.create_index(op.f('ix_callback_slot_start'), 'callback', ['slot_start'], unique=False)
    op.create_table('complaint',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('caseworker_id', sa.Uuid(), nullable=True),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('complainant', sa.String(), nullable=False),
    sa.Column('received_via', sa.String(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('correspondence_id', sa.Uuid(), nullable=True),
    sa.Column('root_cause', sa.String(), nullable=True),
    sa.Column('outcome', sa.String(), nullable=True),
    sa.Column('lessons_learned', sa.Text(), nullable=True),
    sa.Column('ombudsman_referred_on', sa.Date(), nullable=True),
    sa.Column('ombudsman_reference', sa.String(), nullable=True),
    sa.Column('ombudsman_outcome', sa.String(), nullable=True),
    sa.Column('ombudsman_decided_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['caseworker_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['correspondence_id'], ['correspondence_item.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_complaint_caseworker_id'), 'complaint', ['caseworker_id'], unique=False)
    op.create_index(op.f('ix_complaint_child_id'), 'complaint', ['child_id'], unique=False)
    op.create_index(op.f('ix_complaint_received_on'), 'complaint', ['received_on'], unique=False)
    op.create_table('duty_rota',
    sa.Column('team_id', sa.Uuid(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_duty_rota_team_date', 'duty_rota', ['team_id', 'on_date'], unique=False)
    op.create_table('staff_absence',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_staff_absence_user_id'), 'staff_absence', ['user_id'], unique=False)
    op.create_table('complaint_stage',
    sa.Column('complaint_id', sa.Uuid(), nullable=False),
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('stage', sa.String(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('acknowledge_due', sa.Date(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=True),
    sa.Column('acknowledgement_letter_id', sa.Uuid(), nullable=True),
    sa.Column('response_due', sa.Date(), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('response_letter_id', sa.Uuid(), nullable=True),
    sa.Column('outcome', sa.String(), nullable=True),
    sa.Column('investigator', sa.String(), nullable=True),
    sa.Column('escalate_by', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_complaint_stage_complaint_id'), 'complaint_stage', ['complaint_id'], unique=False)
    op.create_index(op.f('ix_complaint_stage_responded_on'), 'complaint_stage', ['responded_on'], unique=False)
    op.create_index(op.f('ix_complaint_stage_response_due'), 'complaint_stage', ['response_due'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_complaint_stage_response_due'), table_name='complaint_stage')
    op.drop_index(op.f('ix_complaint_stage_responded_on'), table_name='complaint_stage')
    op.drop_index(op.f('ix_complaint_stage_complaint_id'), table_name='complaint_stage')
    op.drop_table('complaint_stage')
    op.drop_index(op.f('ix_staff_absence_user_id'), table_name='staff_absence')
    op.drop_table('staff_absence')
    op.drop_index('ix_duty_rota_team_date', table_name='duty_rota')
    op.drop_table('duty_rota')
    op.drop_index(op.f('ix_complaint_received_on'), table_name='complaint')
    op.drop_index(op.f('ix_complaint_child_id'), table_name='complaint')
    op.drop_index(op.f('ix_complaint_caseworker_id'), table_name='complaint')
    op.drop_table('complaint')
    op.drop_index(op.f('ix_callback_slot_start'), table_name='callback')
    op.drop_index(op.f('ix_callback_child_id'), table_name='callback')
    op.drop_index(op.f('ix_callback_caller_id'), table_name='callback')
    op.drop_table('callback')
    op.drop_index('ix_correspondence_item_open', table_name='correspondence_item')
    op.drop_index('ix_correspondence_item_child_date', table_name='correspondence_item')
    op.drop_table('correspondence_item')
