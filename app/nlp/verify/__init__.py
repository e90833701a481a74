"""Quote verification: did they really say it like that?

Pure functions, no database: give the words of a news quote (its quoted parts) and an index of
the passages that could be its source (the speaker's transcript turns); get back a status
(verbatim / edited / altered / unmatched), the passage and offsets, a word-level diff and a
similarity score. Whether there is any source at all (`no_source`) is for the caller to say.
"""

from app.nlp.verify.source import SourceIndex, SourcePassage
from app.nlp.verify.verify import STATUSES, DiffOp, Verification, verify_quote

__all__ = ["STATUSES", "DiffOp", "SourceIndex", "SourcePassage", "Verification", "verify_quote"]
