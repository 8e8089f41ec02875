"""Offline-first sync: the device's side (outbox, push, pull, conflicts, ledger) and the
protocol shapes both sides share. Qt-free; the app drives it from a background op."""
