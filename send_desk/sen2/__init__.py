"""The SEN2 return: its code sets, the XML built from the store, and the checks on it.

Qt-free: the CLI and (later) the GUI page call it alike.
"""
