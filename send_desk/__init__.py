"""SEND Desk: offline-first casework for EHC needs assessments and EHC plans."""

__version__ = "0.1.0"
