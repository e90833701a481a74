"""Score the news extractor on an annotated set: are the quotes found, and who said them?

The set (`benchmarks/data/news_annotated.txt`) is made-up articles in US political and
Reuters/BBC styles with every quote marked in place as {{speaker|kind|words}}. A found quote
matches a marked one when their spans overlap by at least half of the shorter one (indirect
speech may be marked as the content clause or the whole sentence); each marked quote
matches at most one found quote.

Reported: extraction precision, recall and F1; of the matched quotes, how many carry the
right speaker, a wrong one, or none; and end-to-end F1 (a found quote counts only with
the right speaker). For a marked quote whose speaker is '-' (the article names no one),
'right' means the extractor named no one.

Run: .venv/bin/python benchmarks/news_attribution.py [--show] [--data PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.nlp.news import NewsQuote, parse_news  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "news_annotated.txt"
_MARK = re.compile(
    r"\{\{(?P<speaker>[^|{}]+)\|(?P<kind>direct|partial|indirect)\|(?P<words>.+?)\}\}"
)


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    kind: str
    speakers: tuple[str, ...]  # accepted names; () when the article names no one
    words: str


@dataclass(frozen=True)
class Article:
    name: str
    style: str
    text: str
    gold: tuple[Gold, ...]


def _unmark(raw: str) -> tuple[str, list[Gold]]:
    """The article without its marks, and the marked quotes with offsets into it."""
    pieces: list[str] = []
    gold: list[Gold] = []
    cursor = length = 0
    for match in _MARK.finditer(raw):
        before = raw[cursor : match.start()]
        pieces.append(before)
        length += len(before)
        words = match.group("words")
        speaker = match.group("speaker").strip()
        speakers = () if speaker == "-" else tuple(s.strip() for s in speaker.split("/"))
        gold.append(Gold(length, length + len(words), match.group("kind"), speakers, words))
        pieces.append(words)
        length += len(words)
        cursor = match.end()
    pieces.append(raw[cursor:])
    return "".join(pieces), gold


def load(path: Path) -> list[Article]:
    """Articles of the annotated file; '#' lines before the first article are comments."""
    articles: list[Article] = []
    header: list[str] | None = None
    lines: list[str] = []

    def close() -> None:
        if header is not None:
            text, gold = _unmark("\n".join(lines).strip() + "\n")
            articles.append(Article(header[0], header[1], text, tuple(gold)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            close()
            header, lines = line[4:].split(), []
        elif header is not None:
            lines.append(line)
    close()
    return articles


def _norm(name: str) -> str:
    """'The Times' = 'times'; 'Russia's foreign ministry' = 'foreign ministry'; 'Jr.' goes."""
    name = name.casefold().replace("’", "'")
    name = re.sub(r"^(?:the\s+|\S+'s\s+)+", "", name)
    name = re.sub(r",?\s+(?:jr|sr|ii|iii)\.?$", "", name)
    return " ".join(name.split())


def _overlap(quote: NewsQuote, gold: Gold) -> bool:
    shared = min(quote.end, gold.end) - max(quote.start, gold.start)
    shorter = min(quote.end - quote.start, gold.end - gold.start)
    return shorter > 0 and shared * 2 >= shorter


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    matched: int = 0
    right: int = 0
    wrong: int = 0
    none: int = 0
    kind_right: int = 0

    def add(self, other: Score) -> None:
        for field in vars(self):
            setattr(self, field, getattr(self, field) + getattr(other, field))


# (gold kind, outcome) -> count, outcome in found | right
BY_KIND: Counter[tuple[str, str]] = Counter()


def score(article: Article, show: bool) -> Score:
    quotes = list(parse_news(article.text).quotes)
    result = Score(found=len(quotes), gold=len(article.gold))
    unused = list(range(len(quotes)))
    for gold in article.gold:
        BY_KIND[gold.kind, "gold"] += 1
        index = next((i for i in unused if _overlap(quotes[i], gold)), None)
        if index is None:
            if show:
                print(f"  MISSED {article.name}: {gold.kind} {gold.words[:70]!r}")
            continue
        unused.remove(index)
        quote = quotes[index]
        result.matched += 1
        result.kind_right += quote.kind == gold.kind
        wanted = {_norm(s) for s in gold.speakers}
        if quote.speaker is None:
            verdict = "right" if not wanted else "none"
        elif _norm(quote.speaker) in wanted:
            verdict = "right"
        else:
            verdict = "wrong"
        setattr(result, verdict, getattr(result, verdict) + 1)
        BY_KIND[gold.kind, "found"] += 1
        BY_KIND[gold.kind, verdict] += 1
        if show and verdict != "right":
            print(
                f"  {verdict.upper():6} {article.name}: {gold.words[:60]!r} -> {quote.speaker!r}"
                f" (wanted {' / '.join(gold.speakers) or 'no one'};"
                f" label {quote.attribution.label!r}, {quote.attribution.method})"
            )
    if show:
        for i in unused:
            print(f"  EXTRA  {article.name}: {quotes[i].kind} {quotes[i].text[:70]!r}")
    return result


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(label: str, total: Score) -> None:
    precision = total.matched / total.found if total.found else 0.0
    recall = total.matched / total.gold if total.gold else 0.0
    right_precision = total.right / total.found if total.found else 0.0
    right_recall = total.right / total.gold if total.gold else 0.0
    matched = total.matched or 1
    print(
        f"{label:<12} quotes {total.gold:>3}  found {total.found:>3}  "
        f"P {100 * precision:5.1f}  R {100 * recall:5.1f}  F1 {100 * _f1(precision, recall):5.1f}"
        f"  | right {100 * total.right / matched:5.1f}%  wrong {100 * total.wrong / matched:4.1f}%"
        f" ({total.wrong})  none {100 * total.none / matched:4.1f}%"
        f"  | end-to-end F1 {100 * _f1(right_precision, right_recall):5.1f}"
        f"  kind {100 * total.kind_right / matched:5.1f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print every miss and mistake")
    args = parser.parse_args()
    articles = load(args.data)
    by_style: dict[str, Score] = {}
    total = Score()
    for article in articles:
        result = score(article, args.show)
        by_style.setdefault(article.style, Score()).add(result)
        total.add(result)
    print(f"{len(articles)} articles from {args.data.name}")
    for style, result in sorted(by_style.items()):
        report(style, result)
    report("all", total)
    for kind in ("direct", "partial", "indirect"):
        gold = BY_KIND[kind, "gold"] or 1
        found = 100 * BY_KIND[kind, "found"] / gold
        print(
            f"{kind:<12} marked {BY_KIND[kind, 'gold']:>3}  found {found:5.1f}%"
            f"  with the right speaker {100 * BY_KIND[kind, 'right'] / gold:5.1f}%"
            f"  wrong {BY_KIND[kind, 'wrong']}"
        )


if __name__ == "__main__":
    main()
