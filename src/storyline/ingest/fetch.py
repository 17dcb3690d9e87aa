"""Fetching an article page or a feed by URL, for a server that takes URLs from its users.

A URL typed by a user must not make the server reach what only the server can reach (SSRF):
its own loopback services, the private network, a cloud metadata endpoint. So:

- only ``http`` and ``https``, with a host name and no user or password in the URL;
- the host is resolved first, and refused when ANY of its addresses is not a public one
  (loopback, private, link-local (which holds the 169.254.169.254 metadata service), shared
  100.64/10, multicast, reserved, unspecified; an IPv6 address mapping one of those too);
- the connection goes to the address that was checked (the host name is sent as Host and for
  TLS only), so a second resolution cannot swap in another address (DNS rebinding);
- each redirect is a new URL that goes through the same checks, at most ``max_redirects``;
- at most ``max_bytes`` are read and every socket operation times out after ``timeout``;
- only HTML, XML feeds and plain text are accepted (the Content-Type says which).

The network is injected: ``resolve(host, port)`` returns addresses and ``connect(address,
port, timeout)`` returns a connected socket, so tests route a public-looking name to a local
test server while the checks see what they would see in production.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from storyline.core.errors import InputError

__all__ = ["FetchLimits", "FetchRefused", "Fetched", "check_address", "check_url", "fetch"]

Resolver = Callable[[str, int], list[str]]
Connector = Callable[[str, int, float], socket.socket]

ACCEPTED = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/rss+xml": ".xml",
    "application/atom+xml": ".xml", "application/xml": ".xml", "text/xml": ".xml", "text/plain": ".txt",
}  # fmt: skip
USER_AGENT = "storyline (+https://pypi.org/project/storyline/)"


class FetchRefused(InputError):
    """A URL that is not fetched: its scheme, its address, its size, its type, or the network."""


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 5_000_000
    timeout: float = 15.0
    """Seconds for connecting and for each read."""
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str
    """The URL finally read (after redirects)."""
    content_type: str
    suffix: str
    """The file suffix for this content type (.html, .xml, .txt): ingest picks the reader by it."""
    body: bytes


def _system_resolve(host: str, port: int) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _system_connect(address: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((address, port), timeout=timeout)


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL that may be fetched; FetchRefused otherwise."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"not a valid URL ({exc})", input=url, fix="give a full http:// or https:// address") from None
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {parts.scheme or 'a URL without a scheme'}",
                           input=url, fix="give an http:// or https:// address of a public web page or feed")  # fmt: skip
    if not parts.hostname:
        raise FetchRefused("the URL has no host", input=url, fix="give a full address such as https://example.com/story")
    if parts.username or parts.password:
        raise FetchRefused("a URL with a user name or password is not fetched", input=url,
                           fix="give the public address of the page, without credentials")  # fmt: skip
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def check_address(address: str, host: str, url: str) -> None:
    """Refuse an address that is not on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    for candidate in (ip, mapped) if mapped else (ip,):
        if not candidate.is_global or candidate.is_multicast:
            what = ("a loopback" if candidate.is_loopback else "a link-local (cloud metadata)" if candidate.is_link_local
                    else "a private" if candidate.is_private else "a non-public")  # fmt: skip
            raise FetchRefused(
                f"{host} resolves to {address}, {what} address: the server does not fetch from its own network",
                input=url, fix="give the address of a public web page or feed",
            )


def fetch(
    url: str,
    limits: FetchLimits = FetchLimits(),
    *,
    resolve: Resolver = _system_resolve,
    connect: Connector = _system_connect,
) -> Fetched:
    """GET ``url`` under the checks of this module; FetchRefused names the URL and the reason."""
    current = url
    for _hop in range(limits.max_redirects + 1):
        scheme, host, port = check_url(current)
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchRefused(f"cannot resolve {host} ({exc})", input=current, fix="check the address") from None
        if not addresses:
            raise FetchRefused(f"{host} has no address", input=current, fix="check the address")
        for address in addresses:
            check_address(address, host, current)
        status, headers, body = _get(scheme, host, port, addresses[0], current, limits, connect)
        if status in (301, 302, 303, 307, 308):
            location = headers.get("location")
            if not location:
                raise FetchRefused(f"a redirect ({status}) without a Location", input=current, fix="check the address")
            current = urljoin(current, location)
            continue
        if status != 200:
            raise FetchRefused(f"the server answered {status}", input=current, fix="check that the page exists and is public")
        content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type not in ACCEPTED:
            raise FetchRefused(f"the server sent {content_type or 'no content type'}, not a web page or feed",
                               input=current, fix="give the address of an article page (HTML) or an RSS/Atom feed")  # fmt: skip
        return Fetched(current, content_type, ACCEPTED[content_type], body)
    raise FetchRefused(f"more than {limits.max_redirects} redirects", input=url, fix="give the page's final address")


def _get(scheme: str, host: str, port: int, address: str, url: str, limits: FetchLimits,
         connect: Connector) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn = _Pinned(host, port, address, limits.timeout, connect, ssl.create_default_context() if scheme == "https" else None)
    try:
        conn.request("GET", path, headers={"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT,
                                           "Accept": ", ".join(ACCEPTED), "Accept-Encoding": "identity"})  # fmt: skip
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise FetchRefused(f"the page is larger than {limits.max_bytes:,} bytes", input=url, fix="give a smaller page")
        body = response.read(limits.max_bytes + 1) if response.status == 200 else b""
        if len(body) > limits.max_bytes:
            raise FetchRefused(f"the page is larger than {limits.max_bytes:,} bytes", input=url, fix="give a smaller page")
        return response.status, headers, body
    except (OSError, http.client.HTTPException) as exc:
        raise FetchRefused(f"cannot fetch it ({type(exc).__name__}: {exc})", input=url, fix="check the address and try again later") from None
    finally:
        conn.close()


class _Pinned(http.client.HTTPConnection):
    """An HTTP(S) connection to a checked address, speaking to ``host`` (Host header, TLS name)."""

    def __init__(self, host: str, port: int, address: str, timeout: float, connect: Connector,
                 tls: ssl.SSLContext | None) -> None:  # fmt: skip
        super().__init__(host, port, timeout=timeout)
        self._address, self._connect, self._tls = address, connect, tls

    def connect(self) -> None:
        sock = self._connect(self._address, self.port, self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host) if self._tls else sock
