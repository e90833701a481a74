"""The statement limits as the web layer sees them: a request's cancel handle, and whether an
error means "stopped for taking too long" (a 503) rather than a fault (a 500).

The mechanism lives with the engine (`app.db.limits`); the API reaches the database only
through services, so it takes these names from here.
"""

from __future__ import annotations

from app.db.limits import RequestCancel, RequestCancelled, current_cancel, is_cancelled_statement

__all__ = ["RequestCancel", "RequestCancelled", "current_cancel", "is_cancelled_statement"]
