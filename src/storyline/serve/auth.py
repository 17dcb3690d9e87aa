"""Who is asking: passwords, browser sessions with their form token (CSRF), API tokens.

- Passwords are hashed with argon2id (argon2-cffi's defaults); only the hash is stored.
- A session is a random 32-byte value in an HttpOnly, SameSite=Lax cookie (Secure over https);
  the store keeps its SHA-256 and a second random value, the form token, that every form and
  every script's unsafe request must send back (a field ``csrf`` or the header ``X-CSRF-Token``).
  A page from another site can make the browser send the cookie, but cannot read the token.
- An API token (``sl_<id>_<secret>``) is sent as ``Authorization: Bearer ...`` by scripts;
  no cookie is involved, so no form token either. Its SHA-256 is stored; it is shown once.
- Who a token or a session is, is remembered for :data:`RECALL` seconds (a request then asks
  the database nothing); every change made here (sign-out, a revoked token, an account changed)
  forgets it at once; one made by another process takes effect within RECALL seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storyline.store.desk import ROLES, STAMP, Account, Desk

__all__ = ["LOGIN_COOKIE", "RECALL", "SESSION_COOKIE", "UNKNOWN", "Auth", "digest"]

SESSION_COOKIE = "storyline_session"
LOGIN_COOKIE = "storyline_login"  # the login form's own token (login CSRF), before any session
SESSION_DAYS = 14
RECALL = 1.0
UNKNOWN = object()  # what :meth:`Auth.recalled` gives when it would have to ask the database
_RECALLED_AT_MOST = 10_000  # distinct tokens and sessions remembered before starting afresh


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class Auth:
    """Accounts, sessions and tokens over the store's desk."""

    def __init__(self, desk: Desk, hasher: PasswordHasher | None = None):
        self.desk = desk
        # argon2-cffi's defaults (RFC 9106's low-memory profile); tests pass cheaper parameters.
        self.hasher = hasher or PasswordHasher()
        self._dummy: str | None = None
        self._recalled: dict[tuple[str, str], tuple[float, object]] = {}

    def _recall(self, key: tuple[str, str], ask: Callable[[], object] | None) -> object:
        found = self._recalled.get(key)
        if found is not None and time.monotonic() - found[0] < RECALL:
            return found[1]
        if ask is None:
            return UNKNOWN
        value = ask()
        if len(self._recalled) >= _RECALLED_AT_MOST:
            self._recalled.clear()
        self._recalled[key] = (time.monotonic(), value)
        return value

    def forget(self) -> None:
        """Forget who tokens and sessions are: an account, a token or a session has changed."""
        self._recalled.clear()

    def _unknown(self) -> str:
        """A hash checked when a name is unknown, so a wrong name costs what a wrong password does."""
        if self._dummy is None:
            self._dummy = self.hasher.hash("storyline: no such account")
        return self._dummy

    def add_account(self, name: str, password: str, role: str) -> Account:
        name = name.strip()
        if not name or len(name) > 64 or any(ch.isspace() for ch in name):
            raise ValueError("an account name is 1 to 64 characters without spaces")
        if role not in ROLES:
            raise ValueError(f"role must be one of: {', '.join(ROLES)}")
        if len(password) < 10:
            raise ValueError("a password has at least 10 characters")
        if self.desk.account(name) is not None:
            raise ValueError(f"an account named {name!r} exists already")
        return self.desk.add_account(name, self.hasher.hash(password), role)

    def set_password(self, name: str, password: str) -> None:
        if len(password) < 10:
            raise ValueError("a password has at least 10 characters")
        self.update_account(name, password=self.hasher.hash(password))

    def update_account(self, name: str, **values: object) -> None:
        """Change an account (``role``, ``disabled``, ``password`` hash); its tokens and sessions
        answer for the changed account from the next request on."""
        self.desk.update_account(name, **values)
        self.forget()

    def check_password(self, name: str, password: str) -> Account | None:
        account = self.desk.account(name)
        try:
            self.hasher.verify(account.password if account else self._unknown(), password)
        except (VerificationError, InvalidHashError):
            return None
        if account is None or account.disabled:
            return None
        if self.hasher.check_needs_rehash(account.password):
            self.update_account(name, password=self.hasher.hash(password))
        return account

    def start_session(self, account: Account) -> tuple[str, str]:
        """A new session for ``account``: (cookie value, form token)."""
        value, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = (datetime.now(UTC) + timedelta(days=SESSION_DAYS)).strftime(STAMP)
        self.desk.add_session(digest(value), account.name, csrf, expires)
        return value, csrf

    def end_session(self, cookie: str | None) -> None:
        if cookie:
            self.desk.drop_session(digest(cookie))
            self.forget()

    def drop_token(self, token_id: str, account: str) -> bool:
        """Revoke one of ``account``'s tokens; it is refused from the next request on."""
        dropped = self.desk.drop_token(token_id, account)
        self.forget()
        return dropped

    def new_token(self, account: Account, label: str) -> str:
        """A new API token for ``account``; the only time its value is seen."""
        token_id = secrets.token_hex(6)
        value = f"sl_{token_id}_{secrets.token_urlsafe(32)}"
        self.desk.add_token(token_id, account.name, digest(value), label.strip()[:80] or "token")
        return value

    def recalled(self, header: str | None, cookie: str | None, *, ask: bool = False) -> object:
        """Who an ``Authorization`` header (when given) or else a session cookie is: an Account
        for a token, (Account, form token) for a session, None for neither; :data:`UNKNOWN` when
        that is not remembered from less than RECALL seconds ago and ``ask`` is false (the
        caller may then ask, with ``ask=True``, where waiting on the database is allowed)."""
        if header is not None:
            if not header.lower().startswith("bearer "):
                return None
            key = digest(header[7:].strip())
            return self._recall(("token", key), (lambda: self.desk.token_account(key)) if ask else None)
        if not cookie:
            return None
        key = digest(cookie)
        return self._recall(("session", key), (lambda: self.desk.session(key)) if ask else None)
