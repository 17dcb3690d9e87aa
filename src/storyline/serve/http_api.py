"""The JSON API under ``/api``: what the pages show and do, for scripts (an API token) and for
the pages' own script (the session and its form token). Lists are paginated (``offset``,
``limit`` up to 200; the answer says ``total``). The schema is at ``/api/openapi.json``."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable, Hashable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from storyline import api
from storyline.core.errors import ConfigError, StoreError
from storyline.core.records import StoryInfo
from storyline.core.reviews import Attached
from storyline.present.browse import FACT_PAGE, FactFilter, StoryView, page, review_dict
from storyline.serve.adding import add_pasted, add_uploads, add_urls
from storyline.serve.app import Caller, api_caller, space_of
from storyline.serve.workspace import Workspace
from storyline.store.desk import ENDED

__all__ = ["EXPORTS", "export_response", "job_dict", "router"]

router = APIRouter(prefix="/api")
Who = Annotated[Caller, Depends(api_caller)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=200)]

EXPORTS = {
    "json": ("application/json", "json"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "timelinejs": ("application/json", "timeline.json"),
    "dossier": ("text/html; charset=utf-8", "html"),
}


def out(data: Any) -> Response:
    """JSON as the pages' data already is (plain dicts and lists): dumped directly, without
    FastAPI's per-value conversion, which costs more than the lookup on a large fact."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def story_view(request: Request, story: str) -> tuple[StoryInfo, StoryView]:
    """The story with this id and its view (404 when there is none)."""
    space = space_of(request)
    info = space.story(story)
    return info, space.view(info.id)


def view_of(request: Request, story: str) -> StoryView:
    """The view of the story with this id (404 when there is none)."""
    return story_view(request, story)[1]


def open_story(space: Workspace, story: str) -> StoryInfo:
    """A story articles may be added to: 404 when missing, 409 when archived."""
    info = space.story(story)
    if info.archived:
        raise HTTPException(409, f"story {info.name!r} is archived: unarchive it to add articles")
    return info


def story_dict(s: Any) -> dict:
    return {k: getattr(s, k) for k in ("id", "name", "created", "archived", "description", "articles", "facts",
                                       "conflicts", "reviews") if hasattr(s, k)}  # fmt: skip


@router.get("/stories")
def stories(request: Request, who: Who, archived: bool | None = None) -> dict:
    """The stories (``archived``: only the archived, or only the active ones), with their counts."""
    return {"items": [story_dict(s) for s in space_of(request).stories(archived)]}


class NewStory(BaseModel):
    name: str


class StoryChange(BaseModel):
    name: str | None = None
    archived: bool | None = None


@router.post("/stories", status_code=201)
def create_story(request: Request, who: Who, body: NewStory) -> dict:
    who.require("editor")
    return story_dict(manage(space_of(request), create=body.name))


@router.patch("/stories/{story}")
def change_story(request: Request, story: str, who: Who, body: StoryChange) -> dict:
    """Rename (``name``) or archive / unarchive (``archived``) a story."""
    who.require("editor")
    return story_dict(manage(space_of(request), story=story, rename=body.name, archived=body.archived))


def manage(space: Workspace, *, story: str | None = None, create: str | None = None, rename: str | None = None,
           archived: bool | None = None) -> StoryInfo:  # fmt: skip
    """Create a story, or rename / archive one, through ``api.manage_story``; a refused name is a 400."""
    try:
        if create is not None:
            api.manage_story(space.store, create=create)
            space.changed()
            return space.story(create.strip())
        info = space.story(story or "")
        if rename:
            api.manage_story(space.store, rename=(info.id, rename))
        if archived is not None:
            api.manage_story(space.store, **({"archive": info.id} if archived else {"unarchive": info.id}))
        space.changed()
        return space.story(info.id)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


async def answered(request: Request, story: str, make: Callable[[StoryView, Attached], Any], *key: Hashable) -> Response:
    """``make(view, reviews)`` as JSON, for a read-only page of the story: remembered per
    (path, ``key``) while the story's view and review decisions stay the same; made on the event
    loop when everything is at hand (:meth:`Workspace.ready`), else on a thread (the view may need
    building, the decisions reading)."""
    space = space_of(request)
    got = space.ready(story) or await run_in_threadpool(space.prepare, story)
    info, view, attached = got
    return space.answer(info.id, view, attached, (request.url.path, *key), lambda: out(make(view, attached)))


@router.get("/stories/{story}")
async def brief(request: Request, story: str, who: Who) -> Response:
    return await answered(request, story, lambda view, attached: view.brief(attached))


@router.get("/stories/{story}/timeline")
async def timeline(request: Request, story: str, who: Who, offset: Offset = 0, limit: Limit = 50) -> Response:
    return await answered(request, story, lambda view, _: page(view.timeline(), offset, limit), offset, limit)


@router.get("/stories/{story}/facts")
async def facts(request: Request, story: str, who: Who, status: str | None = None, kind: str | None = None,
          outlet: str | None = None, person: str | None = None, since: str | None = None, until: str | None = None,
          q: str | None = None, review: str | None = None, offset: Offset = 0, limit: Limit = 50) -> Response:  # fmt: skip
    """Fact summaries, disputed first; the filters combine (``review``: a verdict or "unreviewed")."""
    where = FactFilter(status=status, kind=kind, outlet=outlet, person=person, since=since, until=until, q=q, review=review)
    return await answered(request, story, lambda view, attached: view.facts_page(where, offset, limit, attached), where, offset, limit)


@router.get("/stories/{story}/facts/{fact_id}")
async def fact(request: Request, story: str, fact_id: str, who: Who, offset: Offset = 0, limit: Limit = FACT_PAGE) -> Response:
    """One fact with its sides, conflicts and echo chains; each list paged alike (``offset``,
    ``limit``), its full length in ``totals`` and ``more`` true while any list goes on."""
    def make(view: StoryView, attached: Attached) -> dict:
        found = view.fact(fact_id, attached, offset, limit)
        if found is None:
            raise HTTPException(404, f"no fact {fact_id!r} in this story (the story may have changed: reload the list)")
        return found

    return await answered(request, story, make, offset, limit)


class Verdict(BaseModel):
    verdict: str
    note: str = ""


def review_fact(space: Workspace, story: str, fact_id: str, who: Caller, verdict: str, note: str) -> dict:
    """Record the caller's verdict on a fact through ``api.review``; a fact the story no longer
    holds (re-analysed since it was shown) is a 409 saying where its reviews went."""
    who.require("editor")
    info = space.story(story)
    try:
        decision = api.review(space.store, info.id, fact_id, verdict, note, who.account.name)
    except ConfigError as exc:
        raise HTTPException(409 if "holds no fact" in str(exc) else 400, str(exc)) from None
    space.changed()
    return review_dict(decision)


@router.post("/stories/{story}/facts/{fact_id}/reviews", status_code=201)
def review(request: Request, story: str, fact_id: str, who: Who, body: Verdict) -> dict:
    """Mark a fact verified, false or needs_work, with a note; every decision is kept, the latest counts."""
    return review_fact(space_of(request), story, fact_id, who, body.verdict, body.note)


@router.get("/stories/{story}/reviews")
def reviews(request: Request, story: str, who: Who) -> dict:
    """Every decision attached to the facts as they are now, and those whose fact is gone (orphaned)."""
    _, view, attached = space_of(request).prepare(story)
    return {"facts": [{"fact": f, "title": view.titles.get(f, ""), "latest": review_dict(r.latest),
                       "history": [review_dict(x) for x in r.history]} for f, r in attached.by_fact.items()],
            "orphaned": [review_dict(r) for r in attached.orphaned]}  # fmt: skip


@router.get("/stories/{story}/people")
async def people(request: Request, story: str, who: Who, offset: Offset = 0, limit: Limit = 50) -> Response:
    return await answered(request, story, lambda view, _: page(view.people_list(), offset, limit), offset, limit)


@router.get("/stories/{story}/outlets")
async def outlets(request: Request, story: str, who: Who, offset: Offset = 0, limit: Limit = 50) -> Response:
    return await answered(request, story, lambda view, _: page(view.outlets_list(), offset, limit), offset, limit)


@router.get("/stories/{story}/articles")
def articles(request: Request, story: str, who: Who, outlet: str | None = None, offset: Offset = 0, limit: Limit = 50) -> Response:
    return out(view_of(request, story).articles_page(offset, limit, outlet))


@router.get("/stories/{story}/articles/{article_id:path}")
def article(request: Request, story: str, article_id: str, who: Who, claim: str | None = None) -> Response:
    """The article's text in segments; ``claim`` names the claim whose span must be marked whole."""
    found = view_of(request, story).article(article_id, claim)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this story")
    return out(found)


def export_response(space: Workspace, story: str, fmt: str) -> Response:
    """A download of the story in ``fmt`` (json, jsonl, csv, timelinejs, dossier)."""
    if fmt not in EXPORTS:
        raise HTTPException(404, f"no export format {fmt!r}; use one of: {', '.join(EXPORTS)}")
    info = space.story(story)
    media, suffix = EXPORTS[fmt]
    if fmt == "dossier":
        body: Any = api.render_report(space.store, story=info.id, title=f"Dossier: {info.name}", options=space.options.reconcile)
    else:
        body = api.export(space.store, fmt, story=info.id, options=space.options.reconcile)
        if not isinstance(body, str):
            body = json.dumps(body, ensure_ascii=False, indent=1)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", info.name).strip("-")[:60] or info.id
    headers = {"Content-Disposition": f'attachment; filename="{name}.{suffix}"'}
    return Response(body, media_type=media, headers=headers)


@router.get("/stories/{story}/export/{fmt}")
def export(request: Request, story: str, fmt: str, who: Who) -> Response:
    return export_response(space_of(request), story, fmt)


# -- adding articles, jobs ------------------------------------------------------------------------


class Pasted(BaseModel):
    text: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None


def job_dict(space: Workspace, job: Any) -> dict:
    out = job.as_dict()
    live = space.runner.live(job.id)
    if live is not None:
        out.update(live.as_dict())
    return out


@router.post("/stories/{story}/articles", status_code=202)
async def upload(request: Request, story: str, who: Who, files: Annotated[list[UploadFile], File()]) -> dict:
    """Upload article files (any format ``storyline analyze`` reads); answers with the job."""
    who.require("editor")
    space = space_of(request)
    return job_dict(space, await add_uploads(space, open_story(space, story).id, who, files))


@router.post("/stories/{story}/pasted", status_code=202)
def paste(request: Request, story: str, who: Who, body: Pasted) -> dict:
    """Add one article from its text (and optional outlet, date, title, URL); answers with the job."""
    who.require("editor")
    space = space_of(request)
    meta = body.model_dump(exclude={"text"})
    return job_dict(space, add_pasted(space, open_story(space, story).id, who, body.text, meta))


class Addresses(BaseModel):
    urls: list[str]


@router.post("/stories/{story}/urls", status_code=202)
def fetch_urls(request: Request, story: str, who: Who, body: Addresses) -> dict:
    """Add article pages or RSS/Atom feeds by address (http/https; public addresses only: see
    docs/serve.md); the job's worker fetches them. Answers with the job."""
    who.require("editor")
    space = space_of(request)
    return job_dict(space, add_urls(space, open_story(space, story).id, who, body.urls))


class Watch(BaseModel):
    url: str
    minutes: int = 60


def watch_feed(space: Workspace, story: str, who: Caller, url: str, minutes: int) -> dict:
    """Watch a feed for a story (editor): an http(s) address, fetched every ``minutes``."""
    from storyline.ingest.fetch import FetchRefused, check_url
    from storyline.serve.feeds import MAX_MINUTES, MIN_MINUTES, new_feed_id

    who.require("editor")
    info = open_story(space, story)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise HTTPException(400, f"watch a feed every {MIN_MINUTES} to {MAX_MINUTES} minutes")
    try:
        check_url(url)
    except FetchRefused as exc:
        raise HTTPException(400, str(exc)) from None
    return space.store.desk.add_feed(new_feed_id(), info.id, url.strip(), minutes, who.account.name)


@router.post("/stories/{story}/feeds", status_code=201)
def add_feed(request: Request, story: str, who: Who, body: Watch) -> dict:
    """Watch a feed: it is fetched every ``minutes`` (5 to 10,080) and its new entries added."""
    return watch_feed(space_of(request), story, who, body.url, body.minutes)


@router.get("/stories/{story}/feeds")
def feeds(request: Request, story: str, who: Who) -> dict:
    space = space_of(request)
    return {"items": space.store.desk.feeds(space.story(story).id)}


@router.delete("/stories/{story}/feeds/{feed_id}", status_code=204)
def drop_feed(request: Request, story: str, feed_id: str, who: Who) -> Response:
    who.require("editor")
    space = space_of(request)
    if not space.store.desk.drop_feed(feed_id, space.story(story).id):
        raise HTTPException(404, f"no watched feed {feed_id!r} in this story")
    return Response(status_code=204)


@router.get("/stories/{story}/jobs")
def jobs(request: Request, story: str, who: Who, limit: Limit = 50) -> dict:
    space = space_of(request)
    return {"items": [job_dict(space, j) for j in space.store.desk.jobs(space.story(story).id, limit)]}


def _job(space: Workspace, job_id: str) -> Any:
    job = space.store.desk.job(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: str, who: Who) -> dict:
    space = space_of(request)
    return job_dict(space, _job(space, job_id))


@router.post("/jobs/{job_id}/cancel")
def cancel(request: Request, job_id: str, who: Who) -> dict:
    who.require("editor")
    space = space_of(request)
    _job(space, job_id)
    if not space.runner.cancel(space.store, job_id):
        return JSONResponse({"detail": "the job has ended already"}, status_code=409)  # type: ignore[return-value]
    return job_dict(space, _job(space, job_id))


@router.get("/jobs/{job_id}/events")
async def events(request: Request, job_id: str, who: Who) -> StreamingResponse:
    """Server-sent events: one ``progress`` event per change of the job, the last when it ends."""
    space = space_of(request)
    _job(space, job_id)

    async def stream() -> AsyncIterator[str]:
        seen = 0
        while True:
            live = space.runner.live(job_id)
            if live is None:  # a job of an earlier run of the server: its stored state, once
                yield _event(job_dict(space, _job(space, job_id)))
                return
            fresh, seen = live.since(seen)
            for state in fresh:
                yield _event({"id": job_id, **state})
            if fresh and fresh[-1]["state"] in ENDED:
                return
            if await request.is_disconnected():
                return
            await asyncio.sleep(0.2)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})


def _event(data: dict) -> str:
    return f"event: progress\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
