"""Pure text rules: text in, frozen dataclasses with character offsets out; no session, no rows.

Three parser families that never import each other -- `news/`, `transcript/`, `topics/` --
around shared modules: `names`, `roles`, `dates`, `occasions`, `genre`, and `statements`
(either parser's output as statements with speaker claims and event clues).
"""
