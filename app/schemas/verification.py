"""Verification: a news quote held against the transcript of what was said."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.schemas.common import Out, example_config
from app.schemas.refs import DocumentRef

VerificationStatus = Literal["verbatim", "edited", "altered", "unmatched", "no_source"]
STATUS_HELP = (
    "`verbatim`: the words appear in the transcript as printed (case, quote marks, spacing and "
    "edge punctuation aside); `edited`: every change is signposted (an ellipsis, [brackets], a "
    "sentence begun part-way); `altered`: words changed, added, dropped or reordered without a "
    "signpost; `unmatched`: a transcript of the event exists but holds no passage close "
    "enough; `no_source`: no transcript of the event or speaker is in the archive."
)

DIFF_EXAMPLE = [
    {
        "op": "equal",
        "news": "We are considering additional sanctions and we are also",
        "source": "We are considering additional sanctions and we are also",
        "news_start": 0,
        "news_end": 55,
        "source_start": 12010,
        "source_end": 12065,
        "signpost": None,
        "problem": None,
    },
    {
        "op": "replaced",
        "news": "making",
        "source": "let me make it",
        "news_start": 56,
        "news_end": 62,
        "source_start": 12068,
        "source_end": 12082,
        "signpost": None,
        "problem": None,
    },
]
SUMMARY_EXAMPLE = {"status": "altered", "score": 87.7, "source_quote_id": 9}


class DiffRun(Out):
    """One run of the word-level diff: the words as printed and as spoken."""

    model_config = example_config(DIFF_EXAMPLE[1])

    op: Literal["equal", "inserted", "deleted", "replaced"] = Field(
        description="`inserted`: news words not in the source; `deleted`: source words the "
        "news left out; `replaced`: one for the other."
    )
    news: str = Field(description="The words as printed ('' for a deletion).")
    source: str = Field(description="The words as spoken ('' for an insertion).")
    news_start: int = Field(description="Offset into the quote's `text`.")
    news_end: int
    source_start: int = Field(description="Offset into the source document's text.")
    source_end: int
    signpost: str | None = Field(
        description="What excuses the change: ellipsis, brackets, break, sentence begun mid-way."
    )
    problem: str | None = Field(
        description="What no signpost excuses: negation left out, number changed, ..."
    )


class VerificationSummary(Out):
    """The verdict on a news quote, as carried by every item of a list."""

    model_config = example_config(SUMMARY_EXAMPLE)

    status: VerificationStatus = Field(description=STATUS_HELP)
    score: float | None = Field(description="Word-level similarity to the source, 0-100.")
    source_quote_id: int | None = Field(description="The transcript turn the words come from.")


class Verification(VerificationSummary):
    """The verdict with its evidence: where in the transcript, and what differs."""

    model_config = example_config(
        {
            **SUMMARY_EXAMPLE,
            "source_document": {"id": 1, "title": "Joint Statement", "source_name": "000.txt"},
            "source_start": 12010,
            "source_end": 12167,
            "source_text": "We are considering additional sanctions and we are also – let me "
            "make it clear, President Obama has not taken any options off the table at this "
            "point in time",
            "diff": DIFF_EXAMPLE,
        }
    )

    source_document: DocumentRef | None
    source_start: int | None = Field(description="Offset of the passage in the source document.")
    source_end: int | None
    source_text: str | None = Field(description="The passage as spoken.")
    diff: list[DiffRun] = Field(description="Word-level runs covering the whole quote, in order.")


class StatusCounts(Out):
    model_config = example_config(
        {"verbatim": 3, "edited": 0, "altered": 4, "unmatched": 0, "no_source": 2}
    )

    verbatim: int = 0
    edited: int = 0
    altered: int = 0
    unmatched: int = 0
    no_source: int = 0


class VerifiedQuote(Out):
    model_config = example_config(
        {"quote_id": 46, "text": "We are considering additional sanctions…", **SUMMARY_EXAMPLE}
    )

    quote_id: int
    text: str
    status: VerificationStatus
    score: float | None
    source_quote_id: int | None


class DocumentVerification(Out):
    """How faithfully a news article quotes its sources."""

    model_config = example_config(
        {
            "document": {
                "id": 3,
                "title": "Syria: US, Britain discuss more sanctions",
                "source_name": "002.txt",
            },
            "checked": 9,
            "counts": {"verbatim": 3, "edited": 0, "altered": 4, "unmatched": 0, "no_source": 2},
            "quotes": [
                {
                    "quote_id": 46,
                    "text": "We are considering additional sanctions…",
                    **SUMMARY_EXAMPLE,
                }
            ],
        }
    )

    document: DocumentRef
    checked: int = Field(description="Direct and partial quotes held to a source.")
    counts: StatusCounts
    quotes: list[VerifiedQuote] = Field(description="Each checked quote, in document order.")
