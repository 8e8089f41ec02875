"""The store's random database key, wrapped by a key derived from the user's password.

The key file holds only the wrapped key and the KDF parameters, so changing the
password rewraps 32 bytes instead of re-encrypting the database.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from send_desk.security.files import private_opener

KEY_BYTES = 32
FORMAT = "send-desk-key"
VERSION = 1
# scrypt at N=2**15, r=8: ~32 MiB and well under a second on a 2-core laptop.
DEFAULT_N = 2**15


class KeyFileError(Exception):
    """The key file is missing, damaged or not ours."""


class WrongPassword(Exception):
    """The password does not unwrap the store's key."""


@dataclass(frozen=True)
class KeyFile:
    store_id: str
    salt: str
    n: int
    r: int
    p: int
    nonce: str
    wrapped: str
    format: str = FORMAT
    version: int = VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise KeyFileError("this is not a SEND Desk key file")
            if data.get("version") != VERSION:
                raise KeyFileError(f"key file version {data.get('version')} is not supported")
            return cls(**data)
        except (ValueError, TypeError, AttributeError) as error:
            raise KeyFileError("the key file is damaged") from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def wrap_key(
    raw_key: bytes, password: str, store_id: str, *, n: int = DEFAULT_N, r: int = 8, p: int = 1
) -> KeyFile:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _derive(password, salt, n, r, p)
    wrapped = AESGCM(kek).encrypt(nonce, raw_key, store_id.encode("ascii"))
    return KeyFile(store_id, _b64(salt), n, r, p, _b64(nonce), _b64(wrapped))


def new_key(password: str, store_id: str) -> tuple[KeyFile, bytes]:
    raw_key = secrets.token_bytes(KEY_BYTES)
    return wrap_key(raw_key, password, store_id), raw_key


def unwrap_key(keyfile: KeyFile, password: str) -> bytes:
    try:
        kek = _derive(password, _unb64(keyfile.salt), keyfile.n, keyfile.r, keyfile.p)
        return AESGCM(kek).decrypt(
            _unb64(keyfile.nonce), _unb64(keyfile.wrapped), keyfile.store_id.encode("ascii")
        )
    except InvalidTag:
        raise WrongPassword("wrong password") from None
    except (ValueError, TypeError) as error:
        raise KeyFileError("the key file is damaged") from error


def read_keyfile(path: Path) -> KeyFile:
    try:
        return KeyFile.from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileError(f"the key file {path} is missing") from None
    except UnicodeDecodeError as error:
        raise KeyFileError("the key file is damaged") from error


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Write atomically: a crash or full disk leaves the old key file in place."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        # created owner-only: the wrapped key is only as strong as the password otherwise
        with open(tmp, "w", encoding="utf-8", opener=private_opener) as handle:
            handle.write(keyfile.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def check_new_password(password: str) -> list[str]:
    """Plain reasons a new password is too weak (empty list when acceptable)."""
    problems = []
    if len(password) < 10:
        problems.append("use at least 10 characters")
    if len(set(password)) < 5:
        problems.append("use more different characters")
    if password.lower() in {"password12", "password123", "1234567890", "qwertyuiop"}:
        problems.append("this password is too common")
    return problems
