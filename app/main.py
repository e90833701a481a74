"""The FastAPI application: routers, error handlers, CORS and OpenAPI metadata."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute
from sqlalchemy import Engine

from app.api.deps import reject_unknown_parameters
from app.api.etag import ETagMiddleware
from app.api.head import HeadAsGet
from app.api.openapi import amend_openapi
from app.api.problems import install_error_handlers
from app.api.request_limits import install_limits
from app.api.routes import documents, events, health, quotes, speakers, topics
from app.db.session import make_engine, make_session_factory
from app.settings import Settings, get_settings
from app.web import install_web

DESCRIPTION = """
**On the Record** is a statement database: who said what, where, when, and about what.

Start with `GET /quotes?speaker=Kerry&topic=Assad`. Names are matched forgivingly, and every
quote points back to its document (`start`/`end` are offsets into `GET /documents/{id}` `text`).
"""


TAGS = [
    {
        "name": "quotes",
        "description": "Find quotes by speaker, topic, words, role and date; export them.",
    },
    {"name": "documents", "description": "The sources, exactly as ingested."},
    {
        "name": "speakers",
        "description": "People and organisations, with aliases and roles over time.",
    },
    {"name": "topics", "description": "What quotes are about, under every name."},
    {"name": "events", "description": "Occasions where words were spoken."},
    {"name": "service", "description": "Health of the service."},
]


def _operation_id(route: APIRoute) -> str:
    """Clean operation ids for generated clients: the route function's name."""
    return route.name


def api_engine(settings: Settings) -> Engine:
    """Every statement has a deadline; at most two connections per request in flight (a
    request and the export it streams), and a request that finds none free waits 2 s at most."""
    url, per_worker = settings.database_url, settings.max_concurrent_requests
    in_memory = url in ("sqlite://", "sqlite:///:memory:")  # one connection, no pool to size
    pool = {"pool_size": per_worker, "max_overflow": per_worker, "pool_timeout": 2}
    return make_engine(
        url, statement_timeout_ms=settings.statement_timeout_ms, **({} if in_memory else pool)
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="On the Record",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=_operation_id,
        dependencies=[Depends(reject_unknown_parameters)],
        openapi_tags=TAGS,
        docs_url=None,  # served offline by app.web
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.session_factory = make_session_factory(api_engine(settings), read_only=True)
    install_error_handlers(app)
    amend_openapi(app)
    install_limits(app, settings)
    app.add_middleware(ETagMiddleware)
    # Level 5, not Starlette's 9: a 16 KB page comes out 2% larger for ~20% less CPU.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["ETag", "Link"],
    )
    app.add_middleware(HeadAsGet)
    for module in (quotes, documents, speakers, topics, events, health):
        app.include_router(module.router)
    install_web(app)
    return app
