"""Moving a council's caseload in: spreadsheets a team keeps (CSV or XLSX).

Qt-free, like the services it writes through.
"""
