"""Tables and value types of the caseload. No Qt, no I/O."""
