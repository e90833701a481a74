"""Keys for the write API's tests, made the way `ontherecord keys create` makes them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.auth.store import create_key, revoke_key


@dataclass(frozen=True)
class Keys:
    write: str
    read: str
    revoked: str

    @staticmethod
    def header(key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}

    @property
    def writer(self) -> dict[str, str]:
        return self.header(self.write)


def make_keys(factory: sessionmaker[Session]) -> Keys:
    with factory() as session, session.begin():
        _, write = create_key(session, "desk", "write")
        _, read = create_key(session, "site", "read")
        _, revoked = create_key(session, "old-desk", "write")
        revoke_key(session, "old-desk")
    return Keys(write, read, revoked)
