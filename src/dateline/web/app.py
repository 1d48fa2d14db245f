"""`dateline serve`: a local web app over a store, opened read-only.

Server-rendered pages (Starlette + Jinja2, every value escaped) with a JSON twin for each:
``?format=json``. The network is drawn with Cytoscape.js and the map on a world outline,
both served from the package: nothing is fetched from elsewhere. Every list is bounded
and paged.
"""

from __future__ import annotations

import time
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import DatelineError
from ..query import Database
from ..query import open as open_db
from .data import QUAD_NAMES, actor_record, map_points, marked_paragraphs, network

HERE = Path(__file__).parent
PAGE = 50  # rows per page of a list


def create_app(db_path: str | Path) -> Starlette:
    db = open_db(db_path, read_only=True)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    templates.globals.update(quad_names=QUAD_NAMES)
    templates.filters["snippet"] = _snippet
    world = (HERE / "static" / "world.svgpath").read_text(encoding="utf-8").strip()

    cached = Cached(seconds=60)  # whole-store summaries: other processes may write meanwhile

    def page(request: Request, name: str, data: dict[str, Any], **extra: Any) -> Response:
        if request.query_params.get("format") == "json":
            return JSONResponse(_plain(data))
        html = templates.get_template(name).render(request=request, db_path=str(db_path), **data, **extra)
        return HTMLResponse(html)

    def number(request: Request, key: str, default: int = 0) -> int:
        value = request.query_params.get(key) or str(default)
        return max(0, min(int(value), 10**9)) if value.isdigit() else default

    def search_page(request: Request) -> Response:
        q = request.query_params.get("q", "").strip()
        filters = {k: request.query_params.get(k) or None for k in ("since", "until", "agency", "actor", "place")}
        offset = number(request, "offset")
        hits, error = [], None
        if q:
            try:
                hits = db.search(q, limit=PAGE, offset=offset, marks=("\x01", "\x02"), **filters)
            except DatelineError as exc:
                error = str(exc)
        latest = [] if q else db.articles(limit=PAGE, offset=offset, **filters)
        data = {"query": q, "filters": filters, "hits": hits, "articles": latest, "error": error, "offset": offset,
                "stats": cached("stats", db.stats)}  # fmt: skip
        return page(request, "search.html", data, page_size=PAGE)

    def article_page(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        record = db.article(article_id)
        if record is None:
            return PlainTextResponse(f"no article {article_id}", status_code=404)
        copies = []
        if record.get("cluster_id") is not None:
            copies = [dict(r) for r in db.conn.execute(
                "SELECT a.id, a.headline, d.source FROM articles a JOIN documents d ON d.id = a.document_id "
                "WHERE a.cluster_id = ? AND a.id != ? LIMIT 50", (record["cluster_id"], record["id"]))]  # fmt: skip
        data = {"article": record, "copies": copies}
        return page(request, "article.html", data, marked=marked_paragraphs(db, record))

    def actor_page(request: Request) -> Response:
        record = actor_record(db, request.path_params["actor_id"])
        if record is None:
            return PlainTextResponse(f"no actor {request.path_params['actor_id']}", status_code=404)
        return page(request, "actor.html", {"actor": record}, timeline=_bars(timeline_from_rows(record["events"])))

    def actors_page(request: Request) -> Response:
        name = request.query_params.get("name") or None
        offset = number(request, "offset")
        try:
            actors = db.actors(name=name, limit=PAGE, offset=offset)
        except DatelineError as exc:
            return page(request, "actors.html", {"actors": [], "name": name, "error": str(exc), "offset": offset})
        return page(request, "actors.html", {"actors": actors, "name": name, "error": None, "offset": offset},
                    page_size=PAGE)  # fmt: skip

    def events_page(request: Request) -> Response:
        keys = ("source", "target", "root", "since", "until", "place")
        filters = {k: request.query_params.get(k) or None for k in keys}
        quad = request.query_params.get("quad")
        offset = number(request, "offset")
        error, events, days = None, [], []
        try:
            quad_value = int(quad) if quad and quad.isdigit() else None
            days = db.event_days(**filters, quad=quad_value)
            events = db.events(**filters, quad=quad_value, limit=PAGE, offset=offset)
        except DatelineError as exc:
            error = str(exc)
        total = sum(sum(day["counts"].values()) for day in days)
        data = {"filters": {**filters, "quad": quad}, "events": events, "timeline": days, "error": error,
                "offset": offset, "total": total}  # fmt: skip
        return page(request, "events.html", data, bars=_bars(days), page_size=PAGE)

    def network_page(request: Request) -> Response:
        return page(request, "network.html", cached("network", lambda: network(db)))

    def map_page(request: Request) -> Response:
        return page(request, "map.html", {"points": cached("map", lambda: map_points(db))}, world=world)

    routes = [
        Route("/", search_page),
        Route("/article/{article_id:int}", article_page),
        Route("/actors", actors_page),
        Route("/actor/{actor_id:int}", actor_page),
        Route("/events", events_page),
        Route("/network", network_page),
        Route("/map", map_page),
        Route("/api/network", lambda request: JSONResponse(cached("network", lambda: network(db)))),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.db = db
    return app


class Cached:
    """Values that summarise the whole store, computed at most once per ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.values: dict[str, tuple[float, Any]] = {}

    def __call__(self, key: str, compute) -> Any:
        now = time.monotonic()
        if key not in self.values or now - self.values[key][0] > self.seconds:
            self.values[key] = (now, compute())
        return self.values[key][1]


def timeline_from_rows(rows: list[dict]) -> list[dict]:
    days: dict[str, dict[int, int]] = {}
    for row in rows:
        day = days.setdefault((row["date"] or "undated")[:10], {})
        day[row["quad_class"]] = day.get(row["quad_class"], 0) + 1
    return [{"date": d, "counts": days[d]} for d in sorted(days)]


def _bars(days: list[dict], width: int = 900, height: int = 160) -> dict:
    """Geometry of a stacked bar chart of events per day (drawn as SVG by the template)."""
    if not days:
        return {"bars": [], "width": width, "height": height, "most": 0}
    most = max(sum(d["counts"].values()) for d in days)
    step = min(width / len(days), 60.0)  # a few days do not make slabs
    bars = []
    for i, day in enumerate(days):
        y = height
        for quad in (1, 2, 3, 4):
            n = day["counts"].get(quad, 0)
            if n:
                h = height * n / most
                y -= h
                bars.append({"x": round(i * step, 1), "y": round(y, 1), "w": round(max(step - 1, 1), 1),
                             "h": round(h, 1), "quad": quad, "date": day["date"], "n": n})  # fmt: skip
    return {"bars": bars, "width": width, "height": height, "most": most, "first": days[0]["date"],
            "last": days[-1]["date"]}  # fmt: skip


def _snippet(text: str) -> Markup:
    """A search snippet: escaped, with the matched words (between \x01 and \x02) marked."""
    return Markup(str(escape(text)).replace("\x01", "<mark>").replace("\x02", "</mark>"))


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return value.replace("\x01", "").replace("\x02", "")
    return value


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")


__all__ = ["Database", "create_app", "serve"]
