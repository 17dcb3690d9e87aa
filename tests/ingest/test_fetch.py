"""Fetching by URL (storyline.ingest.fetch) against a real HTTP server on 127.0.0.1.

The tests reach the local server under a public-looking name: the injected resolver says
news.example is 93.184.216.34 (a public address, so the checks pass) and the injected connector
takes that address to the local server. Everything else is real: HTTP, redirects, limits. Every
redirect to a loopback, private, link-local (metadata) or otherwise non-public address is refused
with a message naming it, and so is the local server's own address given directly.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.ingest.fetch import FetchLimits, FetchRefused, fetch

PUBLIC = "93.184.216.34"
PAGE = b"<html><head><title>Pike leaves Paris</title></head><body><article><p>" + b"Pike left Paris on Monday. " * 20 + b"</p></article></body></html>"
REDIRECTS = {
    "/to-loopback": "http://127.0.0.1:{port}/article",
    "/to-localhost": "http://localhost:{port}/article",
    "/to-private": "http://10.1.2.3/",
    "/to-private-192": "http://192.168.0.1/admin",
    "/to-metadata": "http://169.254.169.254/latest/meta-data/",
    "/to-ipv6-loopback": "http://[::1]:{port}/article",
    "/to-mapped": "http://[::ffff:127.0.0.1]:{port}/article",
    "/to-unspecified": "http://0.0.0.0:{port}/article",
    "/to-shared": "http://100.64.0.1/",
    "/to-inside-name": "http://inside.example/",
    "/to-file": "file:///etc/passwd",
    "/loop": "/loop",
    "/relative": "/article",
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        port = self.server.server_address[1]
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path].format(port=port))
            self.end_headers()
        elif self.path == "/article":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG....")
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")
        else:
            self._send(404, "text/html", b"no")

    def _send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


@pytest.fixture()
def get(server):
    names = {"news.example": [PUBLIC], "inside.example": ["192.168.7.7"]}

    def resolve(host, port):
        if host in names:
            return names[host]
        return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]

    def connect(address, port, timeout):
        assert address == PUBLIC, f"connected to {address}: the checks let a non-public address through"
        return socket.create_connection(("127.0.0.1", server), timeout=timeout)

    return lambda path, **kw: fetch(f"http://news.example{path}", FetchLimits(**kw), resolve=resolve, connect=connect)


def test_a_public_page_is_fetched_and_a_relative_redirect_followed(get):
    page = get("/relative")
    assert page.url == "http://news.example/article" and page.suffix == ".html" and page.body == PAGE


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/to-loopback", "127.0.0.1, a loopback address"),
        ("/to-localhost", "a loopback address"),
        ("/to-private", "10.1.2.3, a private address"),
        ("/to-private-192", "192.168.0.1, a private address"),
        ("/to-metadata", "169.254.169.254, a link-local (cloud metadata) address"),
        ("/to-ipv6-loopback", "::1, a loopback address"),
        ("/to-mapped", "::ffff:127.0.0.1"),
        ("/to-unspecified", "0.0.0.0"),
        ("/to-shared", "100.64.0.1, a non-public address"),
        ("/to-inside-name", "inside.example resolves to 192.168.7.7, a private address"),
        ("/to-file", "only http and https URLs are fetched, not file"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_every_redirect_inward_is_refused_with_a_clear_message(get, path, words):
    with pytest.raises(FetchRefused) as err:
        get(path)
    message = str(err.value)
    assert words in message and "Fix:" in message


def test_the_local_server_itself_is_refused(server):
    with pytest.raises(FetchRefused, match="a loopback address: the server does not fetch from its own network"):
        fetch(f"http://127.0.0.1:{server}/article")


@pytest.mark.parametrize("url", ["ftp://news.example/a", "news.example/a", "http://user:pw@news.example/a", "http:///nohost", "javascript:alert(1)"])
def test_other_urls_are_refused_before_any_lookup(url):
    def resolve(host, port):
        raise AssertionError("looked up")

    with pytest.raises(FetchRefused):
        fetch(url, resolve=resolve)


def test_size_and_type_limits(get):
    with pytest.raises(FetchRefused, match="larger than 1,000 bytes"):
        get("/big", max_bytes=1000)
    with pytest.raises(FetchRefused, match="image/png, not a web page or feed"):
        get("/image")
    with pytest.raises(FetchRefused, match="answered 404"):
        get("/missing")
