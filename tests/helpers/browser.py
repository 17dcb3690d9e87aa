"""Driving Debian's chromium through Playwright's Python package, for the browser tests (no
tests here). Skips when either is missing; fails instead when STORYLINE_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


def need(reason: str) -> None:
    if os.environ.get("STORYLINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (STORYLINE_REQUIRE_BROWSER=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def chromium() -> str:
    path = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        need("chromium is not installed (apt-get install -y chromium)")
    return path


def artifacts_dir() -> Path:
    out = Path(os.environ.get("STORYLINE_ARTIFACTS") or Path(tempfile.gettempdir()) / "storyline-artifacts")
    out.mkdir(parents=True, exist_ok=True)
    return out


def launch() -> Iterator:
    """A headless chromium (for a fixture: ``yield from launch()``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("playwright is not installed (pip install playwright; its browsers are not needed)")
    path = chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


def shot(page, artifacts: Path, name: str, capsys, **kw) -> Path:
    """A screenshot kept as a test artifact; its path is printed."""
    path = artifacts / name
    page.screenshot(path=str(path), **kw)
    with capsys.disabled():
        print(f"\n[screenshot] {path}")
    return path
