from __future__ import annotations

import gzip
import json

from dateline import process_text
from dateline.ingest.html import decode_html
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument

from .builders import STORY, page

CAPTION = "Council leader Anna Berg at the harbour on Monday. (Photo: AFP)"


def test_page_becomes_an_article_with_captions_apart():
    html = page("Council approves island ferry route", STORY, caption=CAPTION).encode()
    doc = decode_html(RawDocument("https://example.org/ferry", html, content_hash(html), media_type="text/html"))
    (article,) = doc.articles
    assert article.headline.text == "Council approves island ferry route"
    assert [c.text for c in article.captions] == [CAPTION]
    assert CAPTION not in article.body
    assert article.paragraphs[0].text.startswith("The harbour council voted on Monday")
    assert "All rights reserved" not in article.body
    assert article.agency is None  # "(Photo: AFP)" credits the photo, not the article
    for _, span in article.blocks:
        assert doc.text[span.start : span.end] == span.text


def test_the_agency_comes_from_the_dateline_or_byline_never_from_credits_or_quotes():
    told = [*STORY, "“We will keep the fares low,” Anna Berg told AFP on Monday."]
    html = page("Council approves island ferry route", told, caption=CAPTION).encode()
    (article,) = decode_html(RawDocument("https://example.org/a", html, "h1", media_type="text/html")).articles
    assert article.agency is None
    wired = [f"LONDON (Reuters) - {STORY[0]}", *STORY[1:]]
    html = page("Council approves island ferry route", wired, caption=CAPTION).encode()
    (article,) = decode_html(RawDocument("https://example.org/b", html, "h2", media_type="text/html")).articles
    assert article.agency == "Reuters" and article.dateline_places == ["London"]
    assert article.paragraphs[0].text.startswith("The harbour council")


def test_the_headline_is_the_pages_own_not_the_window_title_with_the_site_name():
    html = page("Council approves island ferry route | Harbour Times", STORY).replace(
        "<h1>Council approves island ferry route | Harbour Times</h1>", "<h1>Council approves island ferry route</h1>"
    )
    (article,) = decode_html(RawDocument("https://harbourtimes.example/x", html.encode(), "h3",
                                         media_type="text/html")).articles  # fmt: skip
    assert article.headline.text == "Council approves island ferry route"
    # Without an <h1>, the window title loses the site's name (named in the domain here).
    html = html.replace("<h1>Council approves island ferry route</h1>", "")
    (article,) = decode_html(RawDocument("https://harbourtimes.example/x", html.encode(), "h4",
                                         media_type="text/html")).articles  # fmt: skip
    assert article.headline.text == "Council approves island ferry route"


def test_the_headline_printed_atop_the_body_is_not_body_text():
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    html = (f"<html><head><title>Ferry route approved | Harbour Times</title></head><body><nav>Home</nav><article>"
            f"<h1>Council approves island ferry route</h1>{paragraphs}</article></body></html>")  # fmt: skip
    (article,) = decode_html(RawDocument("p.html", html.encode(), "h5", media_type="text/html")).articles
    assert article.headline.text == "Council approves island ferry route"
    assert article.headline.text not in article.body
    assert article.paragraphs[0].text == STORY[0]


def test_page_source_taken_for_text_is_not_body_text():
    # Pages whose markup confuses the parser hand the extractor their scripts as paragraphs:
    # a tag written out as text ends the article, and script lines are never body text.
    code = ["window.pbjs = window.pbjs || {};", "if (success) {", "});",
            "const isSuccess = (response) => response && response.meta.status === 200;"]  # fmt: skip
    after = ["&lt;/noscript&gt;&lt;script id=\"data\"&gt;{\"meta\": 1}", "window.kinja = {};",
             "Readers also liked this story about the harbour and the islands in the north."]  # fmt: skip
    html = page("Council approves island ferry route", [*STORY[:3], *code, *STORY[3:], *after]).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == STORY


def test_an_embedded_post_written_out_as_markup_is_not_body_text():
    embed = ("&lt;a href=\"https://example.org/tags/ferry\"&gt;#Ferry&lt;/a&gt; The island council approved the "
             "route, the harbour master told reporters on Monday evening.")
    html = page("Council approves island ferry route", [*STORY[:2], embed, *STORY[2:]]).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == STORY


def test_page_clutter_between_paragraphs_is_not_body_text():
    clutter = ["- Tweet", "- Digg this", "[Read: Ten years of the island ferry]", "Loading Photo Gallery",
               "ADVERTISEMENT", "RELATED: Harbour fees rise again", "(END)",
               "Our Standards: The Thomson Reuters Trust Principles.",
               "Sign up for our Weekly Harbour Brief for the latest news delivered right to your inbox.",
               "This story originally appeared in the Island Gazette."]  # fmt: skip
    html = page("Council approves island ferry route", [*STORY[:2], *clutter[:4], *STORY[2:], *clutter[4:]]).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == STORY


def test_stories_below_the_article_are_not_body_text():
    # trafilatura's precise reading leaves out blocks a page marks as its bottom matter
    more = ["The port board raised harbour fees for the third year running, citing the cost of dredging.",
            "Pupils returned to the island school on Tuesday after a summer of repairs to its roof."]  # fmt: skip
    bottom = "<div class='article-bottom'>" + "".join(f"<p>{text}</p>" for text in more) + "</div>"
    html = page("Council approves island ferry route", STORY).replace("</article>", f"{bottom}</article>").encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == STORY


def test_a_link_inside_a_sentence_keeps_its_words():
    # trafilatura's precise reading prunes elements by class, an inline "link" wrapper too:
    # the sentence came out "… aid deliveries and the along with the release of prisoners"
    linked = ("The talks could allow for aid deliveries and the <span class='link'><a href='/hostages'>return of "
              "more hostages</a></span> along with the release of prisoners, officials said.")  # fmt: skip
    html = page("Council approves island ferry route", [STORY[0], linked, *STORY[1:]]).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == [
        STORY[0],
        "The talks could allow for aid deliveries and the return of more hostages along with the release of "
        "prisoners, officials said.",
        *STORY[1:],
    ]


def test_text_after_an_empty_inline_element_is_kept():
    # trafilatura's precise reading drops what follows an empty <em> or <span> in its paragraph
    stray = "Berg said the vote was close. A<em></em>s the count went on<span class='x'></span>, the hall fell silent."
    html = page("Council approves island ferry route", [STORY[0], stray, *STORY[1:]]).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert article.paragraphs[1].text == "Berg said the vote was close. As the count went on, the hall fell silent."


def test_a_list_of_sources_closing_the_article_is_not_body_text():
    sources = ["Interview with Anna Berg, council leader, Dec. 13, 2023",
               "Harbour Times, Island ferry plan costed at 40 million euros, March 2, 2023",
               "Ferry Review, Electric ferries in northern waters, accessed Dec. 19. 2023",  # the page's typo
               "Port Authority, Annual report, July 2022"]  # fmt: skip
    html = (
        page("Council approves island ferry route", [*STORY, *sources])
        .replace(f"<p>{sources[0]}</p>", f"<h2>Our Sources</h2><p>{sources[0]}</p>")
        .encode()
    )
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == STORY and not article.subheads
    # two dated lines at the end are the article's own
    dated = [*STORY, "The route was first proposed on March 2, 2023", "The vote was held on Dec. 11, 2023"]
    html = page("Council approves island ferry route", dated).encode()
    (article,) = decode_html(RawDocument("p.html", html, content_hash(html), media_type="text/html")).articles
    assert [span.text for span in article.paragraphs] == dated


def test_process_text_sniffs_html_and_runs_every_stage():
    doc = process_text(page("Council approves island ferry route", STORY, caption=CAPTION))
    (article,) = doc.articles
    assert any(a.name == "Anna Berg" for a in article.actors)
    assert any(q.content.text.startswith("“This is a good day") for q in article.quotes)


def test_real_pages_keep_captions_out_of_the_body(shared_dir):
    folder = shared_dir / "eval" / "aeb"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    checked = 0
    for path in sorted((folder / "html").glob("*.html.gz"))[:40]:
        html = gzip.decompress(path.read_bytes())
        doc = decode_html(RawDocument(path.name, html, content_hash(html), media_type="text/html"))
        article = doc.articles[0]
        assert article.blocks, path.name
        assert truth[path.name[: -len(".html.gz")]]["articleBody"]
        for caption in article.captions:
            checked += 1
            assert not any(span.text == caption.text for _, span in article.blocks)
    assert checked > 0
