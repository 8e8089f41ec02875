"""Keys, passwords and the OS keyring. No Qt."""
