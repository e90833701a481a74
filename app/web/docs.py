"""Swagger UI and ReDoc served from the package, with no third-party host.

The assets come from the `fastapi-offline` distribution on PyPI (MIT; it ships Swagger UI's
and ReDoc's own files, whose licences are Apache-2.0 and MIT), mounted at /static/docs.
FastAPI's defaults load them from a CDN, which leaves /docs blank on a network without one.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_ASSETS = Path(str(files("fastapi_offline") / "static"))
ASSETS_URL = "/static/docs"

# Swagger UI settings: no validator badge (it calls validator.swagger.io), parameters
# editable at once, the JSON examples shown rather than the schema, operations filterable.
SWAGGER_PARAMETERS = {
    "validatorUrl": None,
    "tryItOutEnabled": True,
    "defaultModelRendering": "example",
    "defaultModelsExpandDepth": 0,
    "displayRequestDuration": True,
    "filter": True,
    "persistAuthorization": False,
}


def docs_router(app: FastAPI) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    title = app.title

    @router.get("/docs", response_class=HTMLResponse)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{title} — API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_ui_parameters=SWAGGER_PARAMETERS,
        )

    @router.get("/docs/oauth2-redirect", response_class=HTMLResponse)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @router.get("/redoc", response_class=HTMLResponse)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{title} — API reference",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )

    return router


def mount_docs_assets(app: FastAPI) -> None:
    app.mount(ASSETS_URL, StaticFiles(directory=DOCS_ASSETS), name="docs-assets")
