"""An inverted index over the words a speaker said: where a news quote could have come from.

Built once per batch of candidate passages (the speaker's turns at an event) and shared by
every quote checked against them, so an article of twenty quotes reads the transcript once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from app.nlp.verify.text import Word, source_words
from app.nlp.verify.words import STOPWORDS


@dataclass(frozen=True)
class SourcePassage:
    """One unit of a transcript (a turn), identified by the caller's key."""

    key: Hashable
    text: str
    words: tuple[Word, ...]


@dataclass
class SourceIndex:
    """Passages plus word -> [(passage number, word position)] for anchor look-ups."""

    passages: list[SourcePassage] = field(default_factory=list)
    positions: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, items: Iterable[tuple[Hashable, str]]) -> SourceIndex:
        index = cls()
        for key, text in items:
            index.add(key, text)
        return index

    def add(self, key: Hashable, text: str) -> None:
        number = len(self.passages)
        words = tuple(source_words(text))
        self.passages.append(SourcePassage(key=key, text=text, words=words))
        for position, word in enumerate(words):
            self.positions[word.norm].append((number, position))

    def frequency(self, norm: str) -> int:
        return len(self.positions.get(norm, ()))

    def anchors(self, norms: list[str], limit: int) -> list[int]:
        """Positions (within `norms`) of the rarest words that occur in the source.

        Content words first: "Grozny" places a quote, "the" does not. Function words are a
        fallback for quotes made only of them ("it is what it is").
        """
        present = [i for i, norm in enumerate(norms) if self.frequency(norm)]
        ranked = sorted(present, key=lambda i: (norms[i] in STOPWORDS, self.frequency(norms[i]), i))
        return ranked[:limit]
