"""Full-text queries stay small: bounded in size, and built as balanced expression trees.

A `q` of 1,400 words was a chain of 1,400 nested `tsquery_and` calls: compiling it recursed
past Python's limit, and on PostgreSQL a longer one crashed the server.
"""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql

from app.errors import BadQuery
from app.services.fulltext import MAX_TERMS, Term, parse_query, postgres_tsquery


def test_thousands_of_terms_compile_as_a_shallow_tree() -> None:
    """Past the parser's bound on purpose (1,400 terms broke): no nesting per term."""
    groups = [[Term((f"word{i}",), prefix=i % 3 == 0) for i in range(2000)]]
    sql = str(postgres_tsquery(groups).compile(dialect=postgresql.dialect()))
    assert sql.count("tsquery_and") == 1999
    depth, deepest = 0, 0
    for char in sql:
        depth += char == "("
        depth -= char == ")"
        deepest = max(deepest, depth)
    assert deepest < 40  # log2(2000) levels of calls, a few parentheses each


@pytest.mark.parametrize(
    "q",
    [
        " ".join(f"w{i}" for i in range(MAX_TERMS + 1)),
        " OR ".join(f"w{i}" for i in range(MAX_TERMS + 1)),
        "-a " * MAX_TERMS + "b",
        "x" * 1001,
    ],
    ids=["and", "or", "not", "chars"],
)
def test_a_query_past_the_bounds_is_refused_for_q(q: str) -> None:
    with pytest.raises(BadQuery) as raised:
        parse_query(q)
    assert raised.value.errors and raised.value.errors[0]["parameter"] == "q"


def test_a_query_at_the_bounds_is_accepted() -> None:
    groups = parse_query(" OR ".join(f"w{i}*" for i in range(MAX_TERMS)))
    assert sum(len(group) for group in groups) == MAX_TERMS
