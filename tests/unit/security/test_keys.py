from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.security import keyring_cache
from send_desk.security.keys import (
    KeyFileError,
    WrongPassword,
    check_new_password,
    new_key,
    read_keyfile,
    unwrap_key,
    wrap_key,
    write_keyfile,
)


def test_key_unwraps_only_with_its_password(tmp_path: Path) -> None:
    keyfile, raw = new_key("a long enough password", "store-1")
    path = tmp_path / "k.key"
    write_keyfile(path, keyfile)
    assert unwrap_key(read_keyfile(path), "a long enough password") == raw
    with pytest.raises(WrongPassword):
        unwrap_key(read_keyfile(path), "a long enough passwore")
    assert raw.hex() not in path.read_text()


def test_rewrapping_keeps_the_same_database_key() -> None:
    _keyfile, raw = new_key("first password 1", "s")
    rewrapped = wrap_key(raw, "second password 2", "s")
    assert unwrap_key(rewrapped, "second password 2") == raw
    with pytest.raises(WrongPassword):
        unwrap_key(rewrapped, "first password 1")


def test_a_key_file_from_another_store_does_not_unwrap() -> None:
    keyfile, _ = new_key("shared password 1", "store-a")
    moved = keyfile.__class__(**{**keyfile.__dict__, "store_id": "store-b"})
    with pytest.raises(WrongPassword):
        unwrap_key(moved, "shared password 1")


@pytest.mark.parametrize(
    "content", ["not json", '{"format": "other"}', '{"format": "send-desk-key", "version": 1}']
)
def test_damaged_key_files_are_reported(tmp_path: Path, content: str) -> None:
    path = tmp_path / "k.key"
    path.write_text(content)
    with pytest.raises(KeyFileError):
        read_keyfile(path)


def test_missing_key_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="missing"):
        read_keyfile(tmp_path / "nothing.key")


def test_new_password_strength() -> None:
    assert check_new_password("short") == ["use at least 10 characters"]
    assert "use more different characters" in check_new_password("aaaaaaaaaaaa")
    assert check_new_password("Maple-Orbit-42") == []


def test_keyring_cache_round_trip(memory_keyring: object) -> None:
    assert keyring_cache.recall_key("s1") is None
    assert keyring_cache.remember_key("s1", b"\x01\x02")
    assert keyring_cache.recall_key("s1") == b"\x01\x02"
    keyring_cache.forget_key("s1")
    assert keyring_cache.recall_key("s1") is None


def test_a_keyring_that_forgets_is_not_trusted_with_the_store_key() -> None:
    """A "null" keyring accepts a secret and gives nothing back: `remember-password`
    must not say the key is kept when the next command would still ask for a password."""
    import keyring
    from keyring.backend import KeyringBackend

    class Forgetful(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            return None

        def delete_password(self, service: str, username: str) -> None:
            return None

    keyring.set_keyring(Forgetful())  # the test's own keyring is put back afterwards
    assert keyring_cache.remember_key("s1", b"\x01\x02") is False
