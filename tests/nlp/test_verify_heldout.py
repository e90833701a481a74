"""The acceptance check: held-out transcripts and quotes made from them with known edits.

Every altered quote is found, no altered quote is called verbatim, and at least 95% of all
quotes get the status a copy desk would give them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from app.nlp.verify import verify_quote
from tests.nlp.verify_cases import Case, generated_cases, index_for, written_cases

SETS = {
    "written": written_cases,
    "second": lambda: written_cases("second/quotes.json"),
    "third": lambda: written_cases("third/quotes.json"),
    "generated": generated_cases,
}


def _outcomes(cases: list[Case]) -> Counter[tuple[str, str]]:
    return Counter(
        (
            case.expected,
            verify_quote(list(case.parts), index_for(case.transcript, case.speaker)).status,
        )
        for case in cases
    )


@pytest.mark.parametrize("name", SETS)
def test_heldout_quotes(name: str) -> None:
    cases = SETS[name]()
    outcomes = _outcomes(cases)
    assert {s for s, _ in outcomes} >= {"verbatim", "edited", "altered"}
    missed_alterations = {
        k: v for k, v in outcomes.items() if k[0] == "altered" and k[1] != "altered"
    }
    assert not missed_alterations
    assert outcomes[("altered", "verbatim")] == 0
    correct = sum(n for (expected, got), n in outcomes.items() if expected == got)
    assert correct >= 0.95 * len(cases), outcomes


def test_the_written_sets_cover_every_status_and_edit() -> None:
    cases = [
        c
        for name in ("quotes.json", "second/quotes.json", "third/quotes.json")
        for c in written_cases(name)
    ]
    assert {c.expected for c in cases} == {"verbatim", "edited", "altered", "unmatched"}
    assert len({c.edit for c in cases}) >= 15
