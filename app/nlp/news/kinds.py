"""What a pair of quotation marks holds: a direct quote, a partial quote, or no quote at all.

Direct: a whole quoted sentence or more ('“Q,” he said', 'X said: “Q.”'). Partial: a fragment
inside reported speech ('He said it was “highly dubious” that ...'). Not a quote: scare
quotes, titles of films and books, nicknames ('Dwayne "The Rock" Johnson').
"""

from __future__ import annotations

import re

from app.nlp.news.lexicon import words
from app.nlp.news.quotemarks import QuoteSpan

# Words before a quoted title or label: 'the film "The Post"', 'the so-called "Islamic State"'.
_NAMING = re.compile(
    r"\b(?:so-called|dubbed|nicknamed|known\s+as|titled|entitled|named|called|film|movie|"
    r"book|novel|memoir|song|album|single|series|show|sitcom|documentary|play|poem|opera|"
    r"musical|painting|magazine|newspaper|column|programme|program|podcast|exhibition|"
    r"operation|hashtag|slogan|motto|campaign|article|headline|website|app|game|brand|"
    r"label|term|word|phrase|codenamed|code-named)\s*[,:]?\s*(?:(?:the|a|an|his|her|their)\s+)?$",
    re.IGNORECASE,
)
# 'what he called “the oligarchs ...”', 'Kerry called it “a disgrace”': a speaker names the
# words as their own, so 'called' here frames speech, it does not title a thing.
_SPEAKER_CALLED = re.compile(
    r"\b(?:what\s+(?:he|she|they|it|[A-Z][\w’'-]+)|he|she|they|it|[A-Z][\w’'-]+)"
    r"(?:\s+(?:had|has|have|once|also|then|later))?\s+(?:called|dubbed|termed)"
    r"(?:\s+(?:it|them|him|her|this|that))?\s*$"
)
_END_PUNCT = tuple(",.!?…:;—–-")
_SMALL = words("a an the of and or in on at to for with by from vs")


def content_text(text: str, span: QuoteSpan) -> str:
    return " ".join(text[start:end] for start, end in span.parts)


def is_title_like(words: str) -> bool:
    """'The Post', 'Game of Thrones': every main word capitalised, short, no final stop."""
    tokens = words.split()
    if not tokens or len(tokens) > 8 or words.endswith(_END_PUNCT):
        return False
    main = [t for t in tokens if t.casefold() not in _SMALL or t is tokens[0]]
    return len(main) >= 2 and all(t[:1].isupper() or t[:1].isdigit() for t in main)


def is_nickname(text: str, span: QuoteSpan) -> bool:
    """Between a first name and a surname: 'Dwayne "The Rock" Johnson'."""
    before = text[max(0, span.open_at - 30) : span.open_at].rstrip().split()
    after = text[span.close_at + 1 : span.close_at + 30].lstrip().split()
    return bool(
        before
        and after
        and before[-1][:1].isupper()
        and after[0][:1].isupper()
        and before[-1][-1:].isalpha()
    )


def is_named_thing(text: str, span: QuoteSpan, block_start: int) -> bool:
    """A title or label, not someone's words: after 'film', 'so-called', or in Title Case."""
    content = content_text(text, span)
    window = text[max(block_start, span.open_at - 40) : span.open_at]
    if _NAMING.search(window) and not _SPEAKER_CALLED.search(window):
        return True
    return is_nickname(text, span) or (is_title_like(content) and len(content.split()) <= 6)


def starts_like_sentence(content: str) -> bool:
    """'We are ...', '... we', '2015 was': a capital, digit or ellipsis begins it."""
    first = content.lstrip("(‘'“\"[")[:1]
    return first.isupper() or first.isdigit() or first in "….—–-"


def ends_like_sentence(content: str) -> bool:
    return content.rstrip("‘’'“”\")]").endswith(_END_PUNCT)


def is_direct(content: str, pre: str, post: str, has_cue_after: bool, intro: bool) -> bool:
    """Direct when the marks hold a sentence standing on its own in the paragraph.

    pre/post: the sentence text before the opening and after the closing mark.
    """
    pre = pre.strip()
    post_rest = post.strip().strip(".!?…)]").strip()
    at_start = pre in {"", "(", "—", "–", "-", "["}
    if at_start:
        return ends_like_sentence(content) or has_cue_after or not post_rest
    if not starts_like_sentence(content):
        return False
    if intro:
        return True
    return pre.endswith((",", ";", "—", "–")) and has_cue_after and ends_like_sentence(content)
