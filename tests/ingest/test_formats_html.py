"""Saved web pages: the article without the page around it, shaped like a `.txt` article,
so quotes and speakers come out as they do from the plain text."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from app.ingest.formats import format_of
from app.ingest.formats import html as html_format
from app.ingest.loader import IngestError, load_bytes, read_document
from app.ingest.parse import ParsedDocument, parse_document

PAGES = Path(__file__).resolve().parents[1] / "data" / "formats"
PAGE = PAGES / "kerry_geneva.html"  # nav, cookie banner, newsletter box, related links, footer
PLAIN = PAGES / "kerry_geneva.txt"  # the same article as a reader would save it as text


def _quotes(parsed: ParsedDocument) -> list[tuple[str, str, str | None]]:
    return [
        (q.statement.text, q.statement.kind, q.statement.claim and q.statement.claim.name)
        for q in parsed.quotes
    ]


def test_a_saved_news_page_gives_the_quotes_of_its_plain_text() -> None:
    page = parse_document(read_document(PAGE, 1_000_000))
    plain = parse_document(read_document(PLAIN, 1_000_000))
    assert _quotes(page) == _quotes(plain)
    assert (
        "We have an agreement on the principles of a ceasefire, and now we need the parties "
        "at the table,",
        "direct",
        "John Kerry",
    ) in _quotes(page)
    assert ("largely held", "partial", "John Kerry") in _quotes(page)
    assert page.genre == plain.genre == "news"


def test_the_page_text_is_the_article_alone_in_blank_line_paragraphs() -> None:
    loaded = read_document(PAGE, 1_000_000)
    assert loaded.text == PLAIN.read_text(encoding="utf-8")
    for boilerplate in ("cookies", "Related stories", "All rights reserved", "Sign up", "Home"):
        assert boilerplate not in loaded.text
    assert "<" not in loaded.text and "&ldquo;" not in loaded.text


def test_the_page_metadata_becomes_the_document_metadata() -> None:
    parsed = parse_document(read_document(PAGE, 1_000_000))
    assert parsed.title == "Kerry says Syria talks in Geneva will resume next week"
    assert parsed.author == "Anna Lindqvist"
    assert str(parsed.published) == "2016-03-01"
    assert parsed.url == "https://worldwire.example/world/2016/03/01/kerry-syria-talks-geneva"
    assert parsed.publisher == "World Wire"


def test_a_sidecar_overrides_each_field_it_gives(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_bytes(PAGE.read_bytes())
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"publisher": "World Wire Europe", "date": "2016-03-02", "author": ""})
    )
    parsed = parse_document(read_document(page, 1_000_000))
    assert parsed.publisher == "World Wire Europe"
    assert str(parsed.published) == "2016-03-02"  # the sidecar's `date` beats the page's date
    assert parsed.author == "Anna Lindqvist"  # an empty sidecar field leaves the page's
    assert parsed.title == "Kerry says Syria talks in Geneva will resume next week"


@pytest.mark.parametrize("name", ["upload", "story.php", "story.aspx"])
def test_an_upload_with_an_unknown_suffix_is_sniffed_as_html(name: str) -> None:
    loaded = load_bytes(Path(name), PAGE.read_bytes())
    assert loaded.encoding == "html"
    assert loaded.text == PLAIN.read_text(encoding="utf-8")


def test_plain_text_with_an_unknown_suffix_stays_text() -> None:
    data = PLAIN.read_bytes()
    assert format_of(Path("upload"), data) == "text"
    assert load_bytes(Path("upload"), data).text == PLAIN.read_text(encoding="utf-8")


def test_a_page_without_an_article_is_an_error_naming_the_file(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        "</nav><script>var x = 1;</script></body></html>"
    )
    with pytest.raises(IngestError, match="no article text") as caught:
        read_document(page, 1_000_000)
    assert str(page) in str(caught.value)


def test_deeply_nested_html_is_refused_not_followed(tmp_path: Path) -> None:
    """50,000 nested elements: the parser stops at its depth limit instead of recursing."""
    depth = 50_000
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep words nobody should wait for.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    with pytest.raises(IngestError, match="no article text"):
        read_document(page, 5_000_000)


def test_the_size_limit_applies_to_the_page_bytes(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_bytes(PAGE.read_bytes())
    with pytest.raises(IngestError, match="over the limit"):
        read_document(page, len(PLAIN.read_bytes()) + 10)  # the text would fit, the page not


def test_a_page_with_more_tags_than_the_limit_is_refused_unparsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_format, "MAX_TAGS", 1_000)
    page = "<html><body>" + "<p>Row of words.</p>" * 600 + "</body></html>"
    with pytest.raises(IngestError, match="1204 tags, over the limit of 1000"):
        load_bytes(Path("rows.html"), page.encode())
    assert load_bytes(Path("rows.html"), PAGE.read_bytes()).text  # the article page is under


def test_a_transcript_web_page_gives_the_turns_of_its_text() -> None:
    """Official transcripts are also published as pages: one `<p>` a turn, `<br>` in the
    header block, the site's name after the title."""
    seed = Path(__file__).resolve().parents[2] / "seeds" / "001_1b4245d2267ffe21.txt"
    paragraphs = [p.strip("\n") for p in seed.read_text(encoding="utf-8").split("\n\n") if p]
    body = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>\n"
        for p in paragraphs[1:]
    )
    page = (
        f"<!doctype html><html><head><title>{paragraphs[0]} - U.S. Department of State</title>"
        '<meta property="og:site_name" content="U.S. Department of State"></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/secretary">Secretary</a></nav></header>'
        f'<main><article><h1>{paragraphs[0]}</h1><div class="entry-content">{body}</div>'
        "</article></main><footer>Subscribe to updates. This is an archive page.</footer>"
        "</body></html>"
    )
    plain = "\n\n".join(paragraphs) + "\n"
    from_page = parse_document(load_bytes(Path("roundtable.html"), page.encode()))
    from_text = parse_document(load_bytes(Path("roundtable.txt"), plain.encode()))
    assert from_page.text == plain
    assert from_page.genre == "transcript"
    assert from_page.title == "Roundtable With Print Journalists"
    assert from_page.publisher == "U.S. Department of State"
    assert _quotes(from_page) == _quotes(from_text)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-16"])
def test_a_page_saved_in_any_common_encoding_without_a_charset_gives_the_same_text(
    encoding: str,
) -> None:
    page = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    for entity, char in (("&ldquo;", "“"), ("&rdquo;", "”"), ("&ndash;", "–")):
        page = page.replace(entity, char)  # the characters themselves, in the page's encoding
    loaded = load_bytes(Path("story.htm"), page.encode(encoding))
    assert loaded.text == PLAIN.read_text(encoding="utf-8")
