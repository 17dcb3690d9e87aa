"""Adding articles from the workspace: uploaded files and pasted text become a job's inputs.

Uploads keep their format (the suffix picks it, as on the command line: .txt, .md, .html,
.jsonl, .xml feeds, ...); pasted text becomes a one-line JSONL manifest holding the text and the
outlet, date, title and URL typed beside it, so those reach the article exactly as typed (JSON
escaping, no front matter to break). The ingest stage then checks everything as for the CLI.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException, UploadFile

from storyline.ingest.fetch import FetchRefused, check_url
from storyline.serve.app import Caller
from storyline.serve.jobs import safe_name
from storyline.serve.workspace import Workspace
from storyline.store.desk import Job

__all__ = ["MAX_UPLOAD_MB", "MAX_URLS", "add_pasted", "add_uploads", "add_urls"]

MAX_UPLOAD_MB = 50
"""All files of one upload together (each file is also held to the analysis' max_file_mb)."""
_CHUNK = 1 << 20
PASTED_FIELDS = ("outlet", "published", "title", "url")
MAX_URLS = 50


async def add_uploads(space: Workspace, story: str, who: Caller, files: list[UploadFile]) -> Job:
    files = [f for f in files if f.filename]
    if not files:
        raise HTTPException(400, "choose one or more files to upload")
    job_id, folder = space.runner.folder()
    size, names = 0, []
    for i, upload in enumerate(files):
        name = safe_name(upload.filename or "", f"upload-{i + 1}.txt")
        while name in names:
            name = f"{i + 1}-{name}"
        names.append(name)
        with (folder / name).open("wb") as out:
            while chunk := await upload.read(_CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD_MB * _CHUNK:
                    raise HTTPException(413, f"the upload is larger than {MAX_UPLOAD_MB} MB: send fewer files at a time")
                out.write(chunk)
    label = names[0] if len(names) == 1 else f"{len(names)} files ({names[0]}, ...)"
    return space.runner.submit(space.store, job_id, story, who.account.name, label, folder)


def add_pasted(space: Workspace, story: str, who: Caller, text: str, meta: dict[str, Any]) -> Job:
    if not text.strip():
        raise HTTPException(400, "paste the article's text")
    # Only these fields: a manifest's "path" would read a file of the server's.
    record = {"text": text, **{k: v.strip() for k, v in meta.items() if k in PASTED_FIELDS and isinstance(v, str) and v.strip()}}
    job_id, folder = space.runner.folder()
    (folder / "pasted.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    label = "pasted: " + (record.get("title") or " ".join(text.split()[:8]))[:80]
    return space.runner.submit(space.store, job_id, story, who.account.name, label, folder)


def add_urls(space: Workspace, story: str, who: Caller, urls: list[str]) -> Job:
    """Article pages and RSS/Atom feeds by address, fetched by the job's worker. A URL that is
    not http(s) is refused here; its address is checked when it is fetched (and after each
    redirect), a refused one listed with its reason among the job's skipped inputs."""
    urls = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if not urls:
        raise HTTPException(400, "give one or more http:// or https:// addresses, one a line")
    if len(urls) > MAX_URLS:
        raise HTTPException(400, f"at most {MAX_URLS} addresses at a time")
    for url in urls:
        try:
            check_url(url)
        except FetchRefused as exc:
            raise HTTPException(400, str(exc)) from None
    job_id, folder = space.runner.folder()
    label = urls[0][:80] if len(urls) == 1 else f"{len(urls)} addresses ({urls[0][:60]}, ...)"
    return space.runner.submit(space.store, job_id, story, who.account.name, label, folder, urls=urls)
