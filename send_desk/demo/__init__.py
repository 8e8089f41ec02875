"""A synthetic but realistic caseload for demonstrations, tests and benchmarks."""
