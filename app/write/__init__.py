"""The write side: every insert, update and merge of speakers, events and topics lives here.

Ingestion (`app.ingest.store`) and the CLI corrections (`app.cli`) both write through these
modules, one per entity: `speakers` (rows, aliases, roles, merges), `speaker_matching` (which
stored speaker a document's claim means), `events`, `topics`, `directory` (the shipped
speaker directory) and `corrections` (the same writes, addressed by the names users type).
Nothing here commits: the caller owns the transaction. `app.services` only reads and never
imports this package.
"""
