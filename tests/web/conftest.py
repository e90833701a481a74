"""A live server over the seeded database and a real headless Chromium from the system's
packages, driven by Playwright. No browser is downloaded: without /usr/bin/chromium the
browser tests skip locally and fail when CI is set (`.ci/run` installs it)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import Engine

from app.main import create_app
from app.settings import Settings
from tests.live import serving

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the browser tests cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def live_server(seeded_engine: Engine) -> Iterator[str]:
    """The app served by uvicorn on a free local port, reading the seeded database."""
    app = create_app(Settings(database_url=seeded_engine.url.render_as_string(False)))
    with serving(app) as base:
        yield base


@dataclass
class Network:
    """Every request the page tried to send off this machine (all of them were refused)."""

    refused: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)  # CSP violations show up here


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def network() -> Network:
    return Network()


@pytest.fixture
def page(chromium: Any, network: Network) -> Iterator[Any]:
    """A fresh browser tab in which every request to another host is refused and recorded."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})

    def guard(route: Any) -> None:
        host = urlsplit(route.request.url).hostname or ""
        scheme = urlsplit(route.request.url).scheme
        if scheme in ("data", "blob") or host in LOCAL_HOSTS:
            route.continue_()
        else:
            network.refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            network.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
