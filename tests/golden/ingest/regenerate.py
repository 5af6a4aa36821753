"""Render the annotated page sources in sources/*.page into the ingest gold set.

Each source holds pages separated by `=== <case>` lines; `# key: value` headers (lang, format
txt|html, style, notes, blank: yes for blank lines between blocks, skin for HTML: semantic,
divsoup, wordpress or hashed, paras: br for paragraphs split by <br><br>); then one `role| text`
line per visible block. Roles in KEEP are article text, in DROP furniture, in UNSCORED neither
(headline, byline, date, ticker times, ambiguous lines). Writes `<case>.txt` or `<case>.html`
and `<case>.expected.json` next to this script:

    .venv/bin/python tests/golden/ingest/regenerate.py
"""

from __future__ import annotations

import html
import json
import re
import sys
import zlib
from pathlib import Path

KEEP = {"p", "h", "li", "q", "lead"}
UNSCORED = {"t", "by", "d", "x", "tick"}
DROP = {
    "nav",
    "crumb",
    "cookie",
    "mode",
    "cap",
    "share",
    "teaser",
    "news",
    "abox",
    "cform",
    "com",
    "pn",
    "foot",
    "rel",
    "ad",
    "pay",
    "furn",
    "site",
    "tags",
    "contact",
    "boiler",
}
KIND_NAMES = {
    "p": "paragraph",
    "h": "subheading",
    "li": "list item",
    "q": "quote",
    "lead": "lead",
    "nav": "menu",
    "crumb": "breadcrumb",
    "cookie": "cookie banner",
    "mode": "mode toggle",
    "cap": "image caption",
    "share": "share bar",
    "teaser": "inline teaser",
    "news": "newsletter box",
    "abox": "author box",
    "cform": "comment form",
    "com": "comment",
    "pn": "previous/next",
    "foot": "footer",
    "rel": "related articles",
    "ad": "ad label",
    "pay": "paywall note",
    "furn": "other furniture",
    "site": "site name",
    "tags": "tag list",
    "contact": "press contact",
    "boiler": "company boilerplate",
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse(source: str) -> list[dict]:
    docs = []
    for chunk in re.split(r"^=== ", source, flags=re.M)[1:]:
        head, _, rest = chunk.partition("\n")
        doc = {"case": head.strip(), "lines": [], "meta": {}}
        for line in rest.splitlines():
            if not line.strip():
                continue
            if line.startswith("# "):
                key, _, value = line[2:].partition(":")
                doc["meta"][key.strip()] = value.strip()
                continue
            role, sep, text = line.partition("|")
            if not sep or role.strip() not in KEEP | UNSCORED | DROP:
                sys.exit(f"{doc['case']}: bad line {line!r}")
            doc["lines"].append((role.strip(), text.strip()))
        docs.append(doc)
    return docs


def expected(doc: dict) -> dict:
    lines = doc["lines"]
    title = next(t for r, t in lines if r == "t")
    keep = [t for r, t in lines if r in KEEP]
    other_text = [t for r, t in lines if r not in DROP]
    drop_lines = [t for r, t in lines if r in DROP]
    kept_blob = "\n".join(collapse(t) for t in other_text)
    drop_blob = "\n".join(collapse(t) for t in drop_lines)
    drop, skipped, kinds = [], [], {}
    for role, text in lines:
        if role in KEEP:
            if collapse(text) in drop_blob:
                sys.exit(f"{doc['case']}: keep line inside furniture: {text!r}")
            kinds[text] = KIND_NAMES[role]
        if role in DROP:
            inside_other = any(
                collapse(text) in collapse(other) and collapse(other) != collapse(text)
                for _, other in lines
            )
            if collapse(text) in kept_blob or text in drop or inside_other:
                skipped.append(text)
            else:
                drop.append(text)
                kinds[text] = KIND_NAMES[role]
    notes = doc["meta"].get("notes", "")
    if skipped:
        notes += f" Not scored (part of the article, of another line, or repeated): {skipped}."
    words = sum(len(t.split()) for t in keep)
    return {
        "language": doc["meta"]["lang"],
        "title": title,
        "keep": keep,
        "drop": drop,
        "kinds": kinds,
        "notes": collapse(f"{doc['meta'].get('style', '')} page, {words} article words. {notes}"),
    }, words


def render_txt(doc: dict) -> str:
    sep = "\n\n" if doc["meta"].get("blank", "no") == "yes" else "\n"
    return sep.join(t for _, t in doc["lines"]) + "\n"


# ---------------------------------------------------------------- HTML


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:40].strip("-") or "x"


SKINS = {
    "semantic": {
        "article_open": '<main id="content"><article class="article">',
        "article_close": "</article></main>",
        "body_open": '<div class="article-body">',
        "body_close": "</div>",
        "p": "p",
    },
    "divsoup": {
        "article_open": '<div class="container"><div class="row"><div class="col-md-8 artikel">',
        "article_close": "</div></div></div>",
        "body_open": '<div class="artikel-text" itemprop="articleBody">',
        "body_close": "</div>",
        "p": "p",
    },
    "wordpress": {
        "article_open": '<div id="primary" class="content-area"><main id="main" class="site-main">'
        '<article class="post type-post status-publish hentry">',
        "article_close": "</article></main></div>",
        "body_open": '<div class="entry-content">',
        "body_close": "</div>",
        "p": "p",
    },
}


def group(lines: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    groups: list[tuple[str, list[str]]] = []
    for role, text in lines:
        if groups and groups[-1][0] == role and role not in {"p", "h", "q", "lead", "t"}:
            groups[-1][1].append(text)
        else:
            groups.append((role, [text]))
    return groups


PLAIN_SKINS = {"divsoup", "hashed"}


def plain_block(role: str, texts: list[str], n: int) -> str | None:
    """In-article furniture as sites without semantic markup write it: plain p, a and img."""
    first = texts[0]
    if role == "cap":
        return "".join(
            f'<div class="bild"><img src="/img/{n}-{i}.jpg" alt=""><p class="bu">{esc(t)}</p></div>'
            for i, t in enumerate(texts)
        )
    if role == "teaser":
        links = "".join(
            f'<br><a href="/artikel/{slug(t)}-{n}.html">{esc(t)}</a>' for t in texts[1:]
        )
        return f"<p><strong>{esc(first)}</strong>{links}</p>"
    if role == "ad":
        return "".join(f'<p class="anz">{esc(t)}</p><div class="anz-slot"></div>' for t in texts)
    if role == "news":
        rest = "".join(f"<p>{esc(t)}</p>" for t in texts[1:-1])
        return (
            f'<div class="box"><p><strong>{esc(first)}</strong></p>{rest}'
            f'<a class="btn" href="/newsletter">{esc(texts[-1])}</a></div>'
        )
    if role in {"abox", "pay", "contact", "boiler"}:
        return '<div class="box">' + "".join(f"<p>{esc(t)}</p>" for t in texts) + "</div>"
    if role == "rel":
        items = "".join(f'<p><a href="/{slug(t)}.html">{esc(t)}</a></p>' for t in texts[1:])
        return f'<div class="box"><p><strong>{esc(first)}</strong></p>{items}</div>'
    if role == "share":
        return "<p>" + " ".join(f'<a href="#s-{slug(t)}">{esc(t)}</a>' for t in texts) + "</p>"
    if role == "com":
        return "".join(f'<div class="beitrag"><p>{esc(t)}</p></div>' for t in texts)
    return None


def block(role: str, texts: list[str], skin: str, n: int) -> str:
    first = texts[0]
    if skin in PLAIN_SKINS and (plain := plain_block(role, texts, n)) is not None:
        return plain
    if role == "t":
        return f'<h1 class="headline">{esc(first)}</h1>'
    if role == "p":
        return f"<p>{esc(first)}</p>"
    if role == "lead":
        return f'<p class="lead"><strong>{esc(first)}</strong></p>'
    if role == "h":
        return f"<h2>{esc(first)}</h2>"
    if role == "q":
        return f"<blockquote><p>{esc(first)}</p></blockquote>"
    if role == "li":
        return "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in texts) + "</ul>"
    if role == "tick":
        return "".join(f'<time class="ticker-time">{esc(t)}</time>' for t in texts)
    if role in {"by", "d", "x"}:
        tag = {"by": "author", "d": "date", "x": "meta"}[role]
        inner = "".join(f'<span class="{tag}">{esc(t)}</span><br>' for t in texts)
        return f'<div class="article-{tag}">{inner}</div>'
    if role == "nav":
        items = "".join(f'<li><a href="/{slug(t)}/">{esc(t)}</a></li>' for t in texts)
        if skin == "divsoup":
            return f'<div class="menu-wrapper"><ul class="menu">{items}</ul></div>'
        return f'<nav class="main-navigation" aria-label="Hauptmenü"><ul>{items}</ul></nav>'
    if role == "crumb":
        items = "".join(f'<li><a href="/{slug(t)}/">{esc(t)}</a></li>' for t in texts)
        return f'<ol class="breadcrumb">{items}</ol>'
    if role == "cookie":
        parts = [f"<button>{esc(t)}</button>" if len(t) < 30 else f"<p>{esc(t)}</p>" for t in texts]
        return f'<div id="cmp-banner" class="consent-layer" role="dialog">{"".join(parts)}</div>'
    if role == "mode":
        return "".join(f'<button class="theme-toggle">{esc(t)}</button>' for t in texts)
    if role == "cap":
        caps = "".join(
            f'<figure class="image"><img src="/img/{n}-{i}.jpg" alt="" width="800" height="450">'
            f"<figcaption>{esc(t)}</figcaption></figure>"
            for i, t in enumerate(texts)
        )
        return caps
    if role == "share":
        items = "".join(
            f'<a class="share-link" href="#share-{slug(t)}">{esc(t)}</a>' for t in texts
        )
        return f'<div class="share-bar">{items}</div>'
    if role == "teaser":
        inner = "".join(
            f'<a href="/artikel/{slug(t)}-{n}.html"><span>{esc(t)}</span></a><br>' for t in texts
        )
        return f'<aside class="inline-teaser">{inner}</aside>'
    if role == "news":
        parts = [f"<h3>{esc(first)}</h3>"] + [
            f'<button type="submit">{esc(t)}</button>' if len(t) < 25 else f"<p>{esc(t)}</p>"
            for t in texts[1:]
        ]
        return (
            '<div class="newsletter-box"><form action="/newsletter" method="post">'
            '<input type="email" name="email">' + "".join(parts) + "</form></div>"
        )
    if role == "abox":
        return '<div class="author-box">' + "".join(f"<p>{esc(t)}</p>" for t in texts) + "</div>"
    if role == "cform":
        parts = [f"<label>{esc(t)}</label>" if len(t) < 40 else f"<p>{esc(t)}</p>" for t in texts]
        return (
            '<div id="respond" class="comment-respond"><form id="commentform">'
            + "".join(parts)
            + '<textarea name="comment"></textarea></form></div>'
        )
    if role == "com":
        items = "".join(
            f'<li class="comment"><div class="comment-content"><p>{esc(t)}</p></div></li>'
            for t in texts
        )
        return f'<ol class="comment-list">{items}</ol>'
    if role == "pn":
        links = "".join(
            f'<a rel="{"prev" if i == 0 else "next"}" href="/beitrag-{n}-{i}/">{esc(t)}</a>'
            for i, t in enumerate(texts)
        )
        return f'<div class="post-navigation">{links}</div>'
    if role == "foot":
        items = "".join(f'<li><a href="/{slug(t)}">{esc(t)}</a></li>' for t in texts)
        return f'<footer class="site-footer"><ul>{items}</ul></footer>'
    if role == "rel":
        head, rest = texts[0], texts[1:]
        items = "".join(f'<li><a href="/{slug(t)}.html">{esc(t)}</a></li>' for t in rest)
        return f'<section class="related"><h3>{esc(head)}</h3><ul>{items}</ul></section>'
    if role == "ad":
        return "".join(
            f'<div class="ad-slot" data-slot="{n}-{i}"><span class="ad-label">{esc(t)}</span>'
            '<div class="ad-content"></div></div>'
            for i, t in enumerate(texts)
        )
    if role == "pay":
        return '<div class="paywall-hint">' + "".join(f"<p>{esc(t)}</p>" for t in texts) + "</div>"
    if role == "tags":
        items = "".join(f'<a href="/thema/{slug(t)}" rel="tag">{esc(t)}</a> ' for t in texts)
        return f'<div class="tags">{items}</div>'
    if role == "site":
        return f'<div class="site-branding"><a href="/" class="logo">{esc(first)}</a></div>'
    if role in {"contact", "boiler", "furn"}:
        cls = {"contact": "press-contact", "boiler": "company-info", "furn": "widget"}[role]
        return f'<div class="{cls}">' + "".join(f"<p>{esc(t)}</p>" for t in texts) + "</div>"
    raise ValueError(role)


def render_html(doc: dict) -> str:
    meta = doc["meta"]
    skin_name = meta.get("skin", "semantic")
    skin = SKINS["divsoup" if skin_name == "hashed" else skin_name]
    lines = doc["lines"]
    title = next(t for r, t in lines if r == "t")
    site = next((t for r, t in lines if r == "site"), meta.get("site", "Nachrichten"))
    first_t = next(i for i, (r, _) in enumerate(lines) if r == "t")
    last_keep = max(i for i, (r, _) in enumerate(lines) if r in KEEP)
    first_keep = min(i for i, (r, _) in enumerate(lines) if r in KEEP)
    before, head, body, after = (
        lines[:first_t],
        lines[first_t:first_keep],
        lines[first_keep : last_keep + 1],
        lines[last_keep + 1 :],
    )
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{meta["lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)} | {esc(site)}</title>",
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:site_name" content="{html.escape(site)}">',
        '<link rel="stylesheet" href="/assets/site.css">',
        "<style>.ad-slot{min-height:250px}.consent-layer{position:fixed;bottom:0}</style>",
        '<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"pageType":"article"});'
        "</script>",
        "</head>",
        f'<body class="{skin_name} page-article">',
        '<a class="skip-link" href="#content">'
        + esc(
            {"de": "Zum Inhalt springen", "en": "Skip to content", "fr": "Aller au contenu"}[
                meta["lang"]
            ]
        )
        + "</a>",
        '<header class="site-header">' if skin_name != "divsoup" else '<div id="kopf">',
    ]
    n = zlib.crc32(doc["case"].encode()) % 1000
    for role, texts in group(before):
        out.append(block(role, texts, skin_name, n))
    out.append("</header>" if skin_name != "divsoup" else "</div>")
    out.append(skin["article_open"])
    out.append(
        '<header class="entry-header">' if skin_name == "wordpress" else '<div class="kopfzeile">'
    )
    for role, texts in group(head):
        out.append(block(role, texts, skin_name, n))
    out.append("</header>" if skin_name == "wordpress" else "</div>")
    out.append(skin["body_open"])
    if meta.get("paras") == "br":  # an old CMS: paragraphs as text runs split by <br><br>
        body_groups = []
        for role, texts in group(body):
            if role == "p" and body_groups and body_groups[-1][0] == "p":
                body_groups[-1][1].extend(texts)
            else:
                body_groups.append((role, list(texts)))
        for role, texts in body_groups:
            if role == "p":
                out.append(
                    '<div class="text">' + "<br><br>\n".join(esc(t) for t in texts) + "</div>"
                )
            else:
                out.append(block(role, texts, skin_name, n))
    else:
        for role, texts in group(body):
            out.append(block(role, texts, skin_name, n))
    out.append(skin["body_close"])
    after_in, after_out = split_after(after, skin_name)
    for role, texts in group(after_in):
        out.append(block(role, texts, skin_name, n))
    out.append(skin["article_close"])
    if skin_name == "wordpress":
        out.append('<aside id="secondary" class="widget-area">')
    for role, texts in group(after_out):
        out.append(block(role, texts, skin_name, n))
    if skin_name == "wordpress":
        out.append("</aside>")
    out.append('<script src="/assets/app.js" defer></script>')
    out.append(
        "<noscript>Bitte aktivieren Sie JavaScript.</noscript>" if meta["lang"] == "de" else ""
    )
    out.append("</body>")
    out.append("</html>")
    page = "\n".join(x for x in out if x) + "\n"
    return hashed(page) if skin_name == "hashed" else page


def split_after(after: list[tuple[str, str]], skin: str):
    """Share bars, tags and author boxes right after the text stay inside the article; sites
    without semantic markup keep everything up to the comments in the article's container."""
    inside = {"share", "tags", "abox", "pay", "by", "x"}
    if skin in PLAIN_SKINS:
        inside |= {"rel", "news", "ad", "teaser", "contact", "boiler", "cap", "pn", "furn"}
    i = 0
    while i < len(after) and after[i][0] in inside:
        i += 1
    return after[:i], after[i:]


TAG_TO_DIV = re.compile(r"<(/?)(nav|aside|footer|header|main|article|section|figure|figcaption)\b")
CLASS_ATTR = re.compile(r'(class|id)="([^"]*)"')


def hashed(page: str) -> str:
    """A site built with CSS modules: no semantic tags, class names that say nothing."""
    page = TAG_TO_DIV.sub(lambda m: f"<{m.group(1)}div", page)
    return CLASS_ATTR.sub(
        lambda m: (
            f'{m.group(1)}="'
            + " ".join(f"css-{zlib.crc32(c.encode()):08x}"[:10] for c in m.group(2).split())
            + '"'
        ),
        page,
    )


def main() -> None:
    out_dir = Path(__file__).resolve().parent
    total = []
    for src in sorted((out_dir / "sources").glob("*.page")):
        for doc in parse(Path(src).read_text(encoding="utf-8")):
            fmt = doc["meta"]["format"]
            page = render_txt(doc) if fmt == "txt" else render_html(doc)
            (out_dir / f"{doc['case']}.{fmt}").write_text(page, encoding="utf-8")
            exp, words = expected(doc)
            (out_dir / f"{doc['case']}.expected.json").write_text(
                json.dumps(exp, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8",
            )
            total.append(
                (doc["case"], fmt, exp["language"], words, len(exp["keep"]), len(exp["drop"]))
            )
    for row in total:
        print(*row)


if __name__ == "__main__":
    main()
