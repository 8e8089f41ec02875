"""The Supervision page: samples of case notes, audits, moderation and feedback."""
