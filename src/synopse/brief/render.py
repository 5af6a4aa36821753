"""Write a report as report.json, report.md and report.html into a directory.

Markdown and HTML are rendered from the same JSON-ready data as report.json, so the three
never disagree. The HTML file is self-contained (inline CSS, no scripts needed): briefing
citations link to the source sentence in the article, which is highlighted when targeted.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from synopse.brief.pictures import co_occurrences, coverage_svg, network_svg, timeline_svg
from synopse.brief.report_json import (
    JsonDict,
    complete_story_dict,
    report_json_text,
    report_to_dict,
)
from synopse.gcpause import collector_paused
from synopse.model import Article, RenderedStory, Report, Story

_TYPE_CLASS = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


def write_reports(report: Report, out_dir: Path) -> dict[str, Path]:
    """The paths written, by format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out_dir / f"report.{fmt}" for fmt in ("json", "md", "html")}
    # The report's dicts and texts are kept until written and hold no reference cycle (Jinja
    # leaves ≈ 40 cyclic objects per report, freed by a later pass): the collector's passes
    # over the articles in memory would free nothing (2 s of 8 for 2,000 articles, measured).
    with collector_paused():
        data = report_to_dict(report)
        ahead = rendered_parts(report)
        paths["json"].write_text(report_json_text(data), encoding="utf-8")
        paths["md"].write_text(render_markdown(data, ahead), encoding="utf-8")
        paths["html"].write_text(render_html(report, data, ahead), encoding="utf-8")
    return paths


def rendered_parts(report: Report) -> list[RenderedStory | None]:
    """For each of the report's stories, its sections as rendered ahead where the story was
    built (`Report.rendered`), if they were rendered for this very story object and these very
    article objects (all frozen, so the same objects mean the same sections); else None, and
    the writer renders the story itself."""
    ahead = {id(part.story): part for part in report.rendered}  # each part keeps its story
    articles = {a.id: a for a in report.articles}
    return [
        part
        if (part := ahead.get(id(story))) is not None
        and all(articles.get(a.id) is a for a in part.articles)
        else None
        for story in report.stories
    ]


def story_parts(story: Story, members: Sequence[Article]) -> tuple[tuple[str, ...], str] | None:
    """A story's lines of report.md and its section of report.html, rendered from the story's
    own articles only (`members`, as dated and typed for the story), as they will stand in the
    report — or None if rendering looked up an article beyond them, where only the whole
    report's articles give the same text. The pool's workers render them while building the
    story, in parallel, instead of the report writer one after another."""
    articles = _Within({a.id: a for a in members})
    titles = _Within({a.id: a.outlet or a.id for a in members})
    languages = _Within({a.id: a.language for a in members})
    mappings = (articles, titles, languages)
    try:
        data = complete_story_dict(story, articles)
        markdown = tuple(_markdown_story(data, titles, languages))
        section = story_html(data, titles, articles, languages)
    except KeyError:
        if any(m.beyond for m in mappings):
            return None  # a lookup beyond the story's articles: the writer's to render
        raise
    return None if any(m.beyond for m in mappings) else (markdown, str(section))


V = TypeVar("V")


class _Within(dict[str, V]):
    """Some entries of a report-wide mapping (a story's articles, outlets, ...), noting whether
    a lookup asked for a key beyond them: what the report-wide mapping would have given there
    is unknown, so what was rendered with this one is not used."""

    def __init__(self, items: Mapping[str, V]) -> None:
        super().__init__(items)
        self.beyond = False

    def __missing__(self, key: str) -> V:
        self.beyond = True
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        found = super().__contains__(key)
        self.beyond = self.beyond or not found
        return found

    def get(self, key: str, default: Any = None) -> Any:
        self.beyond = self.beyond or not super().__contains__(key)
        return super().get(key, default)


def render_markdown(data: JsonDict, ahead: Sequence[RenderedStory | None] = ()) -> str:
    """report.md; `ahead`: the stories' lines where already rendered (`rendered_parts`)."""
    titles = {a["id"]: a["outlet"] or a["id"] for a in data["articles"]}
    languages = {a["id"]: a["language"] for a in data["articles"]}
    lines = ["# synopse report", ""]
    lines += [
        f"{len(data['articles'])} articles, {len(data['stories'])} stories, "
        f"{len(data['errors'])} errors.",
        "",
    ]
    for story, part in _with_parts(data, ahead):
        lines += part.markdown if part is not None else _markdown_story(story, titles, languages)
    if data["errors"]:
        lines += (
            ["## Errors", ""]
            + [f"- `{e['source']}`: {e['message']}" for e in data["errors"]]
            + [""]
        )
    return "\n".join(lines)


def _with_parts(
    data: JsonDict, ahead: Sequence[RenderedStory | None]
) -> Iterator[tuple[JsonDict, RenderedStory | None]]:
    """Each story's data with its sections rendered ahead (None where there are none)."""
    stories = data["stories"]
    return zip(stories, ahead or [None] * len(stories), strict=True)


def _cite(ids: list[str], titles: Mapping[str, str]) -> str:
    return ", ".join(f"[{titles.get(i, i)}]" for i in ids)


def _markdown_story(
    story: JsonDict, titles: Mapping[str, str], languages: Mapping[str, str]
) -> list[str]:
    lines = [
        f"## {story['title']}",
        "",
        f"Sources: {_cite(story['article_ids'], titles)}",
        "",
    ]
    for heading, comparisons in synopse_sections(story):
        lines += [f"### {heading}", ""]
        lines += [_markdown_comparison(c, titles) for c in comparisons] or ["- (none)"]
        lines.append("")
    lines += ["### Briefing", ""]
    for label, sentences in briefing_sections(story, languages):
        lines += [f"**{label}**", ""]
        lines += [f"- {b['text']} {_cite(b['article_ids'], titles)}" for b in sentences]
        lines.append("")
    lines += ["", "### Timeline", ""]
    for t in story["timeline"]:
        mark = " (background)" if t.get("background") else ""
        lines.append(f"- **{t['date']}**{mark}: {t['text']} {_cite(t['article_ids'], titles)}")
    lines += ["", "### Who said what", ""]
    for speaker, quotes in quote_groups(story["quotes"]):
        lines.append(f"- **{speaker}**")
        for q in quotes:
            lines += _quote_lines(q, titles)
    lines += ["", "### Who is who", ""]
    for e in story["entities"][:30]:
        extra = f" — {', '.join(e['roles'][:3])}" if e["roles"] else ""
        aliases = f" (also: {', '.join(e['aliases'][:5])})" if e["aliases"] else ""
        lines.append(f"- **{e['name']}** {e['type']}{extra}{aliases}")
    return [*lines, "", *_pairs_markdown(story)]


def _pairs_markdown(story: JsonDict, limit: int = 10) -> list[str]:
    """The text of the "who appears with whom" picture: the pairs named closest most often."""
    names = {e["id"]: e["name"] for e in story["entities"]}
    pairs = co_occurrences(story["entities"]).most_common(limit)
    if not pairs:
        return []
    lines = ["### Who appears with whom", ""]
    lines += [f"- {names[a]} — {names[b]}: {n}×" for (a, b), n in pairs]
    return [*lines, ""]


def _quote_lines(quote: JsonDict, titles: Mapping[str, str]) -> list[str]:
    """One quote once, cited by every outlet; each wording shown when they differ."""
    sources = quote_sources(quote)
    medium = f" [{quote['medium']}]" if quote.get("medium") else ""
    if not quote.get("wording_differs"):
        cited = _cite(sorted({s["article_id"] for s in sources}), titles)
        return [f"  - ({quote['kind']}){medium} „{quote['text']}“ {cited}"]
    lines = [f"  - ({quote['kind']}){medium} wording differs between outlets:"]
    for source in sources:
        lines.append(f"    - „{source['text']}“ {_cite([source['article_id']], titles)}")
    return lines


def quote_sources(quote: JsonDict) -> list[JsonDict]:
    """The articles a report quote stands in; older reports without `sources` have one."""
    own = {k: quote[k] for k in ("article_id", "start", "end", "text")}
    return list(quote.get("sources") or [own])


def synopse_sections(story: JsonDict) -> list[tuple[str, list[JsonDict]]]:
    """ "Where accounts differ", "What all sources say", then "Only in <outlet>" for each outlet
    with something of its own — the comparisons of each, in their ranked order."""
    comparisons = story["comparisons"]
    sections = [
        ("Where accounts differ", [c for c in comparisons if c["status"] == "divergent"]),
        ("What all sources say", [c for c in comparisons if c["status"] == "consensus"]),
    ]
    for outlet in story.get("outlets", []):
        alone = [comparisons[i] for i in outlet["only_in"] if comparisons[i]["status"] == "single"]
        if alone:
            sections.append((f"Only in {outlet['outlet']}", alone))
    return sections


def _markdown_comparison(c: JsonDict, titles: Mapping[str, str]) -> str:
    claims = "; ".join(
        f"{_escape_md(k['surface'])} ({titles.get(k['article_id'], k['article_id'])}"
        + (f", laut {k['attributed_to']})" if k["attributed_to"] else ")")
        for k in c["claims"]
    )
    kind = f"between {c['divergence']}, " if c.get("divergence") else ""
    note = f" — {_escape_md(c['note'])}" if c.get("note") else ""
    return f"- **{_escape_md(c['topic'])}** ({kind}{c.get('kind') or c['status']}){note}: {claims}"


def _escape_md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_html(report: Report, data: JsonDict, ahead: Sequence[RenderedStory | None] = ()) -> str:
    """report.html; `ahead`: the stories' sections where already rendered (`rendered_parts`)."""
    outlets = {a.id: a.outlet or a.id for a in report.articles}
    articles = {a.id: a for a in report.articles}
    languages = {a.id: a.language for a in report.articles}
    sections = [
        Markup(part.html) if part is not None else story_html(story, outlets, articles, languages)
        for story, part in _with_parts(data, ahead)
    ]
    return _templates().get_template("report.html.j2").render(data=data, sections=sections)


def story_html(
    story: JsonDict,
    outlets: Mapping[str, str],
    articles: Mapping[str, Article],
    languages: Mapping[str, str],
) -> Markup:
    """One story's <section> of report.html; the mappings by article id."""
    article_html = {
        aid: marked_text(articles[aid]) for aid in story["article_ids"] if aid in articles
    }
    return Markup(
        _templates()
        .get_template("report_story.html.j2")
        .render(
            story=story,
            outlets=outlets,
            articles=articles,
            article_html=article_html,
            languages=languages,
        )
    )


@functools.cache
def _templates() -> Environment:
    # autoescape=True, not select_autoescape(): that goes by extension, and ".html.j2" is none
    # of its HTML extensions, so article text (untrusted) would reach the page unescaped
    env = Environment(loader=PackageLoader("synopse.brief", "templates"), autoescape=True)
    env.globals.update(
        quote_groups=quote_groups,
        quote_sources=quote_sources,
        timeline_svg=timeline_svg,
        network_svg=network_svg,
        coverage_svg=coverage_svg,
        synopse_sections=synopse_sections,
        claims_by_article=claims_by_article,
        briefing_sections=briefing_sections,
    )
    return env


_SECTION_LABELS = {
    "de": {
        "happened": "Was geschah",
        "differ": "Wo die Berichte abweichen",
        "quotes": "Wer sagte was",
        "timeline": "Zeitverlauf",
        "who": "Wer ist wer",
        "sources": "Quellen: was nur eine berichtet",
    },
    "en": {
        "happened": "What happened",
        "differ": "Where accounts differ",
        "quotes": "Who said what",
        "timeline": "Timeline",
        "who": "Who is who",
        "sources": "Sources: what only one reports",
    },
}


def story_language(story: JsonDict, languages: Mapping[str, str]) -> str:
    """The language most of the story's articles are in (German on a tie)."""
    counts = Counter(languages.get(aid, "de") for aid in story["article_ids"])
    return max(counts, key=lambda lang: (counts[lang], lang == "de"), default="de")


def briefing_sections(
    story: JsonDict, languages: Mapping[str, str]
) -> list[tuple[str, list[JsonDict]]]:
    """The briefing by section, in its own order, each section under its label: German labels
    for a German story, English otherwise."""
    labels = _SECTION_LABELS["de" if story_language(story, languages) == "de" else "en"]
    sections: dict[str, list[JsonDict]] = {}
    for sentence in story["briefing"]:
        sections.setdefault(sentence.get("section", "happened"), []).append(sentence)
    return [(labels.get(name, name), items) for name, items in sections.items()]


def claims_by_article(comparison: JsonDict) -> dict[str, list[JsonDict]]:
    """A comparison's claims by article id, each article's in their order: one pass, where
    a filter per table cell went over all the claims once per article."""
    claims: dict[str, list[JsonDict]] = {}
    for claim in comparison["claims"]:
        claims.setdefault(claim["article_id"], []).append(claim)
    return claims


def quote_groups(quotes: list[JsonDict]) -> list[tuple[str, list[JsonDict]]]:
    """Quotes by speaker, the most quoted first; unattributed quotes last."""
    groups: dict[str, list[JsonDict]] = {}
    for quote in quotes:
        speaker = quote.get("speaker_name") or quote.get("speaker_text") or ""
        groups.setdefault(speaker, []).append(quote)
    ordered = sorted(groups.items(), key=lambda g: (g[0] == "", -len(g[1]), g[0]))
    return [(speaker or "unknown speaker", items) for speaker, items in ordered]


def marked_text(article: Article) -> Markup:
    """The article text as HTML: every sentence an anchor `a-<id>-<start>`, mentions marked."""
    mentions = sorted(article.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    parts: list[str] = []
    cursor = 0
    for sentence in article.sentences:
        parts.append(_plain(article.text[cursor : sentence.start]))
        parts.append(f'<span class="s" id="a-{html.escape(article.id)}-{sentence.start}">')
        first = bisect.bisect_left(starts, sentence.start)  # the ones before never count
        parts.append(_with_mentions(article.text, sentence.start, sentence.end, mentions, first))
        parts.append("</span>")
        cursor = sentence.end
    parts.append(_plain(article.text[cursor:]))
    return Markup("".join(parts))


def _with_mentions(text: str, start: int, end: int, mentions: list[Any], first: int) -> str:
    """The sentence `text[start:end]` with the mentions inside it marked; `mentions` sorted by
    start, none before `first` starts inside the sentence."""
    parts, cursor = [], start
    for m in itertools.islice(mentions, first, None):
        if m.start > end:
            break  # sorted: this one and all after it end beyond the sentence
        if m.start < cursor or m.end > end or m.start < start:
            continue
        parts.append(_plain(text[cursor : m.start]))
        title = html.escape(f"{m.type.value}: {m.canonical}" + (f" ({m.role})" if m.role else ""))
        parts.append(
            f'<mark class="{_TYPE_CLASS[m.type.value]}" title="{title}">'
            f"{_plain(text[m.start : m.end])}</mark>"
        )
        cursor = m.end
    parts.append(_plain(text[cursor:end]))
    return "".join(parts)


def _plain(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")
