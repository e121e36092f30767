"""Render the site template's pages: MyST AST (from Jupyter Book's content server) to static HTML.

Run by `jupyter-book build --html` as the render command of site/theme/template.yml, with
CONTENT_CDN (the content server: /config.json, /content/SLUG.json, built files) and, from
scripts/site_build.py, SITE_OUT (the output folder), SITE_META (lesson cards, launch links) and
SITE_SOURCE (the staged pages). Standard library only. Every link it writes is relative, so the
folder works under any base URL (GitHub Pages, a course server) and from disk.

What a lesson page gets on top of its cells: the lesson card (objectives, minutes,
prerequisites) with launch buttons (Binder; JupyterHub through nbgitpuller) and a download link;
each chart as a <figure> with its alt text and the caption cell after it (its "Source:" part as a
source note); a note where a widget needs a running notebook; hindsight and source paragraphs as
styled callouts.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

WIDGET = "application/vnd.jupyter.widget-view+json"
FIGURE_CAPTION = re.compile(r"^\s*(Figure|Table)\s+\d+(\.\d+)?\b")
SOURCE_SPLIT = re.compile(r"(\s|^)(Sources?:)\s")
HINDSIGHT = re.compile(r"hindsight", re.I)
THEME = Path(__file__).resolve().parent.parent / "site" / "theme"
UNKNOWN: set[str] = set()


def esc(text: str) -> str:
    return html.escape(text or "", quote=True)


def text_of(node: dict) -> str:
    if "value" in node and node.get("type") in ("text", "inlineCode"):
        return node["value"]
    return "".join(text_of(child) for child in node.get("children", []) or [])


class Page:
    """Render one page's AST; ``prefix`` is the relative path from the page to the site root."""

    def __init__(self, site: Site, slug: str, data: dict):
        self.site, self.slug, self.data = site, slug, data
        self.prefix = "" if slug == site.index else "../"
        self.location = data.get("location", "")
        self.lesson = site.meta["lessons"].get(self.location.lstrip("/"))
        self.widget_notes = 0
        self.in_callout = False

    # --- links and files --------------------------------------------------------------------
    def asset(self, path: str) -> str:
        """Copy a built file (/name.png) into build/ and return its relative URL."""
        name = path.lstrip("/")
        self.site.fetch_asset(name)
        return f"{self.prefix}build/{quote(name)}"

    def page_href(self, slug: str, anchor: str = "") -> str:
        base = "index.html" if slug == self.site.index else f"{slug}/index.html"
        return f"{self.prefix}{base}{anchor}"

    def href(self, node: dict) -> tuple[str, bool]:
        """(URL, external?) for a link node."""
        url = node.get("url", "")
        if node.get("internal"):
            path, _, anchor = url.partition("#")
            slug = path.strip("/") or self.site.index
            return self.page_href(slug, f"#{anchor}" if anchor else ""), False
        if node.get("static"):
            return self.asset(url), False
        if url.startswith(("http://", "https://", "mailto:")):
            return url.replace("https://doi.org./", "https://doi.org/", 1), True
        if url.startswith("#"):
            return url, False
        # a file of the repository that is not part of the site: link to it on GitHub
        source_dir = Path(self.location.lstrip("/")).parent
        target = os.path.normpath(source_dir / url.split("#")[0])
        return f"https://github.com/{self.site.meta['repo']}/blob/main/{target}", True

    # --- nodes ------------------------------------------------------------------------------
    def children(self, node: dict) -> str:
        return "".join(self.render(child) for child in node.get("children", []) or [])

    def render(self, node: dict) -> str:  # noqa: C901 - one branch per node type
        kind = node.get("type")
        inner = self.children
        if kind == "text":
            return esc(node["value"].replace("https://doi.org./", "https://doi.org/"))
        if kind in ("root", "mystDirective", "mystRole", "block", "cite", "citeGroup"):
            return inner(node)
        if kind == "paragraph":
            return self.paragraph(node)
        if kind == "heading":
            depth = min(max(int(node.get("depth", 2)), 2), 6)
            ident = node.get("html_id") or node.get("identifier")
            attr = f' id="{esc(ident)}"' if ident else ""
            return f"<h{depth}{attr}>{inner(node)}</h{depth}>\n"
        simple = {
            "strong": "strong",
            "emphasis": "em",
            "superscript": "sup",
            "subscript": "sub",
            "delete": "del",
            "underline": "u",
            "smallcaps": "span",
            "listItem": "li",
            "tableRow": "tr",
            "summary": "summary",
            "abbreviation": "abbr",
            "caption": "figcaption",
            "legend": "div",
            "definitionList": "dl",
            "definitionTerm": "dt",
            "definitionDescription": "dd",
            "keyboard": "kbd",
            "aside": "aside",
            "card": "div",
            "grid": "div",
            "tabSet": "div",
            "tabItem": "section",
            "cardTitle": "p",
            "header": "div",
            "footer": "div",
        }
        if kind in simple:
            tag = simple[kind]
            title = f' title="{esc(node["title"])}"' if node.get("title") else ""
            return f"<{tag}{title}>{inner(node)}</{tag}>"
        if kind == "inlineCode":
            return f"<code>{esc(node['value'])}</code>"
        if kind == "code":
            return self.code(node)
        if kind == "link":
            url, external = self.href(node)
            attrs = ' class="external" rel="noopener"' if external else ""
            return f'<a href="{esc(url)}"{attrs}>{inner(node)}</a>'
        if kind == "crossReference":
            target = node.get("url") or ""
            anchor = "#" + (node.get("html_id") or node.get("identifier") or "")
            url = self.page_href(target.strip("/"), anchor) if target else anchor
            return f'<a href="{esc(url)}">{inner(node)}</a>'
        if kind == "list":
            tag = "ol" if node.get("ordered") else "ul"
            start = node.get("start")
            attr = f' start="{int(start)}"' if tag == "ol" and start not in (None, 1) else ""
            return f"<{tag}{attr}>\n{inner(node)}</{tag}>\n"
        if kind == "blockquote":
            return self.blockquote(node)
        if kind == "details":
            return f"<details>{inner(node)}</details>\n"
        if kind == "table":
            return (
                '<div class="table-wrap" role="region" tabindex="0" aria-label="Table">'
                f"<table>{inner(node)}</table></div>\n"
            )
        if kind == "tableCell":
            tag = "th" if node.get("header") else "td"
            align = f' style="text-align:{esc(node["align"])}"' if node.get("align") else ""
            return f"<{tag}{align}>{inner(node)}</{tag}>"
        if kind == "break":
            return "<br>"
        if kind == "thematicBreak":
            return "<hr>\n"
        if kind == "html":
            return node.get("value", "")
        if kind in ("comment", "target"):
            return ""
        if kind == "image":
            alt = node.get("alt") or node.get("title") or ""
            src = node.get("url", "")
            src = src if src.startswith(("http://", "https://")) else self.asset(src)
            return f'<img src="{esc(src)}" alt="{esc(alt)}" loading="lazy">'
        if kind == "container":
            return f"<figure>{inner(node)}</figure>\n"
        if kind in ("div", "span"):
            tag = kind
            cls = node.get("class")
            attr = f' class="{esc(cls)}"' if cls else ""
            return f"<{tag}{attr}>{inner(node)}</{tag}>"
        if kind == "admonition":
            return self.callout(node.get("kind", "note"), inner(node), None)
        if kind == "admonitionTitle":
            return f'<p class="callout-title">{inner(node)}</p>'
        if kind in ("inlineMath", "math"):
            return f'<code class="math">{esc(node.get("value", ""))}</code>'
        if kind == "footnoteReference":
            ident = esc(node.get("identifier", ""))
            return f'<sup><a href="#fn-{ident}" id="fnref-{ident}">{ident}</a></sup>'
        if kind == "footnoteDefinition":
            ident = esc(node.get("identifier", ""))
            return f'<div class="footnote" id="fn-{ident}">{ident}. {inner(node)}</div>'
        if kind == "outputs":
            return self.outputs(node)
        if kind == "output":
            return self.output(node)
        UNKNOWN.add(kind)
        return inner(node)

    def code(self, node: dict) -> str:
        lang = node.get("lang") or ""
        cls = f' class="language-{esc(lang)}"' if lang else ""
        label = ' aria-label="Code cell"' if node.get("executable") else ' aria-label="Code"'
        return f'<pre tabindex="0"{label}><code{cls}>{esc(node["value"])}</code></pre>\n'

    def paragraph(self, node: dict) -> str:
        kids = node.get("children", []) or []
        first = kids[0] if kids else {}
        lead = text_of(first) if first.get("type") in ("strong", "emphasis") else ""
        body = f"<p>{self.children(node)}</p>\n"
        if self.in_callout:
            return body
        if lead and HINDSIGHT.search(lead):
            label = None if lead.strip().lower().startswith("hindsight") else "Hindsight"
            return self.callout("hindsight", body, label)
        start = text_of(node).lstrip()
        if re.match(r"(Sources?|Data)\s*:", start) or re.match(r"Sources?\b", lead):
            return self.callout("source", body, "Source")
        return body

    def blockquote(self, node: dict) -> str:
        words = text_of(node).lstrip()
        kind = None
        if (
            HINDSIGHT.search(words[:40])
            or words.startswith("⏩")
            or "after 4 February 2022" in words
        ):
            kind = "hindsight"
        elif re.match(r"\W*Sources?\b", words):
            kind = "source"
        if kind is None:
            return f"<blockquote>{self.children(node)}</blockquote>\n"
        self.in_callout = True
        body = self.children(node)
        self.in_callout = False
        label = None if words.lower().startswith(kind) else kind.title()
        return self.callout(kind, body, label)

    def callout(self, kind: str, body: str, label: str | None) -> str:
        title = f'<p class="callout-label">{esc(label)}</p>' if label else ""
        return (
            f'<aside class="callout callout-{esc(kind)}" role="note"'
            f' aria-label="{esc(label or kind.title())}">{title}{body}</aside>\n'
        )

    # --- notebook outputs -------------------------------------------------------------------
    def outputs(self, node: dict) -> str:
        return f'<div class="outputs">{self.children(node)}</div>\n'

    def output(self, node: dict) -> str:
        jd = node.get("jupyter_data") or {}
        data = jd.get("data") or {}
        kind = jd.get("output_type")
        if kind == "stream":
            return f'<pre class="output-stream" tabindex="0">{esc(jd.get("text", ""))}</pre>\n'
        if kind == "error":
            error = f"{jd.get('ename', '')}: {jd.get('evalue', '')}"
            return f'<pre class="output-error">{esc(error)}</pre>'
        if WIDGET in data:
            return self.widget_note()
        if "image/png" in data or "image/jpeg" in data or "image/svg+xml" in data:
            mime = next(m for m in ("image/png", "image/jpeg", "image/svg+xml") if m in data)
            alt = ((jd.get("metadata") or {}).get(mime) or {}).get("alt") or node.get("alt", "")
            src = self.asset(data[mime]["path"])
            size = self.site.png_size(data[mime]["path"])
            dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
            caption = self.pending_caption or ""
            self.pending_caption = None
            self.figures += 1
            return (
                f'<figure class="chart"><img src="{esc(src)}" alt="{esc(alt)}"{dims}'
                f' loading="lazy">{caption}</figure>\n'
            )
        if "text/html" in data:
            content = data["text/html"].get("content", "")
            return (
                '<div class="output-html" role="region" tabindex="0" aria-label="Output table">'
                f"{content}</div>\n"
            )
        if "text/markdown" in data or "text/plain" in data:
            mime = "text/plain" if "text/plain" in data else "text/markdown"
            text = esc(data[mime].get("content", ""))
            return f'<pre class="output-text" tabindex="0">{text}</pre>\n'
        return ""

    def widget_note(self) -> str:
        self.widget_notes += 1
        links = ""
        if self.lesson:
            links = (
                f' <a href="{esc(self.lesson["binder"])}" class="external" rel="noopener">Launch'
                f' on Binder</a> or <a href="{esc(self.lesson["hub"])}" class="external"'
                ' rel="noopener">open it on your JupyterHub</a> to use it.'
            )
        body = (
            "<p>This interactive widget needs a running notebook: a web page cannot run it."
            f"{links} The charts on this page are the ones stored with the lesson.</p>"
        )
        return self.callout("widget", body, "Interactive widget")

    # --- a whole page -----------------------------------------------------------------------
    def caption_of(self, block: dict) -> tuple[str | None, dict]:
        """If ``block`` starts with a figure caption paragraph, return (figcaption, rest)."""
        kids = block.get("children", []) or []
        if not kids or kids[0].get("type") != "paragraph":
            return None, block
        para = kids[0]
        parts = para.get("children", []) or []
        if not parts or parts[0].get("type") != "emphasis":
            return None, block
        if not FIGURE_CAPTION.match(text_of(parts[0])):
            return None, block
        caption = self.split_source(parts[0])
        extra = "".join(self.render(p) for p in parts[1:])
        rest = dict(block, children=kids[1:])
        return f"<figcaption>{caption}{extra}</figcaption>", rest

    def split_source(self, emphasis: dict) -> str:
        """Render a caption, its "Source: ..." part as a source note."""
        before, after, found = [], [], False
        for child in emphasis.get("children", []) or []:
            if not found and child.get("type") == "text" and SOURCE_SPLIT.search(child["value"]):
                text = child["value"]
                match = SOURCE_SPLIT.search(text)
                before.append(esc(text[: match.start()] + match.group(1)))
                after.append(f"<strong>{esc(match.group(2))}</strong> ")
                after.append(esc(text[match.end() :]))
                found = True
                continue
            (after if found else before).append(self.render(child))
        html_ = f'<span class="caption-text">{"".join(before)}</span>'
        if found:
            html_ += f' <span class="source-note">{"".join(after)}</span>'
        return html_

    def body(self) -> str:
        self.pending_caption, self.figures = None, 0
        blocks = self.data["mdast"].get("children", [])
        out = []
        for i, block in enumerate(blocks):
            if block.get("type") == "block" and block.get("kind") == "notebook-code":
                has_image = any(
                    "image/png" in ((o.get("jupyter_data") or {}).get("data") or {})
                    for outs in block.get("children", [])
                    if outs.get("type") == "outputs"
                    for o in outs.get("children", [])
                )
                if has_image and i + 1 < len(blocks):
                    caption, rest = self.caption_of(blocks[i + 1])
                    if caption:
                        self.pending_caption = caption
                        blocks[i + 1] = rest
                out.append(f'<div class="cell cell-code">{self.render(block)}</div>\n')
            else:
                out.append(self.render(block))
        return "".join(out)

    def card(self) -> str:
        if not self.lesson:
            return ""
        card, lesson = self.lesson["card"], self.lesson
        prereqs = []
        for name in card.get("prerequisites", []):
            slug = self.site.slug_of.get(f"notebooks/{name}")
            title = self.site.title_of.get(slug, name)
            label = f"Lesson {name[:2]}: {title}"
            prereqs.append(
                f'<a href="{esc(self.page_href(slug))}">{esc(label)}</a>' if slug else esc(name)
            )
        objectives = "".join(f"<li>{esc(o)}</li>" for o in card.get("objectives", []))
        minutes = card.get("minutes")
        return f"""<section class="lesson-card" aria-labelledby="lesson-card-title">
<h2 id="lesson-card-title">Lesson {int(card.get("number", 0)):02d} at a glance</h2>
<dl>
<dt>Time</dt><dd>{esc(str(minutes))} minutes</dd>
<dt>Prerequisites</dt><dd>{", ".join(prereqs) if prereqs else "none: start here"}</dd>
</dl>
<p class="card-objectives-title">By the end you can:</p>
<ul class="objectives">{objectives}</ul>
<p class="launch">
<a class="button" href="{esc(lesson["binder"])}" rel="noopener">Launch on Binder</a>
<a class="button" href="{esc(lesson["hub"])}" rel="noopener">Open on JupyterHub</a>
<a class="button" href="{esc(self.prefix + lesson["download"])}" download>Download the notebook
(.ipynb)</a>
</p>
<p class="card-note">This page shows the lesson with its stored results. To run the code,
change the widgets and check your answers, open it in Jupyter with one of the buttons.</p>
</section>
"""

    def sources_table(self) -> str:
        """The Sources page's table, from the staged data/sources.csv, every title linked out."""
        if self.location != "/data/sources.md":
            return ""
        path = Path(os.environ.get("SITE_SOURCE", ".")) / "data" / "sources.csv"
        rows = []
        for row in csv.DictReader(path.open(encoding="utf-8")):
            title = esc(row.get("title") or "(untitled)")
            url = (row.get("url") or "").strip()
            if url.startswith(("http://", "https://")):
                title = f'<a href="{esc(url)}" class="external" rel="noopener">{title}</a>'
            who = row.get("author") or row.get("publisher") or ""
            rows.append(
                f'<tr id="{esc(row["source_id"])}"><td>{esc(who)}</td><td>{title}</td>'
                f"<td>{esc(row.get('date', ''))}</td><td>{esc(row.get('tier', ''))}</td>"
                f"<td>{esc((row.get('fact_use') or '').replace('_', ' '))}</td>"
                f"<td><code>{esc(row['source_id'])}</code></td></tr>"
            )
        return (
            '<div class="table-wrap" role="region" tabindex="0" aria-label="Sources">'
            '<table class="sources"><caption>Sources of the collection (data/sources.csv)</caption>'
            "<thead><tr><th>author or publisher</th><th>title</th><th>date</th><th>tier</th>"
            "<th>used for</th><th>id</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>\n"
        )

    def html(self) -> str:
        title = self.data.get("frontmatter", {}).get("title") or self.site.title_of.get(
            self.slug, ""
        )
        body = self.body()
        nav = self.site.nav(self)
        site_title = esc(self.site.title)
        repo = esc(self.site.meta["repo"])
        return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {site_title}</title>
<link rel="stylesheet" href="{self.prefix}site.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
<a class="site-title" href="{self.page_href(self.site.index)}">{site_title}</a>
<span class="site-tagline">China–Russia relations and the 2022 joint statement,
in six notebooks</span>
<a class="contents-link" href="#contents">Contents</a></header>
<div class="layout">
<nav class="site-nav" id="contents" aria-label="Contents">{nav}</nav>
<main id="main" tabindex="-1">
<article>
<h1>{esc(title)}</h1>
{self.card()}{body}{self.sources_table()}
</article>
</main>
</div>
<footer class="site-footer"><p>Built with Jupyter Book 2 from the stored outputs of the notebooks.
Source: <a href="https://github.com/{repo}" class="external"
rel="noopener">github.com/{repo}</a>.</p></footer>
</body>
</html>
"""


class Site:
    def __init__(self, cdn: str, out: Path, meta: dict):
        self.cdn, self.out, self.meta = cdn.rstrip("/"), out, meta
        self.config = self.get_json("/config.json")
        project = self.config["projects"][0]
        self.title = project.get("title", "")
        self.index = project.get("index", "index")
        self.pages = project.get("pages", [])
        self.toc = project.get("toc", [])
        self.title_of = {p["slug"]: p.get("title", "") for p in self.pages if p.get("slug")}
        self.slug_of: dict[str, str] = {}
        self.fetched: set[str] = set()

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.cdn + path, timeout=60) as response:
            return response.read()

    def get_json(self, path: str) -> dict:
        return json.loads(self.get(path))

    def fetch_asset(self, name: str) -> None:
        if name in self.fetched:
            return
        target = self.out / "build" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.get("/" + quote(name)))
        self.fetched.add(name)

    def png_size(self, name: str) -> tuple[int, int] | None:
        """(width, height) of a fetched PNG, from its header; None for other files."""
        head = (self.out / "build" / name.lstrip("/")).read_bytes()[:24]
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            return None
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")

    def nav(self, page: Page) -> str:
        items = []
        for slug in [self.index] + [p["slug"] for p in self.pages if p.get("slug")]:
            info = next((p for p in self.pages if p.get("slug") == slug), {"level": 1})
            title = "Home" if slug == self.index else self.title_of.get(slug, slug)
            current = ' aria-current="page"' if slug == page.slug else ""
            level = int(info.get("level", 1))
            items.append(
                f'<li class="level-{level}"><a href="{esc(page.page_href(slug))}"{current}>'
                f"{esc(title)}</a></li>"
            )
        return f"<ul>{''.join(items)}</ul>"

    def build(self) -> list[dict]:
        self.out.mkdir(parents=True, exist_ok=True)
        slugs = [self.index] + [p["slug"] for p in self.pages if p.get("slug")]
        contents = {slug: self.get_json(f"/content/{slug}.json") for slug in slugs}
        for slug, data in contents.items():
            self.slug_of[data.get("location", "").lstrip("/")] = slug
        self.title_of[self.index] = contents[self.index].get("frontmatter", {}).get("title", "")
        report = []
        for slug, data in contents.items():
            page = Page(self, slug, data)
            target = self.out / ("index.html" if slug == self.index else f"{slug}/index.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html(), encoding="utf-8")
            report.append(
                {"slug": slug, "figures": page.figures, "widget_notes": page.widget_notes}
            )
        shutil.copy(THEME / "site.css", self.out / "site.css")
        return report


def main() -> int:
    cdn = os.environ.get("CONTENT_CDN")
    out = os.environ.get("SITE_OUT") or os.environ.get("BUILD_DIRECTORY")
    if not cdn or not out:
        print("site_render.py is the site template's render command: run `make site`")
        return 2
    meta = json.loads(Path(os.environ["SITE_META"]).read_text(encoding="utf-8"))
    site = Site(cdn, Path(out), meta)
    report = {"pages": site.build(), "unknown_node_types": sorted(UNKNOWN)}
    if os.environ.get("SITE_SOURCE"):  # read by scripts/site_build.py and the tests
        target = Path(os.environ["SITE_SOURCE"]) / "render-report.json"
        target.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
