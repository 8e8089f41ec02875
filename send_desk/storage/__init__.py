"""Engine factory (SQLCipher), migrations (Alembic), opening and backing up stores."""
