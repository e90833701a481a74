"""The journalists' front door: server-rendered pages over the same services as the API.

Imports flow `web -> services -> db`, like `api`; pages never run SQL of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web import feed, pages, search, verification
from app.web.docs import docs_router, mount_docs_assets
from app.web.policy import SameOriginPolicy
from app.web.templating import STATIC_DIR


def install_web(app: FastAPI, dependencies: Sequence[Any] = ()) -> None:
    """The search page, reading pages, the Atom feed, offline /docs and /redoc, static files.

    The app must be created with `docs_url=None, redoc_url=None`: these routes replace them.
    `dependencies` guard the pages that show the archive (an API key when reads are closed);
    the docs stay open, so a client can find out how to authenticate.
    """
    for module in (search, pages, verification, feed):
        app.include_router(module.router, dependencies=list(dependencies))
    app.include_router(docs_router(app))
    app.mount("/static/web", StaticFiles(directory=STATIC_DIR), name="web-assets")
    mount_docs_assets(app)
    app.add_middleware(SameOriginPolicy)
