"""Configuration: one settings class, read from the environment (and a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def normalise_database_url(url: str) -> str:
    """Accept URLs as users write them: `postgres://` and `postgresql://` both mean psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Settings(BaseSettings):
    """Everything the service and the CLI read from the environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///ontherecord.db"
    max_document_bytes: int = 5_000_000
    cors_origins: list[str] = ["*"]
    directory_path: str | None = None

    # Request limits: what one request may ask of the service (issue 15). Each bound is far
    # above what a journalist's search needs and far below what takes the service down.
    max_url_length: int = 8_192  # bytes of path + query string; longer is a 414
    max_parameter_repeats: int = 50  # `topic=` or `speaker=` given more often is a 400
    statement_timeout_ms: int = 1_500  # per SQL statement of a read (GET, HEAD); writes are not
    request_timeout_ms: int = 1_000  # a request's SQL is stopped if no answer has started by then
    max_concurrent_requests: int = 8  # requests in flight per worker before answering 503
    # Threads per worker running requests' database work. Few: they share one GIL, and 40
    # (anyio's default) spent the CPU handing it over (`BENCHMARKS.md`, fifth round).
    request_threads: int = 4
    retry_after_seconds: int = 2  # the Retry-After sent with a 503
    # Where clients reach the service (`https://api.example.org`): links (`next_url`, `Link`)
    # are built on it, never on the request's Host header, which any client can forge.
    public_base_url: str | None = None
    # The write API (issue 14). Writes always need a write key; with READS_REQUIRE_KEY=true
    # every read of the JSON API needs a key too (any valid one, read-only included).
    reads_require_key: bool = False
    write_timeout_ms: int = 60_000  # per statement or lock wait of a write through the API

    @field_validator("database_url")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("public_base_url")
    @classmethod
    def _an_origin(cls, value: str | None) -> str | None:
        """Refused at start, not at the first request: `https://host[:port]`, nothing more."""
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
            raise ValueError(
                f"PUBLIC_BASE_URL must be an origin such as https://api.example.org, not {value!r}"
            )
        return f"{parts.scheme}://{parts.netloc}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
