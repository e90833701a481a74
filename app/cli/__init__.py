"""The `ontherecord` command line: top-level commands in `main`, corrections beside them."""

from app.cli.main import app

__all__ = ["app"]
