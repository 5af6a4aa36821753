"""URL ingest from a server refuses targets inside its own network (SSRF)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.ssrf import check_public_url, is_public
from synopse.ingest.web import Fetcher
from tests.ingest.httpserver import LocalServer, Reply, http_server

__all__ = ["http_server"]  # the fixture, imported so pytest finds it


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.8.9.10:8080/artikel",
        "http://10.1.2.3/",
        "http://172.16.0.9/",
        "http://192.168.178.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fd00::7]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://localhost:8000/",
        "http://224.0.0.1/",
    ],
)
def test_private_loopback_and_link_local_targets_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="non-public address"):
        check_public_url(url)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/datei", "only http and https"),
        ("http:///pfad", "names no host"),
        ("http://gibt-es-nicht.invalid/", "does not resolve"),
    ],
)
def test_urls_that_are_not_fetchable_web_addresses_are_refused(url: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        check_public_url(url)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "8.8.8.8"])
def test_global_addresses_are_public(address: str) -> None:
    assert is_public(address)


@given(st.ip_addresses(v=4, network="10.0.0.0/8") | st.ip_addresses(v=6, network="fc00::/7"))
def test_no_private_address_counts_as_public(address: object) -> None:
    assert not is_public(str(address))


def test_the_fetcher_refuses_a_local_server_when_private_urls_are_not_allowed(
    http_server: LocalServer,
) -> None:
    url = http_server.route(
        "/meldung", Reply(body=b"Kurze Meldung.", headers=(("Content-Type", "text/plain"),))
    )
    with Fetcher(IngestSettings(allow_private_urls=False)) as fetcher:
        [item] = list(fetcher.read(url))
    assert isinstance(item, InputError) and "non-public address 127.0.0.1" in str(item)
    assert http_server.requests == []
