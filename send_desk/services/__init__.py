"""Every write to the store goes through these functions; they return plain data.

Each function takes the Session explicitly (opened by the caller through
``Store.write()``/``Store.read()``) so a GUI op or a CLI command controls the
transaction, and the journal hook records who changed what.
"""
