"""Inputs written by the tests: HTML pages and WARC archives built with warcio."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

STORY = [
    "The harbour council voted on Monday to approve a new ferry route linking the city with the three outer islands.",
    "Councillors voted 31 to 9 in favour of the plan, which will see two electric ferries enter service next spring.",
    "“This is a good day for the islands and for everyone who has waited so long,” council leader Anna Berg said.",
    "Opponents said the budget of 40 million euros was too high and that the money would be better spent on roads.",
    "The ferries will be built at a yard in the north of the country, the council said in a statement on Monday.",
    "Residents of the islands have relied on a private boat service that runs twice a day in summer and once in winter.",
]


def page(headline: str, paragraphs: list[str], caption: str | None = None, boilerplate: str = "") -> str:
    figure = f"<figure><img src='x.jpg'><figcaption>{caption}</figcaption></figure>" if caption else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title>"
        f"<meta name='author' content='Staff reporter'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a> {boilerplate}</nav>"
        f"<article><h1>{headline}</h1>{figure}{body}</article>"
        f"<footer>© 2025 Example Media. All rights reserved. {boilerplate}</footer></body></html>"
    )


def warc(records: list[tuple[str, int, str, bytes]], gzip: bool = True) -> bytes:
    """(uri, status, content type, body) responses, plus one request record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dateline tests"}))
    for uri, status, content_type, body in records:
        headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-11-15T12:00:00Z"},
        )  # fmt: skip
        writer.write_record(record)
    return buffer.getvalue()
