"""Who is asking: passwords, browser sessions with their form token (CSRF), API tokens.

- Passwords are hashed with argon2id (argon2-cffi's defaults); only the hash is stored.
- A session is a random 32-byte value in an HttpOnly, SameSite=Lax cookie (Secure over https);
  the store keeps its SHA-256 and a second random value, the form token, that every form and
  every script's unsafe request must send back (a field ``csrf`` or the header ``X-CSRF-Token``).
  A page from another site can make the browser send the cookie, but cannot read the token.
- An API token (``sl_<id>_<secret>``) is sent as ``Authorization: Bearer ...`` by scripts;
  no cookie is involved, so no form token either. Its SHA-256 is stored; it is shown once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storyline.store.desk import ROLES, Account, Desk

__all__ = ["LOGIN_COOKIE", "SESSION_COOKIE", "Auth", "digest"]

SESSION_COOKIE = "storyline_session"
LOGIN_COOKIE = "storyline_login"  # the login form's own token (login CSRF), before any session
SESSION_DAYS = 14


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
        self.desk.update_account(name, password=self.hasher.hash(password))

    def check_password(self, name: str, password: str) -> Account | None:
        account = self.desk.account(name)
        try:
            self.hasher.verify(account.password if account else self._unknown(), password)
        except (VerificationError, InvalidHashError):
            return None
        if account is None or account.disabled:
            return None
        if self.hasher.check_needs_rehash(account.password):
            self.desk.update_account(name, password=self.hasher.hash(password))
        return account

    def start_session(self, account: Account) -> tuple[str, str]:
        """A new session for ``account``: (cookie value, form token)."""
        value, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = (datetime.now(UTC) + timedelta(days=SESSION_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.desk.add_session(digest(value), account.name, csrf, expires)
        return value, csrf

    def session(self, cookie: str | None) -> tuple[Account, str] | None:
        return self.desk.session(digest(cookie)) if cookie else None

    def end_session(self, cookie: str | None) -> None:
        if cookie:
            self.desk.drop_session(digest(cookie))

    def new_token(self, account: Account, label: str) -> str:
        """A new API token for ``account``; the only time its value is seen."""
        token_id = secrets.token_hex(6)
        value = f"sl_{token_id}_{secrets.token_urlsafe(32)}"
        self.desk.add_token(token_id, account.name, digest(value), label.strip()[:80] or "token")
        return value

    def token(self, header: str | None) -> Account | None:
        """The account of an ``Authorization: Bearer`` header, or None."""
        if not header or not header.lower().startswith("bearer "):
            return None
        return self.desk.token_account(digest(header[7:].strip()))
