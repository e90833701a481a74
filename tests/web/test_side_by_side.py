"""The side-by-side page's cutting of both texts at the diff runs, on a passage of our own:
an ellipsis that hides a reversal of meaning is marked as left out, with its problem named."""

from __future__ import annotations

from app.schemas import DiffRun
from app.web.verification import Change, pieces

SPOKEN = "Today I will not rule out that we support it, he said."
BASE = 1000  # the passage's offset in its transcript
NEWS = "I will not … support it"


def _run(op: str, news: tuple[int, int], source: tuple[int, int], **why: str | None) -> DiffRun:
    return DiffRun(
        op=op,  # type: ignore[arg-type]
        news=NEWS[news[0] : news[1]],
        source=SPOKEN[source[0] - BASE : source[1] - BASE] if source[0] >= BASE else "",
        news_start=news[0],
        news_end=news[1],
        source_start=source[0],
        source_end=source[1],
        signpost=why.get("signpost"),
        problem=why.get("problem"),
    )


def test_an_ellipsis_hiding_a_reversal_is_marked_on_both_sides() -> None:
    cut = _run(
        "deleted",
        (12, 12),
        (BASE + 17, BASE + 33),
        signpost="ellipsis",
        problem="negation left out",
    )
    assert cut.source == "rule out that we"
    changes = [Change(1, cut)]
    source = pieces(SPOKEN, BASE, changes, "source")
    assert [(p.text, p.change is not None) for p in source] == [
        ("Today I will not ", False),
        ("rule out that we", True),
        (" support it, he said.", False),
    ]
    news = pieces(NEWS, 0, changes, "news")
    assert [(p.text, p.change is not None) for p in news] == [
        ("I will not …", False),
        ("", True),  # the place the words were left out
        (" support it", False),
    ]
    assert not changes[0].signposted
    assert changes[0].css == "diff-deleted unsignposted"
    assert changes[0].words == (
        "left out of the news, not signposted despite the ellipsis: negation left out"
    )


def test_a_harmless_cut_at_an_ellipsis_is_signposted() -> None:
    change = Change(2, _run("deleted", (12, 12), (BASE + 17, BASE + 33), signpost="ellipsis"))
    assert change.signposted and change.css == "diff-deleted signposted"
    assert change.words == "left out of the news, signposted (ellipsis)"


def test_a_run_outside_the_passage_leaves_the_words_plain() -> None:
    stray = Change(1, _run("replaced", (0, 1), (BASE + 500, BASE + 510)))
    assert pieces(SPOKEN, BASE, [stray], "source") == pieces(SPOKEN, BASE, [], "source")
