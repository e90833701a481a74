"""Facet counts kept by the database: the whole archive's, each speaker's and each topic's.

`/quotes/facets` for a topic on one quote in ten counted 100k quotes five ways per request
(p95 over a second on the 1M-quote archive under load). `quote_facet_counts` holds, for each
subject (`all`; a `speaker`; a `topic`, meaning quotes *about* it: links of scope `quote`),
how many of its quotes fall in each bucket of each facet (speakers, topics, kinds, events,
months, verification). A quote contributes one row per (subject it has, bucket it has): its
subjects x its buckets.

Triggers keep the counts in the writing transaction, whoever writes: each works out a
change as "the quote's contributions after, minus before", summed per row, and adds only
what changed. So an insert, a delete (and its cascades), a speaker reassignment (merge), a
topic merge (links re-pointed or deleted), a new or changed verdict all leave the same
counts a fresh count would give. Quotes go before their links: a quote's delete trigger
runs BEFORE the row goes (its links are still there) and link or verdict triggers find
no quote afterwards, so cascades are not counted twice.

SQLite runs row triggers one row at a time, so "before" is the current state with the row
put back. PostgreSQL runs AFTER ROW triggers at the end of the statement, when several links
of one quote may have changed; its link triggers are statement triggers reading the changed
rows from transition tables. PostgreSQL writers lock the `name_generations` row before
touching counts: two ingests would otherwise deadlock on the shared `all` rows, or on those
rows and that one (a writer of names locks it to raise the generation). Writers serialise
there until commit, as writers of names already did; readers are never blocked.

`backfill` counts existing quotes once (18 grouped inserts). SQLite keeps triggers with
their table: a later batch migration that recreates quotes, quote_topics or
quote_verifications must create them again (`tests/services/test_facet_counts.py` fails if
counts drift).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "quote_facet_counts"
KEY = "subject, subject_id, facet, bucket"
# One lock for every writer of counts or names (migration 0006's row), taken first.
LOCK = "PERFORM 1 FROM name_generations WHERE name = 'names' FOR UPDATE"
QUOTE_COLUMNS = ("id", "speaker_id", "kind", "event_id", "spoken_on")
ABOUT = "SELECT quote_id, topic_id FROM quote_topics WHERE scope = 'quote'"
VERDICTS = "SELECT quote_id, status FROM quote_verifications"
NONE_Q = "SELECT id, speaker_id, kind, event_id, spoken_on FROM quotes WHERE 1 = 0"


@dataclass(frozen=True)
class Part:
    """One side of a contribution: a join onto the quote `q` and the value it yields."""

    join: str  # {links} / {verdicts}: the sources of this state
    value: str
    where: str = "1 = 1"


SUBJECTS = {
    "all": Part("", "0"),
    "speaker": Part("", "q.speaker_id", "q.speaker_id IS NOT NULL"),
    "topic": Part("JOIN ({links}) st ON st.quote_id = q.id", "st.topic_id"),
}
BUCKETS = {
    "speakers": Part("", "CAST(q.speaker_id AS VARCHAR(40))", "q.speaker_id IS NOT NULL"),
    "topics": Part("JOIN ({links}) bt ON bt.quote_id = q.id", "CAST(bt.topic_id AS VARCHAR(40))"),
    "kinds": Part("", "q.kind"),
    "events": Part("", "CAST(q.event_id AS VARCHAR(40))", "q.event_id IS NOT NULL"),
    "months": Part("", "substr(CAST(q.spoken_on AS VARCHAR(40)), 1, 7)", "q.spoken_on IS NOT NULL"),
    "verification": Part("JOIN ({verdicts}) bv ON bv.quote_id = q.id", "bv.status"),
}


State = tuple[str, str, str]  # SELECTs of (quotes, their about-links, their verdicts)
NOTHING: State = (
    "SELECT id, speaker_id, kind, event_id, spoken_on FROM quotes WHERE 1 = 0",
    f"{ABOUT} AND 1 = 0",
    f"{VERDICTS} WHERE 1 = 0",
)


def counted(state: State, sign: int = 1) -> list[str]:
    """One grouped SELECT per (subject, facet): the rows these quotes contribute, times sign."""
    quotes, links, verdicts = state
    selects = []
    for subject, s in SUBJECTS.items():
        for facet, b in BUCKETS.items():
            joins = f"{s.join} {b.join}".format(links=links, verdicts=verdicts)
            group = ", ".join(v for v in (s.value, b.value) if not v.isdigit())
            selects.append(
                f"SELECT '{subject}' AS subject, {s.value} AS subject_id, '{facet}' AS facet, "
                f"{b.value} AS bucket, {sign} * count(*) AS n FROM ({quotes}) q {joins} "
                f"WHERE {s.where} AND {b.where} GROUP BY {group}"
            )
    return selects


def contributions(state: State, sign: int) -> str:
    """Each (subject, bucket) the quotes of `state` contribute, one row each, times sign: a
    trigger's few quotes as one join of their subjects and their buckets (a grouped
    SELECT per pair, as `backfill` runs, cost PostgreSQL ~3 ms to start per change)."""
    quotes, links, verdicts = state
    subjects = " UNION ALL ".join(
        [
            f"SELECT q.id AS quote_id, 'all' AS subject, 0 AS subject_id FROM ({quotes}) q",
            f"SELECT q.id, 'speaker', q.speaker_id FROM ({quotes}) q "
            "WHERE q.speaker_id IS NOT NULL",
            f"SELECT st.quote_id, 'topic', st.topic_id FROM ({links}) st "
            f"JOIN ({quotes}) q ON q.id = st.quote_id",
        ]
    )
    buckets = " UNION ALL ".join(
        f"SELECT q.id AS quote_id, '{facet}' AS facet, {b.value} AS bucket FROM ({quotes}) q "
        f"{b.join.format(links=links, verdicts=verdicts)} WHERE {b.where}"
        for facet, b in BUCKETS.items()
    )
    return (
        f"SELECT s.subject, s.subject_id, b.facet, b.bucket, {sign} AS n "
        f"FROM ({subjects}) s JOIN ({buckets}) b ON b.quote_id = s.quote_id"
    )


def apply_change(before: State, after: State) -> str:
    """Add (after - before) to the counts: only rows whose count changed are written, in key
    order (so concurrent writers lock shared rows in the same order)."""
    parts = f"{contributions(before, -1)} UNION ALL {contributions(after, 1)}"
    return (
        f"INSERT INTO {TABLE} ({KEY}, n) SELECT {KEY}, sum(n) FROM ({parts}) change "
        f"WHERE 1 = 1 GROUP BY {KEY} HAVING sum(n) <> 0 ORDER BY {KEY} "
        f"ON CONFLICT ({KEY}) DO UPDATE SET n = {TABLE}.n + excluded.n"
    )


def row(ref: str) -> str:
    """A trigger's NEW or OLD quote as a one-row source."""
    return "SELECT " + ", ".join(f"{ref}.{c} AS {c}" for c in QUOTE_COLUMNS)


def verdict(ref: str) -> str:
    return f"SELECT {ref}.quote_id AS quote_id, {ref}.status AS status"


def now(ids: str, quotes: str | None = None) -> State:
    """The current state of these quotes (or of the given quote row) as the database has it.

    `ids` is a list of values, or `= ANY(ARRAY(SELECT ...))`: PostgreSQL plans a trigger's
    statement once, not knowing how few rows a transition table holds, and an `IN (SELECT
    ...)` there became a scan of every link per statement; an array is probed in the index.
    """
    member = ids if ids.startswith("= ANY") else f"IN ({ids})"
    return (
        quotes or f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes WHERE id {member}",
        f"{ABOUT} AND quote_id {member}",
        f"{VERDICTS} WHERE quote_id {member}",
    )


def quote_changes() -> dict[str, str]:
    """Quote rows: inserted (nothing before), moved (old values -> new), deleted (run BEFORE
    the delete, while its links and verdict are still there)."""
    return {
        "insert": apply_change(NOTHING, now("NEW.id", row("NEW"))),
        "update": apply_change(now("OLD.id", row("OLD")), now("NEW.id", row("NEW"))),
        "delete": apply_change(now("OLD.id", row("OLD")), NOTHING),
    }


def verdict_changes() -> dict[str, str]:
    """Verdict rows (one per quote): the quote counted with the old verdict, then the new."""
    none = NOTHING[2]
    old, new = now("OLD.quote_id"), now("NEW.quote_id")
    return {
        "insert": apply_change((new[0], new[1], none), (new[0], new[1], verdict("NEW"))),
        "update": apply_change((old[0], old[1], verdict("OLD")), (new[0], new[1], verdict("NEW"))),
        "delete": apply_change((old[0], old[1], verdict("OLD")), (old[0], old[1], none)),
    }


def link_changes(ids: str, added: str, removed: str) -> str:
    """Links of scope `quote` added and removed for the quotes `ids`, the current links
    being the state after: before = after - added + removed."""
    after = now(ids)
    before_links = f"{after[1]} EXCEPT {added} UNION {removed}"
    return apply_change((after[0], f"SELECT * FROM ({before_links}) was", after[2]), after)


def about(ref: str) -> str:
    return (
        f"SELECT {ref}.quote_id AS quote_id, {ref}.topic_id AS topic_id WHERE {ref}.scope = 'quote'"
    )


def sqlite_link_changes() -> dict[str, str]:
    """Row at a time: the row itself is the whole change."""
    none = f"{ABOUT} AND 1 = 0"
    return {
        "insert": link_changes("NEW.quote_id", about("NEW"), none),
        "update": link_changes("OLD.quote_id, NEW.quote_id", about("NEW"), about("OLD")),
        "delete": link_changes("OLD.quote_id", none, about("OLD")),
    }


LINKS_CHANGED = "facet_links_changed"  # PostgreSQL: the link change, planned once a session
PAIRS = "SELECT * FROM unnest({q}::integer[], {t}::integer[]) AS pairs (quote_id, topic_id)"


def postgres_links_changed() -> str:
    """A function of arrays (quotes; links added; links removed) that applies a change of
    links. Statement triggers read their transition tables into arrays and call it: a query
    that names a transition table is planned again at every statement, a function's query
    once per session. The links before and after are read into arrays first, so the
    contribution query scans small arrays, never a subquery again per row."""
    added = PAIRS.format(q="p_added_q", t="p_added_t")
    removed = PAIRS.format(q="p_removed_q", t="p_removed_t")
    current = f"{ABOUT} AND quote_id = ANY(p_ids)"
    order = "ORDER BY quote_id, topic_id"
    quotes, _, verdicts = now("= ANY(p_ids)")
    change = apply_change(
        (quotes, PAIRS.format(q="bq", t="bt"), verdicts),
        (quotes, PAIRS.format(q="aq", t="at"), verdicts),
    )
    return (
        f"CREATE FUNCTION {LINKS_CHANGED}(p_ids integer[], p_added_q integer[], "
        "p_added_t integer[], p_removed_q integer[], p_removed_t integer[]) RETURNS void "
        "LANGUAGE plpgsql AS $$ DECLARE aq integer[]; at integer[]; bq integer[]; "
        "bt integer[]; BEGIN "
        f"SELECT array_agg(quote_id {order}), array_agg(topic_id {order}) INTO aq, at "
        f"FROM ({current}) now; "
        f"SELECT array_agg(quote_id {order}), array_agg(topic_id {order}) INTO bq, bt "
        f"FROM ({current} EXCEPT {added} UNION {removed}) was; "
        f"{change}; END $$"
    )


def postgres_link_changes() -> dict[str, str]:
    """A statement at a time, from its transition tables `new_links` and `old_links`."""

    def pairs(table: str | None) -> str:
        if table is None:
            return "'{}', '{}'"
        about = f"FROM {table} WHERE scope = 'quote' ORDER BY quote_id, topic_id"
        return f"ARRAY(SELECT quote_id {about}), ARRAY(SELECT topic_id {about})"

    def call(ids: str, added: str | None, removed: str | None) -> str:
        return f"PERFORM {LINKS_CHANGED}(ARRAY({ids}), {pairs(added)}, {pairs(removed)})"

    return {
        "insert": call("SELECT quote_id FROM new_links", "new_links", None),
        "update": call(
            "SELECT quote_id FROM new_links UNION SELECT quote_id FROM old_links",
            "new_links",
            "old_links",
        ),
        "delete": call("SELECT quote_id FROM old_links", None, "old_links"),
    }


QUOTE_MOVED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in QUOTE_COLUMNS[1:])
VERDICT_MOVED = "OLD.status IS NOT NEW.status OR OLD.quote_id IS NOT NEW.quote_id"


def create_sqlite_triggers() -> None:
    moved_columns = ", ".join(QUOTE_COLUMNS[1:])
    when = {
        (
            "quotes",
            "update",
        ): f"UPDATE OF {moved_columns} ON quotes FOR EACH ROW WHEN {QUOTE_MOVED}",
        ("quote_topics", "insert"): "INSERT ON quote_topics FOR EACH ROW WHEN NEW.scope = 'quote'",
        ("quote_topics", "update"): (
            "UPDATE ON quote_topics FOR EACH ROW WHEN OLD.scope = 'quote' OR NEW.scope = 'quote'"
        ),
        ("quote_topics", "delete"): "DELETE ON quote_topics FOR EACH ROW WHEN OLD.scope = 'quote'",
        ("quote_verifications", "update"): (
            f"UPDATE ON quote_verifications FOR EACH ROW WHEN {VERDICT_MOVED}"
        ),
    }
    for table, changes in (
        ("quotes", quote_changes()),
        ("quote_topics", sqlite_link_changes()),
        ("quote_verifications", verdict_changes()),
    ):
        for event, sql in changes.items():
            timing = "BEFORE" if (table, event) == ("quotes", "delete") else "AFTER"
            on = when.get((table, event), f"{event.upper()} ON {table} FOR EACH ROW")
            op.execute(f"CREATE TRIGGER {table}_{event}_facets {timing} {on} BEGIN {sql}; END")


def plpgsql(name: str, body: str, returns: str = "NULL") -> None:
    op.execute(
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {LOCK}; {body}; RETURN {returns}; END $$"
    )


def create_postgres_triggers() -> None:
    op.execute(postgres_links_changed())
    for table, changes, level in (
        ("quotes", quote_changes(), "ROW"),
        ("quote_verifications", verdict_changes(), "ROW"),
        ("quote_topics", postgres_link_changes(), "STATEMENT"),
    ):
        for event, sql in changes.items():
            name = f"{table}_{event}_facets"
            deleting_quote = (table, event) == ("quotes", "delete")
            plpgsql(name, sql, "OLD" if deleting_quote else "NULL")
            timing = "BEFORE" if deleting_quote else "AFTER"
            extra = ""
            if table == "quote_topics":
                tables = {"insert": "NEW TABLE AS new_links", "delete": "OLD TABLE AS old_links"}
                tables["update"] = f"{tables['delete']} {tables['insert']}"
                extra = f"REFERENCING {tables[event]}"
            when = ""
            if (table, event) == ("quotes", "update"):
                when = f"WHEN ({QUOTE_MOVED.replace('IS NOT', 'IS DISTINCT FROM')})"
            if (table, event) == ("quote_verifications", "update"):
                when = f"WHEN ({VERDICT_MOVED.replace('IS NOT', 'IS DISTINCT FROM')})"
            op.execute(
                f"CREATE TRIGGER {name} {timing} {event.upper()} ON {table} {extra} "
                f"FOR EACH {level} {when} EXECUTE FUNCTION {name}()"
            )


TRIGGERS = [
    (table, event)
    for table in ("quotes", "quote_topics", "quote_verifications")
    for event in ("insert", "update", "delete")
]


def backfill(connection: sa.engine.Connection) -> None:
    """Count every stored quote once: the contributions of the whole archive."""
    everything: State = (f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes", ABOUT, VERDICTS)
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    for select in counted(everything):
        connection.exec_driver_sql(f"INSERT INTO {TABLE} ({KEY}, n) {select}")


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("subject", sa.String(length=10), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=20), nullable=False),
        sa.Column("bucket", sa.String(length=40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "subject", "subject_id", "facet", "bucket", name=op.f("pk_quote_facet_counts")
        ),
    )
    op.create_index(
        "ix_quote_facet_counts_top", TABLE, ["subject", "subject_id", "facet", "n"], unique=False
    )
    if op.get_bind().dialect.name == "sqlite":
        create_sqlite_triggers()
    else:
        create_postgres_triggers()
    backfill(op.get_bind())


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, event in TRIGGERS:
        name = f"{table}_{event}_facets"
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    if not sqlite:
        op.execute(f"DROP FUNCTION IF EXISTS {LINKS_CHANGED}(integer[], integer[], integer[], integer[], integer[])")
    op.drop_index("ix_quote_facet_counts_top", table_name=TABLE)
    op.drop_table(TABLE)
