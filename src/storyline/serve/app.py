"""The FastAPI application: security headers, who is asking, and the two route sets (pages and
the JSON API, :mod:`storyline.serve.pages` and :mod:`storyline.serve.http_api`)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from storyline import __version__
from storyline.core.options import AnalysisOptions
from storyline.serve.auth import SESSION_COOKIE, UNKNOWN, same
from storyline.serve.workspace import Workspace
from storyline.store.desk import Account

__all__ = ["CSP", "SWITCH_INTERVAL", "Caller", "create_app"]

SWITCH_INTERVAL = 0.001  # seconds; sys.setswitchinterval while the app runs

# No inline script or style, no other origin, no framing; forms post only here.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")  # fmt: skip
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every response (an ASGI middleware: Starlette's
    ``BaseHTTPMiddleware`` would cost more than a fact page does)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in {**_HEADERS, "Cache-Control": "no-store"}.items()]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [(k, v) for k, v in self.headers if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass(frozen=True)
class Caller:
    """The signed-in account and how it came: a session (with its form token) or an API token."""

    account: Account
    csrf: str | None  # None for an API token

    def require(self, role: str) -> None:
        if not self.account.can(role):
            raise HTTPException(403, f"this needs the {role} role; ask an admin")


class LoginRequired(Exception):
    """A page asked for by nobody signed in: answered with a redirect to the login page."""


def create_app(
    db: str, *, options: AnalysisOptions | None = None, workers: int = 1, nlp_factory: Any = None, hasher: Any = None,
    fetcher: Any = None, watch_every: float = 30.0,
) -> FastAPI:
    """The workspace app over the database ``db`` (path or URL). ``nlp_factory`` makes the spaCy
    pipeline for the job workers (default: the one ``options`` names); ``hasher`` is the argon2
    ``PasswordHasher`` (default: argon2-cffi's parameters); ``fetcher(url) -> Fetched`` fetches
    the URLs users add (default: :func:`storyline.ingest.fetch.fetch`, with its SSRF checks);
    watched feeds are looked at every ``watch_every`` seconds (0: only when told, for tests)."""
    options = (options or AnalysisOptions()).with_(manifest_paths="confined")  # an upload reads only its own files
    space = Workspace(db, options, workers=workers, nlp_factory=nlp_factory, hasher=hasher,
                      fetcher=fetcher, watch_every=watch_every)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # A view rebuild is CPU work on a thread of this interpreter: with the default 5 ms
        # switch interval, each time the event loop gives up the GIL (at every socket call) it
        # may wait that long to get it back, several times per request.
        switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        space.start()
        try:
            yield
        finally:
            space.close()
            sys.setswitchinterval(switch)

    # The OpenAPI schema is served; its Swagger page is not (it loads script from a CDN).
    app = FastAPI(title="storyline", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")  # fmt: skip
    app.state.space = space

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        from storyline.serve.pages import error_page

        return error_page(request, exc.status_code, str(exc.detail))

    @app.get("/vocab.css", include_in_schema=False)
    def vocab() -> Response:
        from storyline.present.report import vocab_css

        return Response(vocab_css(), media_type="text/css")

    static = resources.files("storyline.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    from storyline.serve import http_api, pages

    app.include_router(http_api.router)
    app.include_router(pages.router)
    return app


def space_of(request: Request) -> Workspace:
    return request.app.state.space


def caller(request: Request, *, ask: bool = True) -> Caller | None | object:
    """Who is asking: an API token, else a session cookie; None when neither is valid
    (``ask=False``: :data:`UNKNOWN` when finding out needs the database)."""
    found = space_of(request).auth.recalled(request.headers.get("authorization"), request.cookies.get(SESSION_COOKIE), ask=ask)
    if found is UNKNOWN or found is None:
        return found
    return Caller(*found) if isinstance(found, tuple) else Caller(found, None)


async def api_caller(request: Request) -> Caller:
    """The API's dependency: 401 without a valid token or session; a session's unsafe request
    must carry its form token in ``X-CSRF-Token``. Answered on the event loop when who it is is
    remembered; asked of the database on a thread otherwise."""
    who = caller(request, ask=False)
    if who is UNKNOWN:
        who = await run_in_threadpool(caller, request)
    if who is None:
        raise HTTPException(401, "sign in, or send an API token as 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
    unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
    if who.csrf is not None and unsafe and not same(request.headers.get("x-csrf-token"), who.csrf):
        raise HTTPException(403, "missing or wrong X-CSRF-Token header (the page's form token)")
    return who


def page_caller(request: Request) -> Caller:
    """The pages' dependency: the login page for nobody signed in (forms check their token)."""
    who = caller(request)
    if who is None:
        raise LoginRequired
    assert isinstance(who, Caller)
    return who


def check_form(who: Caller, token: str | None) -> None:
    """A form's token must be the session's (CSRF)."""
    if who.csrf is not None and not same(token, who.csrf):
        raise HTTPException(403, "the form is out of date or not from this site: reload the page and try again")
