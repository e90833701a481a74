"""The `ontherecord` command: migrate, ingest, serve, and corrections to speakers and topics."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.cli.documents import documents_app
from app.cli.http_protocol import PROTOCOL
from app.cli.keys import keys_app
from app.cli.speakers import speakers_app
from app.cli.topics import topics_app
from app.cli.workers import reuse_port_supported, serve_workers
from app.db import migrate as migrations
from app.db.session import make_engine, make_session_factory, session_scope
from app.ingest.pipeline import BatchReport, FileReport, ingest_paths
from app.nlp.verify import STATUSES as VERIFICATION_STATUSES
from app.services.export import csv_lines, ndjson_lines
from app.services.quotes import QuoteFilters
from app.settings import get_settings
from app.write.directory import SHIPPED_DIRECTORY, DirectoryError, load_directory
from app.write.verification import verify_archive

app = typer.Typer(help="On the Record: a statement database with a JSON API.", no_args_is_help=True)
app.add_typer(speakers_app, name="speakers")
app.add_typer(topics_app, name="topics")
app.add_typer(documents_app, name="documents")
app.add_typer(keys_app, name="keys")
console = Console(stderr=True)
# Commands that make the schema themselves, or (serve) report it at /health instead.
NO_SCHEMA_NEEDED = {"migrate", "setup", "serve"}


@app.callback()
def _require_schema(ctx: typer.Context) -> None:
    """A command run against an unmigrated (or older) database says how to fix it, in one
    line, instead of failing on a missing table with a traceback."""
    if ctx.resilient_parsing or ctx.invoked_subcommand in NO_SCHEMA_NEEDED:
        return
    url = get_settings().database_url
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        with make_engine(url).connect() as connection:
            status = migrations.schema_status(connection)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        console.print(f"[red]cannot open the database {shown}: {reason}[/]", soft_wrap=True)
        raise typer.Exit(1) from exc
    if not status.up_to_date:
        hint = f"{status.describe()} ({shown}): run `ontherecord migrate`"
        console.print(f"[red]{hint}[/]", soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def migrate() -> None:
    """Create or upgrade the database named by DATABASE_URL to the latest schema."""
    migrations.upgrade(get_settings().database_url)
    console.print("database is at the latest migration")


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders of documents: .txt .md .html .htm .pdf "
            "(a folder's other files are reported as skipped)."
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable report.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            min=1,
            help="Parse in this many processes; on PostgreSQL also store with this many "
            "writers (SQLite has one write lock: one writer).",
        ),
    ] = 1,
) -> None:
    """Ingest documents; a stored document is left unchanged. Exit 1 if any file failed.

    Safe beside another ingest or an upload: the same document is stored once."""
    settings = get_settings()
    # One connection per writer thread, plus the reader that skips stored documents.
    engine = make_engine(settings.database_url, pool_size=max(5, jobs + 1))
    factory = make_session_factory(engine)
    if as_json or not sys.stderr.isatty():
        report = ingest_paths(factory, paths, settings.max_document_bytes, jobs=jobs)
    else:
        report = _ingest_with_progress(factory, paths, settings.max_document_bytes, jobs)
    if as_json:
        typer.echo(json.dumps(report.as_json(), indent=2))
    else:
        _print_report(report)
    raise typer.Exit(1 if report.failed else 0)


def _ingest_with_progress(
    factory: sessionmaker[Session], paths: list[Path], max_bytes: int, jobs: int
) -> BatchReport:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("ingesting", total=None)

        def start(total: int) -> None:
            progress.update(task, total=total)

        def advance(report: FileReport) -> None:
            progress.update(task, advance=1, description=Path(report.path).name)

        return ingest_paths(factory, paths, max_bytes, on_file=advance, on_start=start, jobs=jobs)


def _print_report(report: BatchReport) -> None:
    styles = {
        "ingested": "green",
        "revised": "cyan",
        "updated": "cyan",
        "unchanged": "dim",
        "failed": "red",
        "skipped": "yellow",
    }
    for line in report.files:
        detail = line.error or f"{line.quotes} quotes, document {line.document_id}"
        if line.revision and line.revision > 1:
            detail += f", revision {line.revision}"
        console.print(f"[{styles[line.status]}]{line.status:9}[/] {line.path}: {detail}")
        label = "changed" if line.status in ("revised", "updated") else "unnamed"
        for note in line.notes:
            console.print(f"          [yellow]{label}[/] {note}")
    totals = report.totals()
    console.print(", ".join(f"{value} {key}" for key, value in totals.items()))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Worker processes; default: one per CPU core (1 for in-memory SQLite)."
        ),
    ] = None,
) -> None:
    """Serve the JSON API (Swagger UI at /docs)."""
    import uvicorn

    count = workers or default_workers(get_settings().database_url)
    options = {"app": "app.main:create_app", "factory": True, "http": PROTOCOL}
    if count > 1 and reuse_port_supported():
        serve_workers(host, port, count, options)
    else:
        uvicorn.run(host=host, port=port, workers=count, **options)  # type: ignore[arg-type]


def default_workers(database_url: str) -> int:
    """One process per core: each holds the GIL for most of a request, so one process uses
    about one core. PostgreSQL and an SQLite file (WAL: readers never block each other) are
    shared by every worker; an in-memory SQLite database would be a different one per
    process, so it gets one."""
    if database_url.startswith("sqlite") and (
        database_url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in database_url
    ):
        return 1
    return max(1, os.cpu_count() or 1)


@app.command()
def export(
    speaker: Annotated[list[str], typer.Option(help="Speaker name, slug or id; repeatable.")] = [],  # noqa: B006
    topic: Annotated[list[str], typer.Option(help="Topic under any name; repeatable.")] = [],  # noqa: B006
    q: Annotated[str | None, typer.Option(help="Full-text query.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="ndjson or csv.")] = "ndjson",
) -> None:
    """Write every matching quote to standard output, streamed in constant memory."""
    if fmt not in ("ndjson", "csv"):
        raise typer.BadParameter("--format must be ndjson or csv")
    factory = make_session_factory(make_engine(get_settings().database_url), read_only=True)
    filters = QuoteFilters(speakers=speaker, topics=topic, q=q)
    for chunk in (csv_lines if fmt == "csv" else ndjson_lines)(factory, filters):
        sys.stdout.write(chunk)


@app.command()
def verify() -> None:
    """Check every news quote against the archive's transcripts again: fills in an archive
    ingested before verification existed. Safe to rerun."""
    factory = make_session_factory(make_engine(get_settings().database_url))
    counts = verify_archive(factory)
    console.print(", ".join(f"{counts.get(s, 0)} {s}" for s in VERIFICATION_STATUSES))


@app.command()
def setup(
    seeds: Annotated[Path, typer.Option(help="Folder of documents to ingest.")] = Path("seeds"),
) -> None:
    """Migrate, load the shipped speaker directory and ingest the seeds: safe to rerun."""
    settings = get_settings()
    migrations.upgrade(settings.database_url)
    factory = make_session_factory(make_engine(settings.database_url))
    try:
        with session_scope(factory) as session:
            load_directory(session, SHIPPED_DIRECTORY)
    except DirectoryError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    report = ingest_paths(factory, [seeds], settings.max_document_bytes)
    _print_report(report)
    raise typer.Exit(1 if report.failed else 0)


if __name__ == "__main__":
    app()
