"""Scale benchmark: a synthetic archive of a million quotes, and the hot paths timed against it.

Why: the API has to stay fast at archive scale on both SQLite and PostgreSQL. This builds a
news-shaped database once (Zipf-skewed speakers, topics and words, so a few names dominate as
they do in real coverage), through the project's real migrations, then times the real services
and the real HTTP server. The build is skipped when the database already holds the target, so
measurements can be rerun cheaply.

    .venv/bin/python benchmarks/scale.py --output benchmarks/results/scale-sqlite.json
    .venv/bin/python benchmarks/scale.py --output benchmarks/results/scale-postgres.json \\
        --database-url postgresql://postgres@127.0.0.1:5432/otr_bench
    .venv/bin/python benchmarks/scale.py --quotes 20000 --database-url sqlite:////tmp/otr_small.db

Results and what they led to: BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import importlib.util
import itertools
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db.migrate import upgrade
from app.db.models import (
    Document,
    Event,
    EventParticipant,
    Quote,
    QuoteTopic,
    Speaker,
    SpeakerAlias,
    Topic,
    TopicAlias,
)
from app.db.session import make_engine, make_session_factory
from app.nlp.names import name_key, slugify
from app.nlp.topics import normalise_alias
from app.services.facets import quote_facets
from app.services.quotes import QuoteFilters, find_quotes
from app.settings import normalise_database_url

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "sqlite:////tmp/otr_bench.db"
BUILD_SEED = 20261123  # fixed, so every database (and every rerun) holds the same archive
BATCH = 10_000
FIRST_DAY = dt.date(2009, 1, 1)
LAST_DAY = dt.date(2020, 12, 31)
TARGETS_MS = {"speaker+topic": 20.0, "full-text": 50.0, "facets": 300.0}

# Real function words first (so PostgreSQL's stopword list and FTS5 both meet them), then
# invented content words; Zipf frequencies over the whole list.
_FUNCTION_TEXT = """
the of and to a in that is for it on was with he as i his be at by this had not are but from
or have an they which one you were her all she there would their we him been has when who will
more no if out so said what up its about into than them can only other new some could time these
two may then do first any my now such like our over man me even most made after also did many
before must through back years where much your way well down should because each just those
people how too little state good very make world still own see men work long get here between
both life being under never day same another know while last might us great old year off come
since against go came right used take three government president minister security country
"""
FUNCTION_WORDS = _FUNCTION_TEXT.split()
VOCABULARY_SIZE = 4_000
_ONSET_TEXT = "b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sh ch th pl kl"
ONSETS = _ONSET_TEXT.split()
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ia"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "nd", "st", "rt", "x"]
PUBLISHERS = [f"{w} {k}" for w in ("Daily", "Global", "Evening", "Morning", "Capital")
              for k in ("Herald", "Times", "Post", "Wire", "Ledger", "Observer")]  # fmt: skip
EVENT_KINDS = ["press briefing", "press conference", "interview", "speech", "remarks", "hearing"]
ORG_WORDS = ["Council", "Ministry", "Front", "Party", "Union", "Agency", "Alliance", "Bank"]
NEWS_KINDS = (["direct"] * 5) + (["partial"] * 2) + (["indirect"] * 3)
NEWS_METHODS = ["named", "named", "descriptor", "continuation", "pronoun"]


# ---------------------------------------------------------------------------------------------
# Shape and skew


@dataclass(frozen=True)
class Shape:
    """How big each table is: the issue's archive at 1M quotes, proportionally smaller below."""

    quotes: int
    documents: int
    speakers: int
    topics: int
    events: int

    @classmethod
    def for_quotes(cls, quotes: int) -> Shape:
        return cls(
            quotes=quotes,
            documents=max(1, quotes // 10),
            speakers=min(5_000, max(50, quotes // 200)),
            topics=min(20_000, max(200, quotes // 50)),
            events=max(1, quotes * 3 // 100),
        )


def zipf_exponent(n: int, top_share: float) -> float:
    """The exponent s for which rank 1 of n gets `top_share` of the draws (bisection)."""
    low, high = 0.01, 3.0
    for _ in range(60):
        s = (low + high) / 2
        share = 1.0 / sum(r**-s for r in range(1, n + 1))
        low, high = (s, high) if share < top_share else (low, s)
    return (low + high) / 2


def zipf_cum_weights(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(r**-s for r in range(1, n + 1)))


class Zipf:
    """Draws ranks 0..n-1 with Zipf weights, the skew of who is quoted and what about."""

    def __init__(self, rng: random.Random, n: int, top_share: float) -> None:
        self.rng = rng
        self.population = range(n)
        self.cum = zipf_cum_weights(n, zipf_exponent(n, top_share))

    def draw(self, k: int = 1) -> list[int]:
        return self.rng.choices(self.population, cum_weights=self.cum, k=k)


# ---------------------------------------------------------------------------------------------
# Words and names


def invented_words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    """Pronounceable nonsense words, unique, for content words, places and people."""
    seen: set[str] = set(FUNCTION_WORDS)
    words: list[str] = []
    while len(words) < count:
        n = rng.randint(*syllables)
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n))
        word += rng.choice(CODAS)
        if word not in seen and len(word) >= 4:
            seen.add(word)
            words.append(word)
    return words


def vocabulary() -> list[str]:
    """Function words first, then content words: rank order is frequency order."""
    rng = random.Random(BUILD_SEED + 1)
    function_words = list(dict.fromkeys(FUNCTION_WORDS))
    return function_words + invented_words(rng, VOCABULARY_SIZE - len(function_words), (2, 3))


def content_word_range() -> tuple[int, int]:
    """Ranks of 'common-ish' search words: frequent content words, never function words."""
    start = len(dict.fromkeys(FUNCTION_WORDS))
    return start, start + 300


def person_names(rng: random.Random, count: int) -> list[str]:
    firsts = [w.capitalize() for w in invented_words(rng, 400, (1, 2))]
    lasts = [w.capitalize() for w in invented_words(rng, 1_500, (2, 3))]
    names: dict[str, None] = {}
    while len(names) < count:
        names[f"{rng.choice(firsts)} {rng.choice(lasts)}"] = None
    return list(names)


# ---------------------------------------------------------------------------------------------
# Rows: each generator yields tuples in the column order of its table


@dataclass
class Archive:
    """The synthetic archive's small tables, kept in memory to derive the big ones."""

    shape: Shape
    speakers: list[tuple[Any, ...]] = field(default_factory=list)
    speaker_aliases: list[tuple[Any, ...]] = field(default_factory=list)
    topics: list[tuple[Any, ...]] = field(default_factory=list)
    topic_aliases: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    participants: list[tuple[Any, ...]] = field(default_factory=list)
    doc_casts: list[list[int]] = field(default_factory=list)
    beats: list[list[int]] = field(default_factory=list)


COLUMNS: dict[str, list[str]] = {
    "speakers": ["id", "slug", "name", "kind"],
    "speaker_aliases": ["id", "speaker_id", "alias", "alias_norm", "source"],
    "topics": ["id", "slug", "name", "kind", "speaker_id"],
    "topic_aliases": ["id", "topic_id", "alias", "alias_norm"],
    "events": ["id", "title", "kind", "date", "venue", "city", "country"],
    "event_participants": ["event_id", "speaker_id"],
    "documents": [
        "id", "sha256", "source_name", "title", "genre", "text", "published", "publisher",
        "url", "author", "event_id",
    ],
    "quotes": [
        "id", "document_id", "position", "kind", "text", "start_offset", "end_offset",
        "speaker_id", "event_id", "spoken_on", "elsewhere", "attribution_label",
        "attribution_start", "attribution_end", "attribution_method", "confidence",
        "context_start", "context_end", "replies_to_id",
    ],
    "quote_topics": ["quote_id", "topic_id", "scope"],
}  # fmt: skip


def build_speakers(archive: Archive, rng: random.Random) -> None:
    """Rank order is popularity order: speaker 1 is the most quoted."""
    alias_id = itertools.count(1)
    for sid, name in enumerate(person_names(rng, archive.shape.speakers), start=1):
        kind = "organisation" if rng.random() < 0.03 else "person"
        archive.speakers.append((sid, f"{slugify(name)}-{sid}", name, kind))
        surname = name.split()[-1]
        for alias, source in ((name, "directory"), (surname.upper(), "label")):
            archive.speaker_aliases.append((next(alias_id), sid, alias, name_key(alias), source))


def topic_name(rng: random.Random, kind: str, people: list[str], words: list[str]) -> str:
    if kind == "person":
        return people.pop()
    if kind == "place":
        return rng.choice(words).capitalize() + rng.choice(["", "", " Province", " City"])
    if kind == "organisation":
        return f"{rng.choice(words).capitalize()} {rng.choice(words).capitalize()} " + rng.choice(
            ORG_WORDS
        )
    return f"{rng.choice(words)} {rng.choice(['reform', 'crisis', 'talks', 'policy', 'deal'])}"


def topic_aliases_of(name: str, kind: str) -> list[str]:
    aliases = [name]
    if kind == "person":
        aliases.append(name.split()[-1])
    if kind == "organisation":
        aliases.append("".join(w[0] for w in name.split()).upper())
    return aliases


def build_topics(archive: Archive, rng: random.Random) -> None:
    """Topics by popularity; a tenth of person topics are also speakers (people quoted about)."""
    words = invented_words(rng, 6_000, (2, 3))
    people = person_names(rng, archive.shape.topics)
    kinds = rng.choices(
        ["person", "place", "organisation", "theme"], [3, 2, 2, 3], k=archive.shape.topics * 2
    )
    seen: set[str] = set()
    alias_id = itertools.count(1)
    tid = 0
    for kind in kinds:
        if tid == archive.shape.topics:
            break
        name = topic_name(rng, kind, people, words)
        slug = slugify(name)
        if slug in seen:
            continue
        seen.add(slug)
        tid += 1
        speaker = (
            rng.randint(1, archive.shape.speakers) if kind == "person" and tid % 10 == 0 else None
        )
        archive.topics.append((tid, slug, name, kind, speaker))
        norms = dict.fromkeys(normalise_alias(a) for a in topic_aliases_of(name, kind))
        for alias_norm in norms:
            archive.topic_aliases.append((next(alias_id), tid, alias_norm.title(), alias_norm))


def build_events(archive: Archive, rng: random.Random) -> None:
    """Events sorted by date, so documents can find the one held on (or after) their day."""
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(
        FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(archive.shape.events)
    )
    for eid, day in enumerate(days, start=1):
        kind = rng.choice(EVENT_KINDS)
        city = rng.choice(["Washington", "London", "Geneva", "Vienna", "Paris", "Moscow"])
        title = f"{kind.title()}, {city}, {day.isoformat()}"
        archive.events.append((eid, title, kind, day, None, city, None))


def build_documents(archive: Archive, rng: random.Random, speakers: Zipf) -> None:
    """Documents in date order; transcripts belong to an event, a third of news stories too."""
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(
        FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(archive.shape.documents)
    )
    event_days = [e[3] for e in archive.events]
    participants: set[tuple[int, int]] = set()
    for did, day in enumerate(days, start=1):
        genre = "transcript" if rng.random() < 0.3 else "news"
        event_id = None
        if genre == "transcript" or rng.random() < 0.33:
            index = min(bisect.bisect_left(event_days, day), len(event_days) - 1)
            event_id, day = index + 1, event_days[index]
        cast = list(dict.fromkeys(s + 1 for s in speakers.draw(rng.randint(1, 4))))
        archive.doc_casts.append(cast)
        participants.update((event_id, s) for s in cast if event_id is not None)
        title = f"Statement {did} on {day.isoformat()}"
        sha = hashlib.sha256(f"otr-bench-{did}".encode()).hexdigest()
        publisher = None if genre == "transcript" else rng.choice(PUBLISHERS)
        url = f"https://example.org/{genre}/{did}"
        archive.documents.append(
            (did, sha, f"doc-{did}.txt", title, genre, title, day, publisher, url, None, event_id)
        )
    archive.participants = sorted(participants)


def build_beats(archive: Archive, topics: Zipf) -> None:
    """Each speaker's favourite topics: real speakers keep returning to the same subjects."""
    archive.beats = [[t + 1 for t in topics.draw(8)] for _ in range(archive.shape.speakers)]


def build_archive(shape: Shape) -> tuple[Archive, random.Random, Zipf]:
    rng = random.Random(BUILD_SEED)
    archive = Archive(shape)
    speakers = Zipf(rng, shape.speakers, top_share=0.03)
    topics = Zipf(rng, shape.topics, top_share=0.04)
    build_speakers(archive, rng)
    build_topics(archive, rng)
    build_events(archive, rng)
    build_documents(archive, rng, speakers)
    build_beats(archive, topics)
    return archive, rng, topics


def quote_counts(rng: random.Random, quotes: int, documents: int) -> list[int]:
    """Quotes per document: random cut points give a skewed spread with the right total."""
    cuts = sorted(rng.sample(range(1, quotes), documents - 1)) if documents > 1 else []
    bounds = [0, *cuts, quotes]
    return [b - a for a, b in itertools.pairwise(bounds)]


class TextMaker:
    """Sentences of 15-60 words drawn with Zipf frequencies, so search behaves as on prose."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.cum = zipf_cum_weights(len(self.words), 1.0)
        self.pool: list[str] = []
        self.at = 0

    def sentence(self) -> str:
        n = self.rng.randint(15, 60)
        if self.at + n > len(self.pool):
            self.pool = self.rng.choices(self.words, cum_weights=self.cum, k=400_000)
            self.at = 0
        words = self.pool[self.at : self.at + n]
        self.at += n
        if n > 25:
            words[n // 2] += ","
        return " ".join(words).capitalize() + "."


def quote_rows(
    archive: Archive, rng: random.Random, topics: Zipf
) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """(quotes, quote_topics) batches in id order, document by document."""
    maker = TextMaker(rng)
    names = {s[0]: s[2] for s in archive.speakers}
    quotes: list[tuple[Any, ...]] = []
    links: list[tuple[Any, ...]] = []
    qid = 0
    counts = quote_counts(rng, archive.shape.quotes, archive.shape.documents)
    for doc, cast, count in zip(archive.documents, archive.doc_casts, counts, strict=True):
        question: int | None = None
        for position in range(count):
            qid += 1
            row, speaker, question = one_quote(
                rng, maker, doc, cast, names, qid, position, question
            )
            quotes.append(row)
            links.extend(topic_links(rng, topics, archive.beats, qid, speaker))
        if len(quotes) >= BATCH:
            yield quotes, links
            quotes, links = [], []
    if quotes:
        yield quotes, links


def one_quote(
    rng: random.Random,
    maker: TextMaker,
    doc: tuple[Any, ...],
    cast: list[int],
    names: dict[int, str],
    qid: int,
    position: int,
    question: int | None,
) -> tuple[tuple[Any, ...], int | None, int | None]:
    """One quote row; in transcripts, a turn after a question replies to it."""
    did, genre, day, event_id = doc[0], doc[4], doc[6], doc[10]
    text = maker.sentence()
    speaker: int | None = rng.choice(cast)
    replies_to = None
    if genre == "transcript":
        kind = "question" if rng.random() < 0.2 else "turn"
        if kind == "question":
            speaker, question = None, qid
        else:
            replies_to, question = question, None
        method, label = "label", (names[speaker].split()[-1].upper() if speaker else "QUESTION")
    else:
        kind, method = rng.choice(NEWS_KINDS), rng.choice(NEWS_METHODS)
        speaker = None if rng.random() < 0.03 else speaker
        label = names[speaker] if speaker else None
    start = position * 400
    end = start + len(text)
    spoken_on = None if rng.random() < 0.02 else day
    confidence = 1.0 if method == "label" else round(rng.uniform(0.6, 1.0), 2)
    row = (
        qid, did, position, kind, text, start, end, speaker, event_id, spoken_on, False,
        label, None, None, method, confidence, start, end, replies_to,
    )  # fmt: skip
    return row, speaker, question


def topic_links(
    rng: random.Random, topics: Zipf, beats: list[list[int]], qid: int, speaker: int | None
) -> list[tuple[Any, ...]]:
    """1-4 topics (2.6 on average), half from the speaker's beat; a fifth named only nearby."""
    wanted = rng.choices((1, 2, 3, 4), (10, 35, 40, 15))[0]
    chosen: dict[int, None] = {}
    for _ in range(wanted):
        beat = speaker is not None and rng.random() < 0.5
        chosen[rng.choice(beats[speaker - 1]) if beat and speaker else topics.draw()[0] + 1] = None
    return [(qid, t, "context" if rng.random() < 0.2 else "quote") for t in chosen]


# ---------------------------------------------------------------------------------------------
# Loading


def database_url(raw: str) -> str:
    return normalise_database_url(raw)


def ensure_postgres_database(url: str) -> None:
    """CREATE DATABASE when missing: the benchmark owns its own database."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
        )
        if not exists:
            conn.exec_driver_sql(f'CREATE DATABASE "{target.database}"')
    admin.dispose()


def build_engine(url: str) -> Engine:
    """The app's engine, plus bulk-load pragmas on SQLite (durability is not needed mid-build)."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _bulk(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.close()

    return engine


def quote_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(Quote)) or 0


def write_rows(engine: Engine, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """One transaction per batch: COPY on PostgreSQL, Core executemany on SQLite."""
    if not rows:
        return
    columns = COLUMNS[table]
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        model = TABLES[table]
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            conn.execute(insert(model), [dict(zip(columns, r, strict=True)) for r in chunk])


TABLES: dict[str, Any] = {
    "speakers": Speaker.__table__,
    "speaker_aliases": SpeakerAlias.__table__,
    "topics": Topic.__table__,
    "topic_aliases": TopicAlias.__table__,
    "events": Event.__table__,
    "event_participants": EventParticipant.__table__,
    "documents": Document.__table__,
    "quotes": Quote.__table__,
    "quote_topics": QuoteTopic.__table__,
}


def secondary_ddl(engine: Engine) -> list[tuple[str, str, str]]:
    """(kind, name, CREATE statement) of the indexes and triggers that slow a bulk load."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(
                text(
                    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
                    "('quotes', 'quote_topics') AND type IN ('index', 'trigger') "
                    "AND sql IS NOT NULL ORDER BY type"
                )
            ).all()
            return [(r[0], r[1], r[2]) for r in rows]
        rows = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename IN ('quotes', 'quote_topics') "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
            )
        ).all()
        return [("index", r[0], r[1]) for r in rows]


def drop_secondary(engine: Engine, ddl: list[tuple[str, str, str]]) -> None:
    with engine.begin() as conn:
        for kind, name, _ in ddl:
            conn.exec_driver_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')


def restore_secondary(engine: Engine, ddl: list[tuple[str, str, str]]) -> None:
    """Recreate indexes and triggers from their own DDL, then index the text once (FTS5)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET maintenance_work_mem = '1GB'")
        for _, _, sql in sorted(ddl, key=lambda d: d[0] != "index"):
            conn.exec_driver_sql(sql)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")


def pause_postgres_triggers(engine: Engine, action: str) -> None:
    """PostgreSQL keeps its triggers during the load (SQLite's are dropped with the indexes):
    the facet-count triggers would work row by row; the counts are taken once afterwards."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("quotes", "quote_topics"):
            conn.exec_driver_sql(f"ALTER TABLE {table} {action} TRIGGER USER")


def count_facets(engine: Engine) -> None:
    """Count the loaded archive into quote_facet_counts with the migration's own backfill
    (the triggers that keep it were off or dropped during the load)."""
    path = next((ROOT / "migrations" / "versions").glob("*_facet_counts.py"))
    spec = importlib.util.spec_from_file_location("facet_counts_migration", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with engine.begin() as conn:
        migration.backfill(conn)


def analyze(engine: Engine) -> None:
    """Fresh planner statistics; and reset PostgreSQL sequences past the explicit ids."""
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("speakers", "speaker_aliases", "topics", "topic_aliases", "events",
                      "documents", "quotes"):  # fmt: skip
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        conn.exec_driver_sql("VACUUM ANALYZE")


@dataclass
class BuildReport:
    built: bool
    seconds: float | None
    phases: dict[str, float]
    note: str


def build(url: str, shape: Shape, fresh: bool) -> BuildReport:
    """Migrate, then load the archive unless it is already there."""
    if url.startswith("postgresql"):
        ensure_postgres_database(url)
    if fresh:
        wipe(url)
    upgrade(url)
    engine = build_engine(url)
    existing = quote_count(engine)
    if existing >= shape.quotes:
        engine.dispose()
        note = (
            f"build skipped: database already holds {existing:,} quotes (target {shape.quotes:,})"
        )
        return BuildReport(False, None, {}, note)
    if existing:
        engine.dispose()
        sys.exit(
            f"database holds {existing:,} quotes, not the {shape.quotes:,} asked for: "
            "rerun with --fresh"
        )
    phases = load(engine, shape)
    engine.dispose()
    return BuildReport(True, sum(phases.values()), phases, "built this run")


def wipe(url: str) -> None:
    """Start over: delete the SQLite file, or empty the PostgreSQL schema."""
    if url.startswith("sqlite"):
        path = make_url(url).database or ""
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def load(engine: Engine, shape: Shape) -> dict[str, float]:
    phases: dict[str, float] = {}
    started = time.perf_counter()
    archive, rng, topics = build_archive(shape)
    for table, rows in (
        ("speakers", archive.speakers),
        ("speaker_aliases", archive.speaker_aliases),
        ("topics", archive.topics),
        ("topic_aliases", archive.topic_aliases),
        ("events", archive.events),
        ("event_participants", archive.participants),
        ("documents", archive.documents),
    ):
        write_rows(engine, table, rows)
    phases["small tables"] = time.perf_counter() - started
    ddl = secondary_ddl(engine)
    drop_secondary(engine, ddl)
    pause_postgres_triggers(engine, "DISABLE")
    started = time.perf_counter()
    done = 0
    for quotes, links in quote_rows(archive, rng, topics):
        write_rows(engine, "quotes", quotes)
        write_rows(engine, "quote_topics", links)
        done += len(quotes)
        if done % 100_000 < len(quotes):
            log(f"  {done:,} quotes loaded ({time.perf_counter() - started:.0f} s)")
    phases["quotes and topic links"] = time.perf_counter() - started
    started = time.perf_counter()
    restore_secondary(engine, ddl)
    pause_postgres_triggers(engine, "ENABLE")
    phases["indexes and full-text"] = time.perf_counter() - started
    started = time.perf_counter()
    count_facets(engine)
    phases["facet counts"] = time.perf_counter() - started
    started = time.perf_counter()
    analyze(engine)
    phases["analyze"] = time.perf_counter() - started
    return phases


def database_size(engine: Engine) -> int:
    if engine.dialect.name == "sqlite":
        path = engine.url.database or ""
        return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))
    with engine.connect() as conn:
        return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table)) or 0
            for name, table in TABLES.items()
        }


# ---------------------------------------------------------------------------------------------
# Inputs drawn from the archive itself, so they follow its skew


@dataclass
class Inputs:
    pairs_together: list[tuple[str, str]]  # a speaker and a topic one of their quotes is about
    pairs_apart: list[tuple[str, str]]  # popular speaker, popular topic, drawn independently
    speakers: list[str]
    topics: list[str]
    words: list[str]
    word_pairs: list[str]
    phrases: list[str]
    common_phrases: list[str]  # two common words as a phrase: rarely adjacent, often estimated
    unknown_words: list[str]  # typos no quote contains: the planner must not walk every quote
    misspelt: list[tuple[str, str]]  # co-occurring pairs with a letter dropped: fuzzy matching


def sample_quote_names(session: Session, rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(speaker, topic, text) of random quotes: a random quote's speaker is popularity-weighted."""
    max_id = session.scalar(select(func.max(Quote.id))) or 0
    found: list[tuple[str, str, str]] = []
    while len(found) < n:
        qid = rng.randint(1, max_id)
        row = session.execute(
            select(Speaker.name, Topic.name, Quote.text)
            .join(Speaker, Speaker.id == Quote.speaker_id)
            .join(QuoteTopic, QuoteTopic.quote_id == Quote.id)
            .join(Topic, Topic.id == QuoteTopic.topic_id)
            .where(Quote.id == qid, QuoteTopic.scope == "quote")
            .limit(1)
        ).first()
        if row is not None:
            found.append((row[0], row[1], row[2]))
    return found


def draw_inputs(session: Session, rng: random.Random, runs: int) -> Inputs:
    together = sample_quote_names(session, rng, runs)
    apart = sample_quote_names(session, rng, runs)
    words = vocabulary()
    low, high = content_word_range()
    common = words[low:high]
    content = set(words[low:])
    return Inputs(
        pairs_together=[(s, t) for s, t, _ in together],
        pairs_apart=[(s, t) for (s, _, _), (_, t, _) in zip(together, apart, strict=True)],
        speakers=[s for s, _, _ in apart],
        topics=[t for _, t, _ in apart],
        words=[rng.choice(common) for _ in range(runs)],
        word_pairs=[" ".join(rng.sample(common, 2)) for _ in range(runs)],
        phrases=[phrase_from(text_, content, rng) for _, _, text_ in together],
        common_phrases=['"' + " ".join(rng.sample(common, 2)) + '"' for _ in range(runs)],
        unknown_words=[w for w in invented_words(rng, runs * 2, (3, 3)) if w not in content][:runs],
        misspelt=[(misspelt(s), misspelt(t)) for s, t, _ in together],
    )


def misspelt(name: str) -> str:
    """One letter dropped from the last word, as a hurried user types it: 'Kery' for 'Kerry'."""
    words = name.split()
    last = words[-1]
    if len(last) >= 5:
        middle = len(last) // 2
        words[-1] = last[:middle] + last[middle + 1 :]
    return " ".join(words)


def phrase_from(quote_text: str, content: set[str], rng: random.Random) -> str:
    """Two adjacent content words of a real quote, quoted: a phrase someone remembers."""
    words = [w.strip(".,").lower() for w in quote_text.split()]
    pairs = [(a, b) for a, b in itertools.pairwise(words) if a in content and b in content]
    a, b = rng.choice(pairs) if pairs else (words[0], words[1])
    return f'"{a} {b}"'


# ---------------------------------------------------------------------------------------------
# Timing


@dataclass
class Figure:
    name: str
    p50_ms: float
    p95_ms: float
    runs: int
    target_ms: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        return None if self.target_ms is None else self.p50_ms <= self.target_ms


def percentiles(times_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(times_ms)
    p95 = (
        statistics.quantiles(ordered, n=20, method="inclusive")[18]
        if len(ordered) > 1
        else ordered[0]
    )
    return statistics.median(ordered), p95


def timed(
    factory: sessionmaker[Session], inputs: Sequence[Any], call: Callable[[Session, Any], Any]
) -> list[float]:
    """Milliseconds per call, a fresh session each time as a request would have; 3 warm-ups."""
    for item in inputs[:3]:
        with factory() as session:
            call(session, item)
    times = []
    for item in inputs:
        with factory() as session:
            started = time.perf_counter()
            call(session, item)
            times.append((time.perf_counter() - started) * 1000)
    return times


def figure(name: str, times: list[float], target: float | None = None, note: str = "") -> Figure:
    p50, p95 = percentiles(times)
    fig = Figure(name, round(p50, 2), round(p95, 2), len(times), target, note)
    log(f"  {name:<42} p50 {fig.p50_ms:8.1f} ms   p95 {fig.p95_ms:8.1f} ms")
    return fig


def page(filters: QuoteFilters, cursor: str | None = None, count: bool = False) -> Any:
    return lambda session, _: find_quotes(session, filters, 20, cursor, count=count)


def pair_page(session: Session, pair: tuple[str, str]) -> Any:
    return find_quotes(session, QuoteFilters(speakers=[pair[0]], topics=[pair[1]]), 20, None)


def text_page(session: Session, q: str) -> Any:
    return find_quotes(session, QuoteFilters(q=q), 20, None, count=True)


def text_page_uncounted(session: Session, q: str) -> Any:
    return find_quotes(session, QuoteFilters(q=q), 20, None, count=False)


def speaker_facets(session: Session, name: str) -> Any:
    return quote_facets(session, QuoteFilters(speakers=[name]))


def topic_facets(session: Session, name: str) -> Any:
    return quote_facets(session, QuoteFilters(topics=[name]))


def measure_services(factory: sessionmaker[Session], inputs: Inputs) -> list[Figure]:
    """The service calls behind the API's hot paths, each over its own varied inputs."""
    pair, words, facets = (
        TARGETS_MS["speaker+topic"],
        TARGETS_MS["full-text"],
        TARGETS_MS["facets"],
    )
    plan: list[tuple[str, Sequence[Any], Callable[[Session, Any], Any], float]] = [
        ("speaker+topic page (co-occurring pair)", inputs.pairs_together, pair_page, pair),
        ("speaker+topic page (independent pair)", inputs.pairs_apart, pair_page, pair),
        ("speaker+topic page, both names misspelt", inputs.misspelt, pair_page, pair),
        ("full-text page, one word, count", inputs.words, text_page, words),
        ("full-text page, one word, no count", inputs.words, text_page_uncounted, words),
        ("full-text page, two words, count", inputs.word_pairs, text_page, words),
        ("full-text page, phrase, count", inputs.phrases, text_page, words),
        ("full-text page, phrase of common words, count", inputs.common_phrases, text_page, words),
        ("full-text page, word no quote has, count", inputs.unknown_words, text_page, words),
        ("facets, speaker filter", inputs.speakers, speaker_facets, facets),
        ("facets, topic filter", inputs.topics, topic_facets, facets),
    ]
    return [figure(name, timed(factory, items, call), target) for name, items, call, target in plan]


def top_speaker(session: Session) -> tuple[str, int]:
    row = session.execute(
        select(Speaker.name, func.count())
        .join(Quote, Quote.speaker_id == Speaker.id)
        .group_by(Speaker.id, Speaker.name)
        .order_by(func.count().desc())
        .limit(1)
    ).one()
    return row[0], row[1]


def measure_deep_page(factory: sessionmaker[Session], runs: int) -> list[Figure]:
    """Page 500 of the most quoted speaker (or the deepest page there is) against page 1."""
    with factory() as session:
        name, quotes = top_speaker(session)
    filters = QuoteFilters(speakers=[name])
    depth = min(500, max(1, (quotes - 1) // 20))
    cursor: str | None = None
    with factory() as session:
        for _ in range(depth - 1):
            cursor = find_quotes(session, filters, 20, cursor).next_cursor
    note = f"speaker with {quotes:,} quotes"
    first = figure("speaker page 1", timed(factory, [None] * runs, page(filters)), note=note)
    # "As fast as the first page": within half as much again, or a millisecond.
    same = max(first.p50_ms * 1.5, first.p50_ms + 1.0)
    deep = timed(factory, [None] * runs, page(filters, cursor))
    return [first, figure(f"speaker page {depth} (keyset cursor)", deep, round(same, 2), note)]


# ---------------------------------------------------------------------------------------------
# HTTP


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    """The real server as deployed: `ontherecord serve` with two workers."""
    command = [
        str(Path(sys.executable).with_name("ontherecord")),
        "serve",
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_ready(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server at {base} did not become ready")


def client_loop(
    base: str,
    pairs: list[tuple[str, str]],
    deadline: float,
    seed: int,
    out: list[float],
    errors: list[int],
) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.perf_counter() < deadline:
            speaker, topic = rng.choice(pairs)
            started = time.perf_counter()
            response = client.get("/quotes", params={"speaker": speaker, "topic": topic})
            out.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                errors.append(response.status_code)


def measure_http(
    url: str, pairs: list[tuple[str, str]], clients: int, seconds: float, port: int
) -> Figure:
    """N concurrent clients asking GET /quotes?speaker=&topic= for `seconds`."""
    base = f"http://127.0.0.1:{port}"
    server = serve(url, port)
    try:
        wait_ready(base)
        with httpx.Client(base_url=base, timeout=60) as client:
            for speaker, topic in pairs[:20]:  # warm both workers
                client.get("/quotes", params={"speaker": speaker, "topic": topic})
        latencies: list[float] = []
        errors: list[int] = []
        started = time.perf_counter()
        threads = [
            threading.Thread(
                target=client_loop, args=(base, pairs, started + seconds, i, latencies, errors)
            )
            for i in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    rate = len(latencies) / elapsed
    note = (
        f"{clients} clients, {elapsed:.0f} s, {len(latencies):,} requests, "
        f"{rate:.0f} req/s, {len(errors)} errors"
    )
    fig = figure(f"HTTP GET /quotes?speaker&topic ({clients} clients)", latencies, note=note)
    fig.extra = {"requests": len(latencies), "seconds": elapsed, "rps": rate, "errors": len(errors)}
    log(f"    {note}")
    return fig


# ---------------------------------------------------------------------------------------------
# Report


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if ln.startswith("model name")),
        "?",
    )
    meminfo = Path("/proc/meminfo").read_text().split()
    ram_gb = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    return {
        "nproc": os.cpu_count(),
        "ram_gb": round(ram_gb, 1),
        "cpu": model,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def server_version(engine: Engine) -> str:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return "SQLite " + str(conn.scalar(text("SELECT sqlite_version()")))
        return "PostgreSQL " + str(conn.scalar(text("SHOW server_version")))


def print_table(figures: list[Figure]) -> None:
    print(f"\n{'measurement':<48} {'p50 ms':>9} {'p95 ms':>9} {'target':>8}  met")
    for f in figures:
        target = f"{f.target_ms:.0f}" if f.target_ms is not None else "-"
        met = {None: "", True: "yes", False: "NO"}[f.met]
        print(f"{f.name:<48} {f.p50_ms:>9.1f} {f.p95_ms:>9.1f} {target:>8}  {met}  {f.note}")


def cpu_busy(seconds: float = 2.0) -> float:
    """Fraction of all cores busy over a short window, from /proc/stat."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1.0 - (idle1 - idle0) / max(1, total1 - total0)


def wait_for_idle(max_wait: float, threshold: float = 0.15) -> float:
    """On a shared machine, wait (up to max_wait s) until others' work stops; return the load."""
    deadline = time.monotonic() + max_wait
    busy = cpu_busy()
    while busy > threshold and time.monotonic() < deadline:
        log(f"  machine {busy:.0%} busy with other work; waiting")
        time.sleep(5)
        busy = cpu_busy()
    return round(busy, 3)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--quotes", type=int, default=1_000_000, help="archive size (default 1M)")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per measurement")
    parser.add_argument("--http-seconds", type=float, default=20.0)
    parser.add_argument("--http-clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP load test")
    parser.add_argument("--build-only", action="store_true", help="build, then stop")
    parser.add_argument("--fresh", action="store_true", help="delete the benchmark data first")
    parser.add_argument("--seed", type=int, default=1, help="seed for the measured inputs")
    parser.add_argument(
        "--wait-idle", type=float, default=300, help="max seconds to wait for an idle machine"
    )
    parser.add_argument("--output", type=Path, help="write the results as JSON here")
    return parser.parse_args(argv)


def measure(
    url: str, engine: Engine, args: argparse.Namespace
) -> tuple[list[Figure], dict[str, float]]:
    """Every measurement, each part started on an idle machine if one can be had."""
    factory = make_session_factory(engine)
    with factory() as session:
        inputs = draw_inputs(session, random.Random(args.seed), args.runs)
    busy = {"services": wait_for_idle(args.wait_idle)}
    figures = measure_services(factory, inputs)
    busy["deep page"] = wait_for_idle(args.wait_idle)
    figures += measure_deep_page(factory, args.runs)
    if not args.no_http:
        pairs = [
            p for pair in zip(inputs.pairs_together, inputs.pairs_apart, strict=True) for p in pair
        ]
        busy["http"] = wait_for_idle(args.wait_idle)
        figures.append(measure_http(url, pairs, args.http_clients, args.http_seconds, args.port))
    log(f"CPU busy with other work before each part: {busy}")
    return figures, busy


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    url = database_url(args.database_url)
    shape = Shape.for_quotes(args.quotes)
    log(f"archive: {shape}")
    report = build(url, shape, args.fresh)
    log(f"build: {report.note}" + (f" in {report.seconds:.0f} s" if report.seconds else ""))
    engine = make_engine(url)
    results: dict[str, Any] = {
        "database": server_version(engine),
        "machine": machine(),
        "shape": asdict(shape),
        "build": asdict(report),
        "counts": table_counts(engine),
        "size_bytes": database_size(engine),
    }
    if not args.build_only:
        figures, busy = measure(url, engine, args)
        results["cpu_busy_before"] = busy
        print_table(figures)
        results["figures"] = [asdict(f) | {"met": f.met} for f in figures]
    engine.dispose()
    if args.output:
        args.output.write_text(json.dumps(results, indent=2, default=str) + "\n")
        log(f"results written to {args.output}")


if __name__ == "__main__":
    main()
