"""The desktop app (PySide6). Reaches data only through send_desk.backend."""
