"""Ingestion: files -> loader -> parse (pure) -> store in one transaction per document.

The orchestrator is `pipeline`; the data path is described in ARCHITECTURE.md.
"""
