"""PostgreSQL writers in parallel (migration 0010): two open write transactions change quotes
and names at once without waiting for each other, the counts they keep add up to a fresh
count (summed over shards, then folded into one), and a name cache sees a correction another
connection committed in another shard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.migrate import upgrade
from app.db.models import Document, Quote, QuoteFacetCount, Speaker, SpeakerAlias
from app.db.session import READ_ONLY, make_engine
from app.db.shards import fold_shards
from app.ingest.pipeline import ingest_paths
from app.services import name_cache
from app.services.facet_counts import in_shards
from app.services.names import resolve_speaker_ref
from app.write.directory import SHIPPED_DIRECTORY, load_directory
from tests.facet_check import assert_counts_right
from tests.services.test_facet_counts import both_ways, facet_filters
from tests.support import BACKENDS, SEEDS, Databases

POSTGRES = [b for b in BACKENDS if b != "sqlite"]  # shards exist where writers run at once


@pytest.fixture(params=POSTGRES)
def engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """A seeded PostgreSQL database of its own: these tests commit."""
    url = databases.new(request.param)
    upgrade(url)
    engine = make_engine(url)
    factory = sessionmaker(bind=engine)
    with factory() as session, session.begin():
        load_directory(session, SHIPPED_DIRECTORY)
    assert not ingest_paths(factory, [SEEDS], 5_000_000).failed
    yield engine
    name_cache.forget(engine)
    engine.dispose()


def _shard(session: Session) -> int:
    return int(session.scalar(text("SELECT write_shard()")) or 0)


def _add_alias(session: Session, speaker_id: int, alias: str) -> None:
    session.add(SpeakerAlias(speaker_id=speaker_id, alias=alias, alias_norm=alias, source="t"))
    session.flush()


def test_two_open_writers_do_not_wait_and_counts_stay_exact(engine: Engine) -> None:
    with Session(engine) as first, Session(engine) as second:
        quotes = first.scalars(select(Quote).order_by(Quote.id)).all()
        speakers = sorted({q.speaker_id for q in quotes if q.speaker_id is not None})
        # The first moves quotes of the first document to another speaker and adds an alias,
        # and stays open, holding every row it wrote.
        moved = [q.id for q in quotes if q.document_id == quotes[0].document_id][:2]
        first.execute(update(Quote).where(Quote.id.in_(moved)).values(speaker_id=speakers[-1]))
        _add_alias(first, speakers[0], "first writer")
        # The second deletes another document (its quotes, links, verdicts) and adds an
        # alias: before 0010 it waited for the first's lock on the name generation.
        second.execute(text("SET LOCAL lock_timeout = '20s'"))
        last = quotes[-1].document_id
        assert last != quotes[0].document_id
        second.execute(delete(Document).where(Document.id == last))
        _add_alias(second, speakers[-1], "second writer")
        shards = {_shard(first), _shard(second)}
        second.commit()
        first.commit()
    assert len(shards) == 2
    with Session(engine) as session:
        used = session.scalars(select(QuoteFacetCount.shard).distinct()).all()
        assert set(used) >= shards
        assert in_shards(session, "all", [0])
        _assert_exact(session)  # summed over the shards
        session.rollback()
        assert fold_shards(session)
        assert session.scalars(select(QuoteFacetCount.shard).distinct()).all() == [0]
        assert not in_shards(session, "all", [0])
        _assert_exact(session)  # read from shard 0 in count order
        session.rollback()
        assert not fold_shards(session)


def _assert_exact(session: Session) -> None:
    """The kept counts equal a fresh count, and facets read from them equal facets counted."""
    assert_counts_right(session)
    for filters in facet_filters(session):
        kept, counted = both_ways(session, filters)
        assert kept == counted, filters


def test_name_cache_sees_a_correction_committed_in_another_shard(engine: Engine) -> None:
    readers = sessionmaker(bind=engine, info={READ_ONLY: True})
    with readers() as reader:
        first = resolve_speaker_ref(reader, "Kerry")
    with readers() as reader:
        assert resolve_speaker_ref(reader, "Kerry") is first  # answered from the cache
    with Session(engine) as holder, Session(engine) as writer:
        _add_alias(holder, first.ids[0], "holds shard 0")  # open: the writer takes another
        writer.execute(
            update(Speaker).where(Speaker.id == first.ids[0]).values(name="Senator Kerry")
        )
        assert _shard(writer) != _shard(holder)
        writer.commit()
        with readers() as reader:
            assert resolve_speaker_ref(reader, "Kerry").names == ["Senator Kerry"]
        holder.rollback()
    with readers() as reader:
        assert resolve_speaker_ref(reader, "Kerry").names == ["Senator Kerry"]
