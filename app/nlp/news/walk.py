"""Walk an article sentence by sentence, finding quotes and reported speech with speakers.

The walk is in document order because a pronoun ('he added') points at the subject most
recently named before it, and each speaker found becomes that latest subject.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from app.nlp.news import cues
from app.nlp.news.cues import Cue
from app.nlp.news.indirect import elsewhere_near, find_reported
from app.nlp.news.kinds import content_text, is_direct, is_named_thing
from app.nlp.news.layout import Layout
from app.nlp.news.lexicon import ANONYMOUS_RE
from app.nlp.news.people import Cast
from app.nlp.news.quotemarks import QuoteIndex, QuoteSpan
from app.nlp.news.referents import Referents, Speaker
from app.nlp.news.text import Block

# 'John Kerry: US will 'have to negotiate' ...' -- a headline that names its speaker first.
_HEADLINE_SPEAKER = re.compile(r"(?P<subj>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s")
# What may sit between 'Osei said' and the resumed quote: ', ' or ', on Sunday, '.
_RESUME_GAP = re.compile(r"(?:\s+[\w’'-]+){0,4}\s*,\s*")
# What may follow a quote that fills its paragraph: '“Q.”', '“Q,” .'
_CLOSING_PUNCT = re.compile(r"[ .,;!?)]*")
_CONFIDENCE = {
    "named": 0.95,
    "pronoun": 0.75,
    "descriptor": 0.8,
    "according_to": 0.85,
    "headline": 0.85,
    "continuation": 0.7,
    "anonymous": 0.6,
    "office": 0.6,
}


@dataclass(frozen=True)
class Found:
    """One quote or reported statement before it becomes a public NewsQuote."""

    parts: tuple[tuple[int, int], ...]
    kind: str
    cue: Cue | None
    speaker: Speaker | None
    method: str
    confidence: float
    elsewhere: bool
    first_paragraph: int
    last_paragraph: int
    whole_paragraph: bool
    office: tuple[str, str] | None = None  # a descriptor's office when no one holds it here


@dataclass(frozen=True)
class Sentence:
    block: Block
    paragraph: int


class Walker:
    """Holds one article's state while its sentences are read in order."""

    def __init__(
        self,
        text: str,
        blocks: list[Block],
        sentences: list[Sentence],
        spans: list[QuoteSpan],
        cast: Cast,
        page: Layout | None = None,
    ) -> None:
        self.text, self.blocks, self.sentences, self.spans = text, blocks, sentences, spans
        self.quoted = QuoteIndex(spans)
        furniture = sorted(page.furniture) if page else []
        self.headline = page.headline if page else 0
        hidden = [(blocks[i].start, blocks[i].end) for i in furniture]
        self._starts = [s.block.start for s in sentences]
        self.referents = Referents(
            text,
            cast,
            _hiding(self.quoted, hidden),
            [(s.block.start, s.block.end) for s in sentences],
        )
        self._elsewhere_by: dict[str, int] = {}
        self.found: list[Found] = []

    def _sentence_at(self, position: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self._starts, position) - 1)]

    def run(self) -> list[Found]:
        by_sentence: dict[int, list[QuoteSpan]] = {}
        for span in self.spans:
            index = max(0, bisect.bisect_right(self._starts, span.open_at) - 1)
            by_sentence.setdefault(index, []).append(span)
        for index, sentence in enumerate(self.sentences):
            here = by_sentence.get(index, [])
            accepted = [self._quote(span, sentence) for span in here]
            block = sentence.block
            if here and not any(accepted) and not self.quoted(block.start):
                self._reported(sentence)  # its marks held only a title or a scare quote
            elif not (here or self.quoted(block.start) or self.quoted.any_between(*_span(block))):
                self._reported(sentence)
        return _inherit(self.found)

    # --- quotes --------------------------------------------------------------------------
    def _quote(self, span: QuoteSpan, sentence: Sentence) -> bool:
        """Classify and attribute one quote; False when the marks hold no one's words."""
        text = self.text
        content = content_text(text, span)
        if not content.strip():
            return False
        resumed = self._resumed(span, sentence)
        if resumed is not None:
            self._record(span, "direct", resumed.cue, resumed.speaker, sentence.paragraph)
            return True
        closing = self._sentence_at(span.close_at) if span.closed else sentence
        # Only REACH characters on each side are read: a cue stands near its quote, and a
        # 1 MB sentence full of quotes must not be re-read per quote.
        pre_start, pre_end = max(sentence.block.start, span.open_at - cues.REACH), span.open_at
        post_start, post_end = span.close_at + 1, max(span.close_at + 1, closing.block.end)
        after = cues.after(text, post_start, post_end) if span.closed else None
        intro = cues.is_intro(text, pre_start, pre_end)
        pre, post = (
            text[pre_start:pre_end],
            text[post_start : min(post_end, post_start + cues.REACH)],
        )
        headline = self._headline_cue(sentence)
        if is_direct(content, pre, post, after is not None, intro):
            if not pre.strip() and not after and is_named_thing(text, span, pre_start):
                return False
            candidates: list[Cue | None] = [after] if after else []
            if intro or not after:
                nearest: list[Cue | None] = list(cues.before(text, pre_start, pre_end, self.quoted))
                if not nearest and pre.rstrip().endswith(":"):
                    # 'Reyes shrugged it off with a joke: “Q”'
                    nearest = [cues.lead(text, sentence.block.start, pre_end)]
                candidates += nearest
            candidates += [cues.according(text, post_start, post_end), headline]
            if not pre.strip() and after is None:
                candidates.append(self._colon_intro(span))
            kind = "direct"
        else:
            if is_named_thing(text, span, self.blocks[sentence.paragraph].start):
                return False
            lazy = itertools.chain(
                cues.iter_before(text, pre_start, pre_end, self.quoted),
                (after, cues.tail(text, post_start, post_end)),
                (cues.according(text, post_start, post_end), headline),
            )
            cue, speaker, seen = self._choose(lazy)
            if not seen and not cues.verbs_before(text, pre_start, pre_end, self.quoted):
                return False  # a scare quote: no one is reported as saying it
            self._record(span, "partial", cue, speaker, sentence.paragraph)
            return True
        cue, speaker, _ = self._choose(iter(candidates))
        self._record(span, kind, cue, speaker, sentence.paragraph)
        return True

    def _resumed(self, span: QuoteSpan, sentence: Sentence) -> Found | None:
        """'“The problem,” Osei said, “is that nobody listens.”': the second half goes on
        with the first half's sentence and speaker."""
        if not self.found:
            return None
        last = self.found[-1]
        if last.kind != "direct" or last.cue is None or last.cue.how != "after":
            return None
        if not sentence.block.start <= last.parts[-1][1] < span.open_at:
            return None
        between = self.text[last.cue.verb_end : span.open_at]
        return last if _RESUME_GAP.fullmatch(between) else None

    def _colon_intro(self, span: QuoteSpan) -> Cue | None:
        """'He told Reuters:⏎“The regime is trying ...”': a paragraph that ends with a colon
        introduces the quote that opens the next one; its speaker is the quote's."""
        index = span.first_paragraph - 1
        if index < 0 or span.open_at != self.blocks[span.first_paragraph].start:
            return None
        block = self.blocks[index]
        if self.text[block.end - 1] != ":" or self.quoted(block.end - 1):
            return None
        sentence = self._sentence_at(block.end - 1)
        if sentence.paragraph != index:
            return None
        found = cues.before(self.text, sentence.block.start, block.end - 1, self.quoted)
        return found[0] if found else None

    def _headline_cue(self, sentence: Sentence) -> Cue | None:
        if self.headline is None or sentence.paragraph != self.headline:
            return None
        headline = self.blocks[self.headline]
        match = _HEADLINE_SPEAKER.match(self.text, headline.start, headline.end)
        if not match or not cues.is_subject(match.group("subj")):
            return None
        return Cue(*match.span("subj"), *match.span("subj"), "headline")

    def _choose(self, candidates: Iterator[Cue | None]) -> tuple[Cue | None, Speaker | None, bool]:
        """The nearest cue whose words are not a reporting outlet; its speaker or None; and
        whether any cue was seen at all (an outlet's included)."""
        seen = False
        for cue in candidates:
            if cue is None:
                continue
            seen = True
            label = self.text[cue.label_start : cue.label_end]
            if self.referents.is_outlet(label):
                continue
            return cue, self.referents.referent(cue.label_start, cue.label_end), True
        return None, None, seen

    def _record(
        self,
        span: QuoteSpan,
        kind: str,
        cue: Cue | None,
        speaker: Speaker | None,
        paragraph: int,
    ) -> None:
        elsewhere = bool(cue and cue.how in {"before", "after"} and elsewhere_near(self.text, cue))
        if speaker and not elsewhere and cue and cue.how != "headline":
            elsewhere = self._elsewhere_by.get(speaker.name or "") == paragraph - 1
        if speaker:
            self.referents.note(speaker.start, speaker)
        method, confidence = _method(cue, speaker)
        office = None
        if speaker is None and cue is not None and _anonymous(self.text, cue):
            method, confidence = "anonymous", _CONFIDENCE["anonymous"]
        elif speaker is None and cue is not None and cue.how in {"before", "after"}:
            office = self.referents.office(cue.label_start, cue.label_end)
            if office:
                method, confidence = "descriptor", _CONFIDENCE["office"]
        last = self.blocks[span.last_paragraph]
        trailing = _CLOSING_PUNCT.match(self.text, span.close_at + 1, last.end)
        whole = (
            span.open_at == self.blocks[span.first_paragraph].start
            and trailing is not None
            and trailing.end() >= last.end
        )
        self.found.append(
            Found(
                span.parts,
                kind,
                cue,
                speaker,
                method,
                confidence,
                elsewhere,
                span.first_paragraph,
                span.last_paragraph,
                whole,
                office,
            )
        )

    # --- reported speech -----------------------------------------------------------------
    def _reported(self, sentence: Sentence) -> None:
        reported = find_reported(self.text, sentence.block)
        if reported is None:
            return
        label = self.text[reported.cue.label_start : reported.cue.label_end]
        if self.referents.is_outlet(label):
            return
        speaker = self.referents.referent(reported.cue.label_start, reported.cue.label_end)
        if speaker is None or speaker.name is None:
            return
        self.referents.note(speaker.start, speaker)
        if reported.elsewhere:
            self._elsewhere_by[speaker.name] = sentence.paragraph
        method, confidence = _method(reported.cue, speaker)
        end = reported.end
        self.found.append(
            Found(
                ((reported.start, end),),
                "indirect",
                reported.cue,
                speaker,
                method,
                confidence * 0.9,
                reported.elsewhere,
                sentence.paragraph,
                sentence.paragraph,
                False,
            )
        )


def _hiding(quoted: Callable[[int], bool], hidden: list[tuple[int, int]]) -> Callable[[int], bool]:
    """`quoted`, also true inside furniture paragraphs: a name in a caption or a byline is
    never the subject a later 'he said' points at."""
    if not hidden:
        return quoted
    starts = [start for start, _ in hidden]

    def inside(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return (index >= 0 and position < hidden[index][1]) or quoted(position)

    return inside


def _span(block: Block) -> tuple[int, int]:
    return block.start, block.end


def _anonymous(text: str, cue: Cue) -> bool:
    """'one said', 'said another', 'one resident added': someone speaks, unnamed."""
    return ANONYMOUS_RE.fullmatch(text[cue.label_start : cue.label_end].strip()) is not None


def _method(cue: Cue | None, speaker: Speaker | None) -> tuple[str, float]:
    if speaker is None or cue is None:
        return "none", 0.0
    method = cue.how if cue.how in {"headline", "according_to"} else speaker.method
    return method, min(_CONFIDENCE.get(method, 0.7), speaker.confidence + 0.05)


def _inherit(found: list[Found]) -> list[Found]:
    """Unattributed direct quotes take the speaker of a neighbour in the same paragraph
    ('“Q1,” he said. “Q2.”'), or continue the previous paragraph's quote when they fill
    their paragraph ('“We can’t do anything ...”' after '“...,” he said.')."""
    result = list(found)
    for index, item in enumerate(result):
        if item.cue is not None or item.kind != "direct":
            continue
        donor = _same_paragraph_donor(result, index)
        if donor is not None:
            result[index] = replace(
                item,
                cue=donor.cue,
                speaker=donor.speaker,
                method=donor.method,
                confidence=donor.confidence,
                elsewhere=donor.elsewhere,
            )
            continue
        previous = _previous_quote(result, index)
        if item.whole_paragraph and previous is not None and previous.speaker is not None:
            result[index] = replace(
                item,
                speaker=previous.speaker,
                method="continuation",
                confidence=_CONFIDENCE["continuation"],
                elsewhere=previous.elsewhere,
            )
    return result


def _same_paragraph_donor(found: list[Found], index: int) -> Found | None:
    item = found[index]
    neighbours = [found[index - 1]] if index > 0 else []
    neighbours += [found[index + 1]] if index + 1 < len(found) else []
    for other in neighbours:
        same = other.last_paragraph == item.first_paragraph or (
            other.first_paragraph == item.last_paragraph
        )
        if same and other.kind == "direct" and other.cue is not None:
            return other
    return None


def _previous_quote(found: list[Found], index: int) -> Found | None:
    """The last quote of the paragraph right before this one, if that paragraph quoted."""
    item = found[index]
    for other in (found[i] for i in range(index - 1, -1, -1)):
        if other.last_paragraph < item.first_paragraph - 1:
            return None
        if other.last_paragraph == item.first_paragraph - 1 and other.kind != "indirect":
            return other
    return None
