"""Writes asked for through the API, each one transaction with its audit row.

The API layer never touches rows: it calls these, which use `write` (corrections), `ingest`
(uploads) and `auth` (the key's last use), record the change in the audit log, and answer the
same models the read side does (`services`), read inside the same transaction.
"""
