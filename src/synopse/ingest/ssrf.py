"""Refusing URLs that point into the server's own network (server-side request forgery).

A URL given to a server (the web API's ingest) must not make it fetch from loopback, private,
link-local (cloud metadata at 169.254.169.254), multicast, reserved or unspecified addresses.
The host is resolved and *every* address it resolves to is checked, so a public name that
resolves to 127.0.0.1 is refused as well. The fetcher checks each redirect hop the same way.

Known limit: the name is resolved again when httpx connects, so a DNS server that answers
differently the second time (DNS rebinding) is not caught here.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from synopse.errors import InputError

ALLOWED_SCHEMES = frozenset({"http", "https"})


def check_public_url(url: str) -> None:
    """Raise InputError unless `url` is http(s) and every address of its host is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise InputError(url, f"only http and https URLs can be fetched, not {parts.scheme!r}")
    if not parts.hostname:
        raise InputError(url, "the URL names no host")
    for address in resolve(url, parts.hostname, parts.port):
        if not is_public(address):
            raise InputError(
                url,
                f"refused: {parts.hostname} resolves to the non-public address {address} "
                "(set [web] allow_private_urls = true to allow it)",
            )


def resolve(url: str, host: str, port: int | None) -> list[str]:
    """Every address `host` resolves to; InputError when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"host {host!r} does not resolve ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
