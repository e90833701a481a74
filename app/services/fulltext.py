"""Full-text queries: one small syntax, rendered for SQLite FTS5 and PostgreSQL tsquery.

Syntax: words (all must match), "exact phrases", prefix*, OR between terms, -excluded.
User text never reaches either engine's query language unquoted: FTS5 terms are quoted, and
PostgreSQL terms go through plainto_tsquery/phraseto_tsquery as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Double,
    Select,
    TextClause,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.sql.elements import ColumnElement as Expr

from app.db.models import Quote
from app.errors import BadQuery

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    negated: bool = False


def parse_query(q: str) -> list[list[Term]]:
    """A list of OR-groups of AND-ed terms: `a b OR c -d` -> [[a, b], [c, -d]]."""
    groups: list[list[Term]] = [[]]
    for token in _TOKEN.findall(q):
        if token == "OR":
            if not groups[-1]:
                raise BadQuery(f"'OR' needs a term on each side in q={q!r}")
            groups.append([])
            continue
        term = _term(token)
        if term is not None:
            groups[-1].append(term)
    if not groups[-1]:
        raise BadQuery(f"q={q!r} has no words to search for")
    for group in groups:
        if all(t.negated for t in group):
            raise BadQuery(f"q={q!r}: a search cannot only exclude words; add a word to find")
    return groups


def _term(token: str) -> Term | None:
    negated = token.startswith("-") and len(token) > 1
    token = token[1:] if negated else token
    phrase = token.startswith('"')
    prefix = not phrase and token.endswith("*")
    words = tuple(w.casefold() for w in _WORD.findall(token))
    if not words:
        return None
    if prefix and len(words) > 1:
        words = words[-1:]
    return Term(words, phrase or len(words) > 1, prefix, negated)


# SQLite FTS5 ------------------------------------------------------------------------------


def stem_prefixes(word: str) -> list[str]:
    """Shorter forms a stemmed index may hold for words starting with `word`.

    Both engines index stems: "negotiating" is stored as "negoti", which the prefix
    "negotiat*" does not reach. A stem is a prefix of its word, at most a few letters shorter,
    so the prefix also matches those shorter stems as whole terms (never below 4 letters).
    """
    return [word[:k] for k in range(len(word) - 1, max(3, len(word) - 4), -1)]


def fts5_match(groups: list[list[Term]]) -> str:
    def one(t: Term) -> str:
        quoted = '"' + " ".join(t.words) + '"'
        if not t.prefix:
            return quoted
        shorter = "".join(f' OR "{stem}"' for stem in stem_prefixes(t.words[0]))
        return f"({quoted}*{shorter})"

    rendered = []
    for group in groups:
        positive = " AND ".join(one(t) for t in group if not t.negated)
        negative = "".join(f" NOT {one(t)}" for t in group if t.negated)
        rendered.append(f"({positive}{negative})")
    return " OR ".join(rendered)


def sqlite_search(q: str) -> tuple[ColumnElement[bool], Expr, Expr]:
    """(where clause, rank, snippet) for FTS5; rank: lower is better, so negate for sorting."""
    match = fts5_match(parse_query(q))
    ids: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(text("quotes_fts"))
        .where(text("quotes_fts MATCH :match").bindparams(match=match))
    )
    rank = (
        select(literal_column("-bm25(quotes_fts)"))
        .select_from(text("quotes_fts"))
        .where(text("quotes_fts MATCH :match_r AND rowid = quotes.id").bindparams(match_r=match))
        .scalar_subquery()
    )
    snippet = (
        select(literal_column("snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 16)"))
        .select_from(text("quotes_fts"))
        .where(text("quotes_fts MATCH :match_s AND rowid = quotes.id").bindparams(match_s=match))
        .scalar_subquery()
    )
    return Quote.id.in_(ids), rank, snippet


# The FTS5 table as a FROM item: its rowid is the quote's id.
FTS5 = table("quotes_fts", column("rowid"))
FTS5_SNIPPET: Expr = literal_column("snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 16)")


def fts5_matches(q: str) -> TextClause:
    """`quotes_fts MATCH ...`, for statements that read from the FTS5 table itself.

    Walking the index in rowid order stops after a page's worth of matches; `quotes.id IN
    (SELECT rowid ... MATCH ...)` first collected every match (27k for a common word) and
    re-ran the MATCH once per row for its snippet.
    """
    return text("quotes_fts MATCH :fts_match").bindparams(fts_match=fts5_match(parse_query(q)))


# PostgreSQL -------------------------------------------------------------------------------


def _tsquery(t: Term) -> Expr:
    if t.prefix:
        # Prefix terms are single \w+ words (see _term), safe inside to_tsquery; 'simple'
        # keeps them unstemmed, to meet the stems the english configuration indexed.
        query = func.to_tsquery("simple", literal(t.words[0] + ":*"))
        for stem in stem_prefixes(t.words[0]):
            query = func.tsquery_or(query, func.to_tsquery("simple", literal(stem)))
    elif t.phrase:
        query = func.phraseto_tsquery("english", literal(" ".join(t.words)))
    else:
        query = func.plainto_tsquery("english", literal(t.words[0]))
    return func.tsquery_not(query) if t.negated else query


def postgres_tsquery(groups: list[list[Term]]) -> Expr:
    """tsquery_and/or/not are the functions behind PostgreSQL's &&, || and !! on tsquery."""
    combined: Expr | None = None
    for group in groups:
        part: Expr | None = None
        for term in group:
            query = _tsquery(term)
            part = query if part is None else func.tsquery_and(part, query)
        combined = part if combined is None else func.tsquery_or(combined, part)
    assert combined is not None
    return combined


def postgres_search(q: str) -> tuple[ColumnElement[bool], Expr, Expr]:
    tsquery = postgres_tsquery(parse_query(q))
    # The stored to_tsvector('english', text) (migration 0003): checking a row costs a read,
    # not a to_tsvector call, when the planner walks quotes in id order.
    vector = literal_column("quotes.quotes_fts_vector", type_=TSVECTOR)
    # float4 -> float8: a real read back as text would not round-trip through a cursor.
    rank = cast(func.ts_rank_cd(vector, tsquery), Double)
    snippet = func.ts_headline(
        "english", Quote.text, tsquery, "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10"
    )
    return vector.op("@@")(tsquery), rank, snippet
