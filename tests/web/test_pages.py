"""The front door's pages over the seeded archive, through the app (no browser needed)."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.models import Document

ATOM = "{http://www.w3.org/2005/Atom}"


class Links(HTMLParser):
    """Every href/src on a page, and the text of elements with a given class."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def _urls(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.urls


def _marked(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", m)
        for m in re.findall(r'<mark class="quotable">(.*?)</mark>', html, re.S)
    ]


def test_search_page_reads_a_misspelt_speaker_and_marks_the_topic(client: TestClient) -> None:
    response = client.get("/", params={"speaker": "Kery", "topic": "Assad"})
    assert response.status_code == 200
    html = response.text
    assert '<span class="typed">Kery</span> → <strong>John Kerry</strong>' in html
    marked = _marked(html)
    assert marked and all("Assad" in m for m in marked)
    # Cards link to the source, the speaker page and carry a citation.
    assert re.search(r'href="/source/\d+\?quote=\d+#quote-\d+"', html)
    assert 'href="/speaker/john-kerry"' in html
    assert "John Kerry (Secretary of State, U.S. Department of State)" in html


def test_a_long_turn_is_shown_as_its_matching_sentences(client: TestClient) -> None:
    whole = client.get("/quotes", params={"speaker": "Kerry", "topic": "Assad", "limit": 50}).json()
    longest = max(whole["items"], key=lambda q: len(q["text"]))
    assert len(longest["text"]) > 2000
    html = client.get("/", params={"speaker": "Kerry", "topic": "Assad"}).text
    card = html.split(f'id="card-{longest["id"]}"')[1].split("</article>")[0]
    words = re.sub(r"<[^>]+>", "", card.split("<blockquote")[1].split("</blockquote>")[0])
    assert "…" in words and len(words) < 1200


def test_blank_fields_are_ignored_like_a_browser_sends_them(client: TestClient) -> None:
    blank = {
        "q": "",
        "speaker": "Johnson",
        "topic": "",
        "role": "",
        "kind": "",
        "date_from": "",
        "date_to": "",
        "sort": "",
    }
    response = client.get("/", params=blank)
    assert response.status_code == 200
    names = set(
        re.findall(r'<h3 id="who-\d+" class="who">\s*<a href="[^"]+">([^<]+)</a>', response.text)
    )
    assert names == {"Boris Johnson"}


def test_dates_in_the_wrong_order_are_named_on_the_page(client: TestClient) -> None:
    response = client.get("/", params={"date_from": "2016-12-01", "date_to": "2016-01-01"})
    assert response.status_code == 400
    assert "From (date_from 2016-12-01) is after To (date_to 2016-01-01)" in response.text
    assert 'class="card"' not in response.text


def test_a_bad_word_search_is_explained_not_a_json_error(client: TestClient) -> None:
    response = client.get("/", params={"q": "-Russia"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "cannot only exclude words" in response.text


def test_facet_links_narrow_the_search(client: TestClient) -> None:
    html = client.get("/", params={"topic": "Assad"}).text
    aside = html.split('aria-label="Narrow the search"')[1]
    speaker_link = re.search(r'<a href="([^"]+)">Boris Johnson</a>', aside)
    assert speaker_link
    query = parse_qs(urlsplit(speaker_link.group(1).replace("&amp;", "&")).query)
    assert query == {"topic": ["Assad"], "speaker": ["Boris Johnson"]}
    month = re.search(r'<a href="([^"]+)">(\w+ \d{4})</a>', aside.split("<h3>Months</h3>")[1])
    assert month
    dates = parse_qs(urlsplit(month.group(1).replace("&amp;", "&")).query)
    assert dates["date_from"][0].endswith("-01") and dates["topic"] == ["Assad"]


def test_exports_and_feed_are_linked_with_the_same_search(client: TestClient) -> None:
    html = client.get("/", params={"speaker": "Kerry", "q": "sanctions"}).text.replace("&amp;", "&")
    assert "/quotes?q=sanctions&speaker=Kerry&sort=relevance&format=csv" in html
    assert "/quotes?q=sanctions&speaker=Kerry&sort=relevance&format=ndjson" in html
    assert "/quotes.atom?q=sanctions&speaker=Kerry" in html
    csv = client.get("/quotes?q=sanctions&speaker=Kerry&sort=relevance&format=csv")
    assert csv.status_code == 200 and "sanctions" in csv.text


def test_the_source_page_highlights_the_quote_and_its_question(client: TestClient) -> None:
    answers = client.get(
        "/quotes", params={"kind": "turn", "speaker": "Kerry", "limit": 200}
    ).json()["items"]
    answer = next(
        q for q in answers if client.get(f"/quotes/{q['id']}").json()["context"]["replies_to"]
    )
    detail = client.get(f"/quotes/{answer['id']}").json()
    question = detail["context"]["replies_to"]
    html = client.get(f"/source/{answer['document']['id']}", params={"quote": answer["id"]}).text
    target = re.search(
        rf'<mark class="target" id="quote-{answer["id"]}"[^>]*>(.*?)</mark>', html, re.S
    )
    asked = re.search(
        rf'<mark class="question" id="quote-{question["id"]}"[^>]*>(.*?)</mark>', html, re.S
    )
    assert target and asked
    document = client.get(f"/documents/{answer['document']['id']}").json()["text"]
    assert unescape(target.group(1)) == document[answer["start"] : answer["end"]]
    assert unescape(asked.group(1)) == document[question["start"] : question["end"]]


def test_a_quote_from_another_document_is_not_highlighted(client: TestClient) -> None:
    html = client.get("/source/2", params={"quote": 1}).text
    assert 'class="target"' not in html


def test_speaker_topic_and_event_pages(client: TestClient) -> None:
    speaker = client.get("/speaker/john-kerry").text
    assert "<h1>John Kerry</h1>" in speaker and "1 February 2013" in speaker
    assert '<svg class="timeline"' in speaker
    topic = client.get("/topics", params={"q": "ISIS"}).json()["items"][0]
    for ref in (topic["slug"], str(topic["id"])):
        page = client.get(f"/topic/{ref}").text
        assert f"<h1>{topic['name']}" in page and "Daesh" in page
    event = client.get("/events/1").json()
    page = client.get("/event/1").text
    for document in event["documents"]:
        assert f'href="/source/{document["id"]}"' in page
    for person in event["speakers"]:
        assert f'href="/speaker/{person["slug"]}"' in page


def test_unknown_things_are_html_404s(client: TestClient) -> None:
    for path in (
        "/speaker/nobody-at-all",
        "/speaker/999999",
        "/topic/999999",
        "/event/999999",
        "/source/999999",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Not found" in response.text


def test_the_atom_feed_is_newest_first_and_links_sources(client: TestClient) -> None:
    response = client.get("/quotes.atom", params={"topic": "Assad"})
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    days = [e.find(f"{ATOM}updated").text for e in entries]
    assert days and days == sorted(days, reverse=True)
    expected = client.get(
        "/quotes", params={"topic": "Assad", "count": "none", "limit": 200}
    ).json()
    assert len(entries) == len(expected["items"])
    link = entries[0].find(f"{ATOM}link[@rel='alternate']").get("href")
    assert "/source/" in link and "quote=" in link
    assert "Bashar al-Assad" in feed.find(f"{ATOM}title").text


def test_pages_load_nothing_from_another_host(client: TestClient) -> None:
    for path in ("/", "/?speaker=Kerry", "/speaker/john-kerry", "/source/1", "/docs", "/redoc"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy, path
        for url in _urls(response.text):
            assert not re.match(r"(https?:)?//", url) or url.startswith("https://"), url
        loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', response.text)
        assert all(u.startswith("/") for u in loaded), (path, loaded)


def test_docs_assets_are_served_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/docs/swagger-ui-bundle.js" in html and "cdn" not in html
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs/redoc.standalone.js").status_code == 200
    assert "fonts.googleapis" not in client.get("/redoc").text


def test_a_name_that_matches_nobody_offers_the_closest_as_links(client: TestClient) -> None:
    html = client.get("/", params={"speaker": "John", "q": "sanctions"}).text
    assert "no speaker by that name — did you mean" in html
    links = re.findall(r'<a href="([^"]+)">(John Kerry|John Kirby|Boris Johnson)</a>', html)
    assert [name for _, name in links][:2] == ["John Kerry", "John Kirby"]
    query = parse_qs(urlsplit(unescape(links[0][0])).query)
    assert query == {"speaker": ["John Kerry"], "q": ["sanctions"]}


def test_every_page_asset_ships_in_the_package() -> None:
    """An installed app (Docker, pip) must carry its templates, CSS and JS: pyproject's
    package-data has to name each of them."""
    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["app.web"]
    web = root / "app" / "web"
    assets = [p.relative_to(web).as_posix() for p in web.rglob("*") if p.is_file()]
    shipped = [a for a in assets if not a.endswith((".py", ".pyc")) and "__pycache__" not in a]
    assert shipped
    for asset in shipped:
        assert any(fnmatch(asset, pattern) for pattern in patterns), asset


def test_a_shared_link_with_tracking_parameters_still_opens(client: TestClient) -> None:
    response = client.get("/", params={"speaker": "Kerry", "utm_source": "newsletter"})
    assert response.status_code == 200 and 'class="card"' in response.text
    assert client.get("/quotes", params={"utm_source": "newsletter"}).status_code == 400


def test_a_card_links_the_original_url_when_the_document_has_one(
    client: TestClient, seeded_session: Session
) -> None:
    quote = client.get("/quotes", params={"speaker": "Kerry", "q": "sanctions"}).json()["items"][0]
    document = seeded_session.get(Document, quote["document"]["id"])
    assert document is not None
    document.url = "https://www.state.gov/remarks/example"
    seeded_session.commit()
    html = client.get("/", params={"speaker": "Kerry", "q": "sanctions"}).text
    card = html.split(f'id="card-{quote["id"]}"')[1].split("</article>")[0]
    assert '<a class="original" href="https://www.state.gov/remarks/example"' in card
    assert "https://www.state.gov/remarks/example." in unescape(card)  # ends the citation


def test_news_quotes_carry_their_verification_badge(client: TestClient) -> None:
    html = client.get("/", params={"speaker": "Kerry", "kind": "direct"}).text
    badges = re.findall(r'<a class="badge verification-(\w+)" href="/verification/(\d+)"', html)
    assert {status for status, _ in badges} == {"altered", "verbatim"}
    for status, quote_id in badges:
        assert client.get(f"/quotes/{quote_id}").json()["verification"]["status"] == status
    turns = client.get("/", params={"speaker": "Kerry", "kind": "turn"}).text
    assert "verification-" not in turns


def _badge_pages(client: TestClient) -> dict[str, str]:
    """The side-by-side page each badge on Kerry's news quotes leads to, by status."""
    html = client.get("/", params={"speaker": "Kerry", "kind": "direct"}).text
    links = re.findall(r'<a class="badge verification-(\w+)" href="(/verification/\d+)"', html)
    pages = {}
    for status, href in links:
        response = client.get(href)
        assert response.status_code == 200, href
        pages[status] = response.text
    return pages


def _marks(html: str, tag: str, side: str) -> list[tuple[str, str]]:
    """(classes, words) of each `tag` mark in one column of the side-by-side page."""
    column = html.split(f'class="{side}-side"')[1].split("</section>")[0]
    found = re.findall(rf'<{tag} class="([^"]+)"[^>]*>(.*?)<sup', column, flags=re.S)
    return [(css, unescape(words)) for css, words in found]


def test_the_badge_opens_the_news_words_beside_the_spoken_words(client: TestClient) -> None:
    altered = _badge_pages(client)["altered"]
    assert "As printed in the news" in altered and "As spoken" in altered
    assert "altered" in altered and "out of 100" in altered
    news = _marks(altered, "mark", "news")
    spoken = _marks(altered, "mark", "source")
    assert ("diff-replaced unsignposted", "making") in news
    assert ("diff-replaced unsignposted", "let me make it") in spoken
    # "Barack" was added in parentheses: marked as inserted on the printed side only.
    assert any(words == "Barack" for _, words in _marks(altered, "ins", "news"))
    assert not _marks(altered, "ins", "source")
    assert "Changed, not signposted" in altered  # the legend in words, not colour alone
    link = re.search(r'class="open-source" href="/source/(\d+)\?quote=(\d+)', altered)
    assert link is not None
    source = client.get(f"/source/{link[1]}?quote={link[2]}")
    assert source.status_code == 200 and "let me make it" in source.text


def test_a_verbatim_quote_shows_no_marks(client: TestClient) -> None:
    verbatim = _badge_pages(client)["verbatim"]
    assert "As spoken" in verbatim and "The words are the same as spoken" in verbatim
    assert not re.search(r"<(ins|del|mark) class=\"diff-", verbatim)


def test_an_unsourced_or_transcript_quote_has_no_side_by_side_page(client: TestClient) -> None:
    quotes = client.get("/quotes", params={"verification": "no_source", "limit": 1}).json()
    unsourced = quotes["items"][0]["id"]
    response = client.get(f"/verification/{unsourced}")
    assert response.status_code == 404 and "Not found" in response.text
    turn = client.get("/quotes", params={"kind": "turn", "limit": 1}).json()["items"][0]["id"]
    assert client.get(f"/verification/{turn}").status_code == 404
    assert client.get("/verification/999999").status_code == 404
