"""Which outlet published an article.

In order of trust:
  1. the user's outlet map (`--outlets FILE`), matched on the URL's host or the file name;
  2. what the input says: a JSON field, the page's site-name or publisher meta tag;
  3. a provenance or copyright line in the text ("© 2025 Rheinblatt Medien GmbH");
  4. the URL's host without "www." ("t-online.de");
  5. the file name without extension.

The outlet map is a TOML file with one table:

    [outlets]
    "t-online.de" = "t-online"          # a host matches itself and its subdomains
    "rheinblatt_" = "Rheinblatt"        # otherwise a file name that starts with the key
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from synopse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class OutletMap:
    entries: tuple[tuple[str, str], ...] = ()

    @classmethod
    def load(cls, path: Path) -> OutletMap:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the outlet map ({exc})") from exc
        table = data.get("outlets")
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(
                f'{path}: expected a table [outlets] of "host or file prefix" = "name"'
            )
        return cls(tuple((str(k).lower(), v) for k, v in table.items()))

    def lookup(self, url: str | None, file_name: str) -> str | None:
        host = url_host(url)
        for key, name in self.entries:
            if host and (host == key or host.endswith("." + key)):
                return name
        lowered = file_name.lower()
        return next((name for key, name in self.entries if lowered.startswith(key)), None)


def url_host(url: str | None) -> str | None:
    """The host of a URL without "www.", or None."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def choose_outlet(
    outlet_map: OutletMap,
    *,
    url: str | None,
    file_name: str,
    declared: str | None,
    provenance: str | None,
) -> str:
    return outlet_map.lookup(url, file_name) or declared or provenance or url_host(url) or file_name
