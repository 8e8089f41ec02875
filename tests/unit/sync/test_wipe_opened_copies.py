"""A wiped laptop keeps no decrypted copy of a document the app opened."""

from __future__ import annotations

from send_desk.storage.store import Store
from send_desk.sync.signin import wipe


def test_a_wipe_removes_the_decrypted_copies_of_opened_documents(store: Store) -> None:
    copy = store.paths.opened / "0123abcd" / "EP advice.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF-1.4 synthetic advice")
    wipe(store, "device_revoked", "this device's access has been withdrawn")
    assert not store.paths.opened.exists()
    assert (store.paths.root / "WIPED.txt").exists()
