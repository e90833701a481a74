"""Domain errors: what went wrong, in words a user can act on. No web framework here.

Each error carries the HTTP status and the stable code (the problem `type`) it is answered
with; `app.api.problems` turns it into the one error body.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """A domain error that knows its HTTP status and a stable code (the problem `type`)."""

    status = 400
    code = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.extra: dict[str, Any] = {}  # more members of the problem body (`report`)
        self.links: dict[str, str] = {}  # relation -> path, sent as the `Link` header
        self.headers: dict[str, str] = {}  # sent with the problem (`WWW-Authenticate`)


class NotFound(AppError):
    status = 404
    code = "not-found"
    title = "Not found"


class Gone(NotFound):
    """It existed and was withdrawn: a quote a later revision of its document no longer holds.
    A NotFound too, so readers that only ask "is it there?" need not tell the two apart."""

    status = 410
    code = "gone"
    title = "Gone"


class BadQuery(AppError):
    status = 400
    code = "bad-query"
    title = "Bad query"


class SchemaBehind(AppError):
    """The database is not at the schema this version needs: `ontherecord migrate` fixes it."""

    status = 503
    code = "schema-behind"
    title = "Database schema out of date"


class UnknownParameter(AppError):
    status = 400
    code = "unknown-parameter"
    title = "Unknown parameter"


class Unauthorized(AppError):
    """No API key, or one that is wrong or revoked. `WWW-Authenticate` tells clients how to
    authenticate (RFC 9110 11.6.1); `invalid_token` when a key was sent but not accepted."""

    status = 401
    code = "unauthorized"
    title = "API key required"

    def __init__(self, detail: str, key_sent: bool = False) -> None:
        super().__init__(detail)
        challenge = 'Bearer realm="ontherecord"'
        self.headers = {
            "WWW-Authenticate": challenge + (', error="invalid_token"' if key_sent else "")
        }


class Forbidden(AppError):
    """A valid key without the right: a read-only key on a write."""

    status = 403
    code = "forbidden"
    title = "Not allowed with this key"


class InvalidCorrection(AppError):
    """A correction that cannot be made as asked (merging something into itself)."""

    status = 422
    code = "invalid-correction"
    title = "Invalid correction"


class DocumentRejected(AppError):
    """An upload that could not become a document; `detail` names the file and the reason."""

    status = 422
    code = "document-rejected"
    title = "Document not ingested"


class TooLarge(AppError):
    status = 413
    code = "too-large"
    title = "Request too large"


class UnsupportedType(AppError):
    status = 415
    code = "unsupported-media-type"
    title = "Unsupported media type"
