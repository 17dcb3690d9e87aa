"""The server-rendered pages. Every value goes through Jinja's autoescaping; the one script
(``static/app.js``) only follows a job's progress. Forms carry the session's form token."""

from __future__ import annotations

import ipaddress
import secrets
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyline import __version__
from storyline.core.records import StoryInfo
from storyline.present.browse import FACT_FILTERS, FACT_PAGE, FactFilter
from storyline.present.report_views import anchor
from storyline.serve.adding import add_pasted, add_uploads, add_urls
from storyline.serve.app import Caller, check_form, page_caller, space_of
from storyline.serve.auth import LOGIN_COOKIE, SESSION_COOKIE, SESSION_DAYS, same
from storyline.serve.http_api import (
    EXPORTS,
    export_response,
    job_dict,
    manage,
    open_story,
    review_fact,
    story_dict,
    story_view,
    watch_feed,
)
from storyline.serve.workspace import Workspace
from storyline.store.desk import ROLES

__all__ = ["error_page", "router"]

router = APIRouter()
Who = Annotated[Caller, Depends(page_caller)]
Token = Annotated[str, Form()]


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.serve", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )  # fmt: skip
    env.filters["q"] = lambda s: quote(str(s), safe="")
    env.globals.update(anchor=anchor, version=__version__, exports=list(EXPORTS))
    return env


def render(request: Request, template: str, who: Caller | None, status: int = 200, **context: Any) -> HTMLResponse:
    """The page ``template``; a ``story`` given as a StoryInfo is passed as its id (for URLs) and
    its name and state (for reading)."""
    if isinstance(info := context.get("story"), StoryInfo):
        context.update(story=info.id, story_name=info.name, story_archived=info.archived)
    html = _env().get_template(template).render(request=request, who=who, csrf=who.csrf if who else "", **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    from storyline.serve.app import caller

    return render(request, "error.html.j2", caller(request), status=status, status_code=status, message=message)


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _form(request: Request, who: Caller, csrf: str | None, role: str | None = None) -> Workspace:
    """The workspace for a posted form, once its token is the session's (CSRF) and, given a
    ``role``, the caller holds it."""
    check_form(who, csrf)
    if role is not None:
        who.require(role)
    return space_of(request)


def _local(request: Request) -> bool:
    """Whether the request comes from the server's own machine (a loopback peer address)."""
    try:
        return request.client is not None and ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:
        return False


def _safe_next(url: str | None) -> str:
    """Only a path on this site (no //host, no scheme) is followed after signing in."""
    return url if url and url.startswith("/") and not url.startswith("//") and "\\" not in url else "/"


# -- signing in ---------------------------------------------------------------------------------


def _signing_form(request: Request, template: str, status: int = 200, **context) -> Response:
    """A sign-in or setup form with a fresh one-use token, also set as a strict cookie: a form
    posted from another site cannot carry the cookie (login CSRF)."""
    token = secrets.token_urlsafe(24)
    response = render(request, template, None, status=status, login_token=token, **context)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _with_session(response: Response, request: Request, value: str) -> Response:
    response.set_cookie(SESSION_COOKIE, value, max_age=SESSION_DAYS * 86400, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https")  # fmt: skip
    return response


def _pager(offset: int, size: int, more: bool, link) -> dict:
    """``prev`` / ``next`` links of a paged list; ``link(offset)`` makes one."""
    return {"prev": link(max(0, offset - size)) if offset > 0 else None, "next": link(offset + size) if more else None}


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next: str = "/") -> Response:
    space = space_of(request)
    if not space.store.desk.accounts():
        return _back("/setup")
    return _signing_form(request, "login.html.j2", next=_safe_next(next), error=None)


@router.post("/login", include_in_schema=False)
def login(request: Request, name: Token, password: Token, login_token: Token, next: Annotated[str, Form()] = "/") -> Response:
    space = space_of(request)
    if not same(login_token, request.cookies.get(LOGIN_COOKIE)):
        raise HTTPException(403, "the sign-in form is out of date: reload it and try again")
    account = space.auth.check_password(name, password)
    if account is None:
        return _signing_form(request, "login.html.j2", 401, next=_safe_next(next), error="Wrong name or password.")
    value, _csrf = space.auth.start_session(account)
    response = _with_session(_back(_safe_next(next)), request, value)
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, who: Who, csrf: Token) -> Response:
    _form(request, who, csrf).auth.end_session(request.cookies.get(SESSION_COOKIE))
    response = _back("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/setup", include_in_schema=False)
def setup_form(request: Request) -> Response:
    """The first admin account, from this machine only, while there is no account at all."""
    space = space_of(request)
    if space.store.desk.accounts():
        return _back("/login")
    if not _local(request):
        raise HTTPException(403, "the first account is made from the server's own machine: storyline account add NAME --role admin")
    return _signing_form(request, "setup.html.j2", error=None)


@router.post("/setup", include_in_schema=False)
def setup(request: Request, name: Token, password: Token, login_token: Token) -> Response:
    space = space_of(request)
    if space.store.desk.accounts() or not _local(request):
        raise HTTPException(403, "accounts exist already: sign in, or ask an admin")
    if not same(login_token, request.cookies.get(LOGIN_COOKIE)):
        raise HTTPException(403, "the form is out of date: reload it and try again")
    try:
        space.auth.add_account(name, password, "admin")
    except ValueError as exc:
        return render(request, "setup.html.j2", None, status=400, login_token=login_token, error=str(exc))
    return _back("/login")


# -- the story's pages ----------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
def home(request: Request, who: Who) -> Response:
    active = space_of(request).stories(archived=False)
    return _back(f"/stories/{quote(active[0].id, safe='')}" if len(active) == 1 else "/stories")


@router.get("/stories", include_in_schema=False)
def stories(request: Request, who: Who) -> Response:
    items = [story_dict(s) for s in space_of(request).stories()]
    return render(request, "stories.html.j2", who, stories=items, error=None)


@router.post("/stories", include_in_schema=False)
def create_story(request: Request, who: Who, csrf: Token, name: Token) -> Response:
    info = manage(_form(request, who, csrf, "editor"), create=name)
    return _back(f"/stories/{quote(info.id, safe='')}")


@router.post("/stories/{story}/settings", include_in_schema=False)
def change_story(request: Request, story: str, who: Who, csrf: Token, name: Token = "", archived: Token = "") -> Response:
    """Rename a story (a new ``name``) or archive / unarchive it (``archived`` "1" / "0")."""
    info = manage(_form(request, who, csrf, "editor"), story=story, rename=name.strip() or None,
                  archived={"1": True, "0": False}.get(archived))  # fmt: skip
    return _back(f"/stories/{quote(info.id, safe='')}")


@router.get("/stories/{story}", include_in_schema=False)
def brief(request: Request, story: str, who: Who) -> Response:
    info, view, attached = space_of(request).prepare(story)
    return render(request, "brief.html.j2", who, story=info, brief=view.brief(attached), timeline=view.timeline()[:200],
                  jobs=space_of(request).store.desk.jobs(info.id, 5))  # fmt: skip


@router.get("/stories/{story}/facts", include_in_schema=False)
def facts(request: Request, story: str, who: Who, offset: int = 0) -> Response:
    info, view, attached = space_of(request).prepare(story)
    given = {k: v for k in FACT_FILTERS if (v := request.query_params.get(k, "").strip())}
    result = view.facts_page(FactFilter(**given), offset, 50, attached)
    pages = _pager(offset, 50, offset + 50 < result["total"], lambda at: f"?{urlencode({**given, 'offset': at})}")
    return render(request, "facts.html.j2", who, story=info, result=result, given={k: given.get(k, "") for k in FACT_FILTERS},
                  choices=view.choices(), **pages)  # fmt: skip


@router.get("/stories/{story}/facts/{fact_id}", include_in_schema=False)
def fact(request: Request, story: str, fact_id: str, who: Who, offset: int = Query(0, ge=0)) -> Response:
    info, view, attached = space_of(request).prepare(story)
    found = view.fact(fact_id, attached, offset, FACT_PAGE)
    if found is None:
        raise HTTPException(404, "no such fact in this story (the story may have changed since the link was made)")
    return render(request, "fact.html.j2", who, story=info, fact=found, verdicts=view.choices()["review"][:-1],
                  **_pager(offset, FACT_PAGE, found["more"], lambda at: f"?offset={at}"))  # fmt: skip


@router.post("/stories/{story}/facts/{fact_id}/review", include_in_schema=False)
def review(request: Request, story: str, fact_id: str, who: Who, csrf: Token, verdict: Token, note: Token = "") -> Response:
    review_fact(_form(request, who, csrf), story, fact_id, who, verdict, note)
    return _back(f"/stories/{quote(story, safe='')}/facts/{quote(fact_id, safe='')}#review")


@router.get("/stories/{story}/people", include_in_schema=False)
def people(request: Request, story: str, who: Who) -> Response:
    info, view = story_view(request, story)
    return render(request, "people.html.j2", who, story=info, people=view.people_list())


@router.get("/stories/{story}/outlets", include_in_schema=False)
def outlets(request: Request, story: str, who: Who) -> Response:
    info, view = story_view(request, story)
    return render(request, "outlets.html.j2", who, story=info, outlets=view.outlets_list())


@router.get("/stories/{story}/articles", include_in_schema=False)
def articles(request: Request, story: str, who: Who, offset: int = 0, outlet: str | None = None) -> Response:
    info, view = story_view(request, story)
    result = view.articles_page(offset, 50, outlet)
    keep = {"outlet": outlet} if outlet else {}
    pages = _pager(offset, 50, offset + 50 < result["total"], lambda at: f"?{urlencode({**keep, 'offset': at})}")
    return render(request, "articles.html.j2", who, story=info, result=result, outlet=outlet, **pages)


@router.get("/stories/{story}/articles/{article_id:path}", include_in_schema=False)
def article(request: Request, story: str, article_id: str, who: Who, claim: str | None = None) -> Response:
    info, view = story_view(request, story)
    found = view.article(article_id, claim)
    if found is None:
        raise HTTPException(404, "no such article in this story")
    return render(request, "article.html.j2", who, story=info, article=found)


@router.get("/stories/{story}/download/{fmt}", include_in_schema=False)
def download(request: Request, story: str, fmt: str, who: Who) -> Response:
    return export_response(space_of(request), story, fmt)


# -- adding articles and jobs ---------------------------------------------------------------------


@router.get("/stories/{story}/add", include_in_schema=False)
def add_form(request: Request, story: str, who: Who) -> Response:
    who.require("editor")
    space = space_of(request)
    info = open_story(space, story)
    return render(request, "add.html.j2", who, story=info, jobs=[job_dict(space, j) for j in space.store.desk.jobs(info.id, 20)],
                  feeds=space.store.desk.feeds(info.id))  # fmt: skip


@router.post("/stories/{story}/feeds", include_in_schema=False)
def add_feed(request: Request, story: str, who: Who, csrf: Token, url: Token, minutes: Annotated[int, Form()] = 60) -> Response:
    watch_feed(_form(request, who, csrf), story, who, url, minutes)
    return _back(f"/stories/{quote(story, safe='')}/add#feeds")


@router.post("/stories/{story}/feeds/{feed_id}/remove", include_in_schema=False)
def remove_feed(request: Request, story: str, feed_id: str, who: Who, csrf: Token) -> Response:
    space = _form(request, who, csrf, "editor")
    space.store.desk.drop_feed(feed_id, space.story(story).id)
    return _back(f"/stories/{quote(story, safe='')}/add#feeds")


@router.post("/stories/{story}/add/upload", include_in_schema=False)
async def add_upload(request: Request, story: str, who: Who, csrf: Token, files: Annotated[list[UploadFile], File()]) -> Response:
    space = _form(request, who, csrf, "editor")
    job = await add_uploads(space, open_story(space, story).id, who, files)
    return _back(f"/jobs/{job.id}")


@router.post("/stories/{story}/add/paste", include_in_schema=False)
def add_paste(request: Request, story: str, who: Who, csrf: Token, text: Token, outlet: Token = "", published: Token = "",
              title: Token = "", url: Token = "") -> Response:  # fmt: skip
    space = _form(request, who, csrf, "editor")
    meta = {"outlet": outlet, "published": published, "title": title, "url": url}
    job = add_pasted(space, open_story(space, story).id, who, text, meta)
    return _back(f"/jobs/{job.id}")


@router.post("/stories/{story}/add/urls", include_in_schema=False)
def add_addresses(request: Request, story: str, who: Who, csrf: Token, urls: Token) -> Response:
    space = _form(request, who, csrf, "editor")
    job = add_urls(space, open_story(space, story).id, who, urls.splitlines())
    return _back(f"/jobs/{job.id}")


@router.get("/jobs/{job_id}", include_in_schema=False)
def job(request: Request, job_id: str, who: Who) -> Response:
    space = space_of(request)
    found = space.store.desk.job(job_id)
    if found is None:
        raise HTTPException(404, "no such job")
    return render(request, "job.html.j2", who, job=job_dict(space, found), story=space.story(found.story))


@router.post("/jobs/{job_id}/cancel", include_in_schema=False)
def cancel(request: Request, job_id: str, who: Who, csrf: Token) -> Response:
    space = _form(request, who, csrf, "editor")
    space.runner.cancel(space.store, job_id)
    return _back(f"/jobs/{quote(job_id, safe='')}")


# -- accounts ---------------------------------------------------------------------------------------


@router.get("/account", include_in_schema=False)
def account(request: Request, who: Who) -> Response:
    tokens = space_of(request).store.desk.tokens(who.account.name)
    return render(request, "account.html.j2", who, tokens=tokens, new_token=None, error=None)


@router.post("/account/password", include_in_schema=False)
def change_password(request: Request, who: Who, csrf: Token, current: Token, password: Token, again: Token) -> Response:
    """A new password for the signed-in account, given the current one; every session of the
    account ends (a stolen cookie stops working) and this browser gets a new one."""
    space = _form(request, who, csrf)
    tokens = space.store.desk.tokens(who.account.name)
    error = None
    if space.auth.check_password(who.account.name, current) is None:
        error = "The current password is wrong."
    elif password != again:
        error = "The two new passwords differ."
    else:
        try:
            space.auth.set_password(who.account.name, password)
        except ValueError as exc:
            error = f"{str(exc)[0].upper()}{str(exc)[1:]}."
    if error:
        return render(request, "account.html.j2", who, status=400, tokens=tokens, new_token=None, error=error)
    value, csrf_now = space.auth.start_session(who.account)
    response = render(request, "account.html.j2", Caller(who.account, csrf_now), tokens=tokens, new_token=None, error=None,
                      changed="Password changed; every other session of this account is signed out.")  # fmt: skip
    return _with_session(response, request, value)


@router.post("/account/tokens", include_in_schema=False)
def add_token(request: Request, who: Who, csrf: Token, label: Token = "") -> Response:
    space = _form(request, who, csrf)
    value = space.auth.new_token(who.account, label)
    # Shown on this answer only; never stored, never in a URL.
    return render(request, "account.html.j2", who, tokens=space.store.desk.tokens(who.account.name), new_token=value, error=None)


@router.post("/account/tokens/{token_id}/revoke", include_in_schema=False)
def revoke_token(request: Request, token_id: str, who: Who, csrf: Token) -> Response:
    _form(request, who, csrf).auth.drop_token(token_id, who.account.name)
    return _back("/account")


@router.get("/admin/accounts", include_in_schema=False)
def accounts(request: Request, who: Who) -> Response:
    who.require("admin")
    return render(request, "accounts.html.j2", who, accounts=space_of(request).store.desk.accounts(), roles=ROLES, error=None)


@router.post("/admin/accounts", include_in_schema=False)
def add_account(request: Request, who: Who, csrf: Token, name: Token, password: Token, role: Token) -> Response:
    space = _form(request, who, csrf, "admin")
    try:
        space.auth.add_account(name, password, role)
    except ValueError as exc:
        return render(request, "accounts.html.j2", who, status=400, accounts=space.store.desk.accounts(), roles=ROLES, error=str(exc))
    return _back("/admin/accounts")


@router.post("/admin/accounts/{name}", include_in_schema=False)
def change_account(request: Request, name: str, who: Who, csrf: Token, role: Token = "", disabled: Token = "") -> Response:
    space = _form(request, who, csrf, "admin")
    if space.store.desk.account(name) is None:
        raise HTTPException(404, "no such account")
    if name == who.account.name:
        raise HTTPException(400, "change your own account from another admin's: an admin cannot lock themself out")
    values: dict[str, Any] = {"disabled": disabled == "1"}
    if role in ROLES:
        values["role"] = role
    space.auth.update_account(name, **values)
    return _back("/admin/accounts")
