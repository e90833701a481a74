"""Full-text queries: one small syntax, rendered for SQLite FTS5 and PostgreSQL tsquery.

Syntax: words (all must match), "exact phrases", prefix*, OR between terms, -excluded.
User text never reaches either engine's query language unquoted: FTS5 terms are quoted, and
PostgreSQL terms go through plainto_tsquery/phraseto_tsquery as bound parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Double,
    Select,
    String,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement as Expr

from app.db.models import Quote
from app.errors import BadQuery
from app.services.shapes import shaped, slot, slots

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)

# Bounds on one search. A journalist's query is a few words or a pasted sentence; thousands of
# terms only make expressions that exhaust the parser (a RecursionError, a crash on PostgreSQL)
# or run for minutes. Past these a query is refused with a 400 that says why.
MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32  # words, phrases and prefixes joined by AND, OR and NOT
MAX_WORDS = 64  # words in all terms, phrases included


@dataclass(frozen=True)
class Search:
    """A full-text query for one engine: which quotes match, how well, and their snippets.

    Its clauses are built per shape (`services.shapes`): `shape` names what they depend on
    (never a word) and `params` holds the words, by bind name. Snippets are asked for the rows
    of a page only, once they are chosen: highlighting every match (as a column of the sorted
    query) cost a snippet per match.
    """

    shape: Hashable
    params: dict[str, Any]
    where: Callable[[], ColumnElement[bool]]
    rank: Callable[[], Expr]
    snippets: Callable[[Session, Sequence[int]], dict[int, str]]
    one_word: bool = False  # a single plain word: its count the planner knows (see quotes)
    # PostgreSQL: a row's snippet as a column, for statements that read a page's few rows
    headline: Callable[[], Expr] | None = None


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    negated: bool = False


def parse_query(q: str) -> list[list[Term]]:
    """A list of OR-groups of AND-ed terms: `a b OR c -d` -> [[a, b], [c, -d]]."""
    if len(q) > MAX_QUERY_CHARS:
        raise BadQuery(
            f"q is {len(q)} characters long; a search takes at most {MAX_QUERY_CHARS}",
            errors=[{"parameter": "q", "in": "query", "message": "too long"}],
        )
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
    _check_size(groups)
    return groups


def _check_size(groups: list[list[Term]]) -> None:
    terms = [t for group in groups for t in group]
    words = sum(len(t.words) for t in terms)
    if len(terms) > MAX_TERMS or words > MAX_WORDS:
        raise BadQuery(
            f"q has {len(terms)} terms and {words} words; a search takes at most "
            f"{MAX_TERMS} terms and {MAX_WORDS} words",
            errors=[{"parameter": "q", "in": "query", "message": "too many terms"}],
        )


def balanced(combine: Callable[[Expr, Expr], Expr], parts: Sequence[Expr]) -> Expr:
    """Join expressions pairwise into a tree of depth log2(n), not a chain of depth n: each
    level of nesting is a level of recursion when SQLAlchemy compiles the statement."""
    level = list(parts)
    while len(level) > 1:
        paired = [combine(a, b) for a, b in zip(level[::2], level[1::2], strict=False)]
        level = paired + ([level[-1]] if len(level) % 2 else [])
    return level[0]


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


def sqlite_search(q: str) -> Search:
    """FTS5: matches, bm25 rank (lower is better, so negated) and page snippets. Every
    search has one shape on SQLite: the whole FTS5 query is one bound value."""
    match = fts5_match(parse_query(q))

    def snippets(session: Session, quote_ids: Sequence[int]) -> dict[int, str]:
        if not quote_ids:
            return {}
        rows = session.connection().execute(
            _SQLITE_SNIPPETS, {"match": match, "ids": list(quote_ids)}
        )
        return {row[0]: row[1] for row in rows}

    return Search(("fts5",), {"match": match}, _fts5_where, _fts5_rank, snippets)


def _fts5_where() -> ColumnElement[bool]:
    ids: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(text("quotes_fts"))
        .where(text("quotes_fts MATCH :match"))
    )
    return Quote.id.in_(ids)


def _fts5_rank() -> Expr:
    # Every match ranked in one FTS5 pass, materialised once: bm25() asked row by row (a
    # correlated subquery) re-reads the posting lists of every term per row, so sorting
    # `q=a*` by relevance cost the square of its matches (7 minutes at 50k quotes).
    ranked = (
        select(
            literal_column("rowid").label("id"),
            literal_column("-bm25(quotes_fts)").label("rank"),
        )
        .select_from(text("quotes_fts"))
        .where(text("quotes_fts MATCH :match"))
        .cte("fts_ranked")
        .prefix_with("MATERIALIZED")
    )
    return select(ranked.c.rank).where(ranked.c.id == Quote.id).scalar_subquery()


# Snippets for a page's rows from one FTS5 cursor. `+rowid` keeps the id list away from FTS5,
# which would otherwise re-run a prefix query (merging every `a*` posting list) per id.
_SQLITE_SNIPPETS = text(
    "SELECT rowid, snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 16) FROM quotes_fts "
    "WHERE quotes_fts MATCH :match AND +rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))


# The FTS5 table as a FROM item: its rowid is the quote's id.
FTS5 = table("quotes_fts", column("rowid"))
FTS5_SNIPPET: Expr = literal_column("snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 16)")
# `quotes_fts MATCH :match`, for statements that read from the FTS5 table itself (the search's
# `match` parameter). Walking the index in rowid order stops after a page's worth of matches;
# `quotes.id IN (SELECT rowid ... MATCH ...)` first collected every match (27k for a common
# word) and re-ran the MATCH once per row for its snippet.
FTS5_MATCHES = text("quotes_fts MATCH :match")


# PostgreSQL -------------------------------------------------------------------------------


def _tsquery(t: Term, name: str) -> Expr:
    """One term's tsquery, its words taken from the parameters `name`, `name_1`, ...
    (`_term_values` gives them in the same order)."""
    if t.prefix:
        # Prefix terms are single \w+ words (see _term), safe inside to_tsquery; 'simple'
        # keeps them unstemmed, to meet the stems the english configuration indexed.
        forms = range(1 + len(stem_prefixes(t.words[0])))
        query = balanced(
            func.tsquery_or, [func.to_tsquery("simple", _word(f"{name}_{i}")) for i in forms]
        )
    elif t.phrase:
        query = func.phraseto_tsquery("english", _word(name))
    else:
        query = func.plainto_tsquery("english", _word(name))
    return func.tsquery_not(query) if t.negated else query


def _word(name: str) -> Expr:
    return slot(name, String)


def _term_values(t: Term, name: str) -> dict[str, str]:
    if t.prefix:
        forms = [t.words[0] + ":*", *stem_prefixes(t.words[0])]
        return {f"{name}_{i}": form for i, form in enumerate(forms)}
    return {name: " ".join(t.words)}


def _term_shape(t: Term) -> tuple[bool, int, bool, bool]:
    """What a term's SQL depends on: never its words, only how many forms a prefix has."""
    forms = 1 + len(stem_prefixes(t.words[0])) if t.prefix else 1
    return (t.phrase, forms if t.prefix else 0, t.prefix, t.negated)


def postgres_tsquery(groups: Sequence[Sequence[Term]]) -> Expr:
    """tsquery_and/or/not are the functions behind PostgreSQL's &&, || and !! on tsquery.
    Term j of group i takes its words from the parameters `w{i}_{j}...`."""
    parts = [
        balanced(func.tsquery_and, [_tsquery(t, f"w{i}_{j}") for j, t in enumerate(group)])
        for i, group in enumerate(groups)
    ]
    return balanced(func.tsquery_or, parts)


def postgres_words(groups: Sequence[Sequence[Term]]) -> dict[str, str]:
    """The values of `postgres_tsquery`'s parameters."""
    values: dict[str, str] = {}
    for i, group in enumerate(groups):
        for j, t in enumerate(group):
            values.update(_term_values(t, f"w{i}_{j}"))
    return values


_HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10"


def is_one_word(groups: list[list[Term]]) -> bool:
    """`sanctions`: no phrase, prefix, exclusion, OR or second word."""
    if len(groups) != 1 or len(groups[0]) != 1:
        return False
    term = groups[0][0]
    return len(term.words) == 1 and not (term.phrase or term.prefix or term.negated)


def postgres_search(q: str) -> Search:
    groups = parse_query(q)
    shape = ("tsquery", tuple(tuple(_term_shape(t) for t in group) for group in groups))
    words = postgres_words(groups)

    def snippets(session: Session, quote_ids: Sequence[int]) -> dict[int, str]:
        if not quote_ids:
            return {}
        headlines = shaped(("headlines", shape), lambda: _headlines(groups))
        rows = session.connection().execute(headlines, {**words, "ids": list(quote_ids)})
        return {row[0]: row[1] for row in rows}

    return Search(
        shape,
        words,
        lambda: _TS_VECTOR.op("@@")(postgres_tsquery(groups)),
        lambda: cast(func.ts_rank_cd(_TS_VECTOR, postgres_tsquery(groups)), Double),
        snippets,
        one_word=is_one_word(groups),
        headline=lambda: _headline(groups),
    )


# The stored to_tsvector('english', text) (migration 0003): checking a row costs a read, not
# a to_tsvector call, when the planner walks quotes in id order. The rank is cast float4 ->
# float8: a real read back as text would not round-trip through a cursor.
_TS_VECTOR = literal_column("quotes.quotes_fts_vector", type_=TSVECTOR)


def _headline(groups: Sequence[Sequence[Term]]) -> Expr:
    return func.ts_headline("english", Quote.text, postgres_tsquery(groups), _HEADLINE_OPTIONS)


def _headlines(groups: Sequence[Sequence[Term]]) -> Select[Any]:
    return select(Quote.id, _headline(groups)).where(Quote.id.in_(slots("ids")))
