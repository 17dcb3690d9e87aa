"""The workspace's own rows: accounts, API tokens, browser sessions, analysis jobs, watched feeds.

``storyline serve`` keeps these beside the story in the same database (tables declared in
:mod:`storyline.store.tables`, created by migration 0012). This module stores and finds rows; it
never sees a secret: callers hash passwords (argon2) and hand over the SHA-256 digest of a
session or token value. Get one with ``store.desk``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from storyline.store.tables import accounts, api_tokens, feeds, jobs, sessions

__all__ = ["ENDED", "OPEN", "ROLES", "STAMP", "Account", "Desk", "Job", "now"]

ROLES = ("reader", "editor", "admin")
"""Roles, least first: a reader reads, an editor also adds articles and reviews, an admin also
manages accounts."""
STAMP = "%Y-%m-%dT%H:%M:%SZ"  # the desk's times: UTC, to the second
OPEN = ("queued", "running")  # a job's states before it ends
ENDED = ("done", "failed", "cancelled")


def now() -> str:
    """The time as the desk stores it: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).strftime(STAMP)


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    created: str
    disabled: bool
    password: str  # the argon2 hash

    def can(self, role: str) -> bool:
        """Whether this account has ``role`` or a higher one."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Job:
    id: str
    story: str
    account: str | None
    label: str
    state: str
    created: str
    finished: str | None
    done: int
    total: int
    message: str
    summary: dict | None

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


Transaction = Callable[..., AbstractContextManager[sa.Connection]]


class Desk:
    """Rows of the workspace tables, each call in its own transaction."""

    def __init__(self, tx: Transaction):
        self._tx = tx

    # -- accounts ---------------------------------------------------------------------------

    def add_account(self, name: str, password_hash: str, role: str) -> Account:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        row = {"name": name, "password": password_hash, "role": role, "created": now(), "disabled": False}
        with self._tx(write=True) as conn:
            conn.execute(accounts.insert().values(**row))
        return Account(**row)

    def account(self, name: str) -> Account | None:
        with self._tx() as conn:
            row = conn.execute(sa.select(accounts).where(accounts.c.name == name)).mappings().first()
        return Account(**row) if row else None

    def accounts(self) -> list[Account]:
        with self._tx() as conn:
            return [Account(**r) for r in conn.execute(sa.select(accounts).order_by(accounts.c.name)).mappings()]

    def update_account(self, name: str, **values: Any) -> None:
        """Change ``role``, ``password`` (a hash) or ``disabled``; a disabled account's sessions end."""
        with self._tx(write=True) as conn:
            conn.execute(accounts.update().where(accounts.c.name == name).values(**values))
            if values.get("disabled") or "password" in values:
                conn.execute(sessions.delete().where(sessions.c.account == name))

    def has_admin(self) -> bool:
        with self._tx() as conn:
            q = sa.select(sa.func.count()).select_from(accounts).where(accounts.c.role == "admin", ~accounts.c.disabled)
            return conn.execute(q).scalar_one() > 0

    # -- sessions and tokens ------------------------------------------------------------------

    def add_session(self, digest: str, account: str, csrf: str, expires: str) -> None:
        with self._tx(write=True) as conn:
            conn.execute(sessions.delete().where(sessions.c.expires < now()))
            conn.execute(sessions.insert().values(digest=digest, account=account, csrf=csrf, created=now(), expires=expires))

    def session(self, digest: str) -> tuple[Account, str] | None:
        """The account and form token of a live session, or None (unknown, expired, disabled)."""
        q = (sa.select(accounts, sessions.c.csrf).join(sessions, sessions.c.account == accounts.c.name)
             .where(sessions.c.digest == digest, sessions.c.expires > now(), ~accounts.c.disabled))  # fmt: skip
        with self._tx() as conn:
            row = conn.execute(q).mappings().first()
        if row is None:
            return None
        row = dict(row)
        csrf = row.pop("csrf")
        return Account(**row), csrf

    def drop_session(self, digest: str) -> None:
        with self._tx(write=True) as conn:
            conn.execute(sessions.delete().where(sessions.c.digest == digest))

    def add_token(self, token_id: str, account: str, digest: str, label: str) -> None:
        with self._tx(write=True) as conn:
            conn.execute(api_tokens.insert().values(id=token_id, account=account, digest=digest, label=label, created=now()))

    def token_account(self, digest: str) -> Account | None:
        q = (sa.select(accounts).join(api_tokens, api_tokens.c.account == accounts.c.name)
             .where(api_tokens.c.digest == digest, ~accounts.c.disabled))  # fmt: skip
        with self._tx() as conn:
            row = conn.execute(q).mappings().first()
        return Account(**row) if row else None

    def tokens(self, account: str) -> list[dict[str, Any]]:
        q = sa.select(api_tokens.c.id, api_tokens.c.label, api_tokens.c.created).where(api_tokens.c.account == account)
        with self._tx() as conn:
            return [dict(r) for r in conn.execute(q.order_by(api_tokens.c.created)).mappings()]

    def drop_token(self, token_id: str, account: str) -> bool:
        with self._tx(write=True) as conn:
            q = api_tokens.delete().where(api_tokens.c.id == token_id, api_tokens.c.account == account)
            return conn.execute(q).rowcount > 0

    # -- jobs ---------------------------------------------------------------------------------

    def add_job(self, job_id: str, story: str, account: str | None, label: str, total: int) -> Job:
        row = {"id": job_id, "story": story, "account": account, "label": label, "state": "queued", "created": now(),
               "finished": None, "done": 0, "total": total, "message": "", "summary": None}  # fmt: skip
        with self._tx(write=True) as conn:
            conn.execute(jobs.insert().values(**row))
        return Job(**row)

    def update_job(self, job_id: str, **values: Any) -> None:
        if values.get("state") in ENDED:
            values.setdefault("finished", now())
        with self._tx(write=True) as conn:
            conn.execute(jobs.update().where(jobs.c.id == job_id).values(**values))

    def job(self, job_id: str) -> Job | None:
        with self._tx() as conn:
            row = conn.execute(sa.select(jobs).where(jobs.c.id == job_id)).mappings().first()
        return Job(**row) if row else None

    def jobs(self, story: str | None = None, limit: int = 50) -> list[Job]:
        q = sa.select(jobs).order_by(jobs.c.created.desc(), jobs.c.id).limit(limit)
        if story is not None:
            q = q.where(jobs.c.story == story)
        with self._tx() as conn:
            return [Job(**r) for r in conn.execute(q).mappings()]

    def interrupt_jobs(self, message: str) -> int:
        """Mark every job not ended as failed (a server stopped with them queued or running)."""
        with self._tx(write=True) as conn:
            q = jobs.update().where(jobs.c.state.in_(OPEN)).values(state="failed", message=message,
                                                                                   finished=now())
            return conn.execute(q).rowcount


    # -- watched feeds ------------------------------------------------------------------------

    def add_feed(self, feed_id: str, story: str, url: str, minutes: int, account: str | None) -> dict[str, Any]:
        row = {"id": feed_id, "story": story, "url": url, "minutes": minutes, "account": account, "created": now(),
               "checked": None, "job": None}  # fmt: skip
        with self._tx(write=True) as conn:
            conn.execute(feeds.insert().values(**row))
        return row

    def feeds(self, story: str | None = None) -> list[dict[str, Any]]:
        q = sa.select(feeds).order_by(feeds.c.created, feeds.c.id)
        if story is not None:
            q = q.where(feeds.c.story == story)
        with self._tx() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def checked_feed(self, feed_id: str, at: str, job: str) -> None:
        with self._tx(write=True) as conn:
            conn.execute(feeds.update().where(feeds.c.id == feed_id).values(checked=at, job=job))

    def drop_feed(self, feed_id: str, story: str) -> bool:
        with self._tx(write=True) as conn:
            return conn.execute(feeds.delete().where(feeds.c.id == feed_id, feeds.c.story == story)).rowcount > 0
