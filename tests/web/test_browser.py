"""The front door in a real headless Chromium: what a journalist does, click by click, with
every request to another host refused (the page must work on a network without one)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.web.conftest import Network

# One database is enough to drive a browser: the pages' queries are tested on both.
pytestmark = pytest.mark.parametrize("seeded_engine", ["sqlite"], indirect=True)
ATOM = "{http://www.w3.org/2005/Atom}"


def _search(page: Any, base: str, **fields: str) -> None:
    page.goto(base + "/")
    for name, value in fields.items():
        page.get_by_label(name.capitalize(), exact=True).fill(value)
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()


def _speakers_on_cards(page: Any) -> list[str]:
    return [s.strip() for s in page.locator("article.card h3.who > a").all_inner_texts()]


def test_search_for_a_misspelt_speaker_and_a_topic(
    page: Any, live_server: str, network: Network
) -> None:
    _search(page, live_server, speaker="Kery", topic="Assad")
    assert "speaker=Kery" in page.url and "topic=Assad" in page.url  # a permalink
    understood = page.get_by_label("How your search was read").inner_text()
    assert "Kery → John Kerry" in understood
    assert "Assad → Bashar al-Assad" in understood
    speakers = _speakers_on_cards(page)
    assert speakers and set(speakers) == {"John Kerry"}
    # The sentences naming Assad are marked on every card, whatever name the quote uses.
    for card in page.locator("article.card").all():
        marked = " ".join(card.locator("mark.quotable").all_inner_texts())
        assert "Assad" in marked, card.inner_text()
    assert page.locator("svg.timeline rect.bar").count() >= 1
    assert network.refused == []
    assert network.console_errors == []


def test_open_in_source_shows_the_quote_highlighted(
    page: Any, live_server: str, network: Network
) -> None:
    _search(page, live_server, speaker="Kerry", words="sanctions")
    first = page.locator("article.card").first
    with page.expect_navigation():
        first.get_by_role("link", name="Open in source").click()
    assert "/source/" in page.url
    quote_id = page.url.split("quote=")[1].split("#")[0]
    stored = page.request.get(f"{live_server}/quotes/{quote_id}").json()
    target = page.locator(".source-text mark.target")
    assert target.inner_text() == stored["text"]
    assert "sanctions" in target.inner_text()
    assert target.is_visible()
    box = target.bounding_box()
    # Scrolled to it: its top within the viewport (Chromium 156 stops a fraction of a pixel
    # past the anchor: y = -0.39).
    assert box is not None and -1 < box["y"] < page.viewport_size["height"]
    assert network.refused == []


def test_a_verification_badge_opens_the_side_by_side_view(
    page: Any, live_server: str, network: Network
) -> None:
    _search(page, live_server, speaker="Kerry", words="sanctions")
    badge = page.locator("article.card a.badge.verification-altered").first
    with page.expect_navigation():
        badge.click()
    assert "/verification/" in page.url
    news = page.locator(".news-side mark.diff-replaced").first
    spoken = page.locator(".source-side mark.diff-replaced").first
    assert news.is_visible() and spoken.is_visible()
    assert news.inner_text().startswith("making")
    assert spoken.inner_text().startswith("let me make it")
    news_box, spoken_box = news.bounding_box(), spoken.bounding_box()
    assert news_box is not None and spoken_box is not None
    assert news_box["x"] < spoken_box["x"]  # side by side: the printed words on the left
    assert network.refused == []


def test_a_facet_narrows_the_search(page: Any, live_server: str) -> None:
    _search(page, live_server, topic="Assad")
    before = set(_speakers_on_cards(page))
    assert len(before) > 1, before
    facets = page.get_by_role("complementary", name="Narrow the search")
    with page.expect_navigation():
        facets.locator("section.facet", has_text="Speakers").get_by_role(
            "link", name="Boris Johnson"
        ).click()
    assert set(_speakers_on_cards(page)) == {"Boris Johnson"}
    heading = page.locator("#results-heading").inner_text()
    assert "quote" in heading
    # The topic stayed: the search was narrowed, not replaced.
    assert page.get_by_label("Topic", exact=True).input_value() == "Assad"


def test_the_search_as_an_atom_feed(page: Any, live_server: str) -> None:
    _search(page, live_server, speaker="Kerry")
    href = page.locator("a.feed").first.get_attribute("href")
    response = page.goto(live_server + href)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    assert {e.find(f"{ATOM}author/{ATOM}name").text for e in entries} == {"John Kerry"}
    days = [dt.datetime.fromisoformat(e.find(f"{ATOM}updated").text) for e in entries]
    assert days == sorted(days, reverse=True)  # newest first


def test_the_search_works_with_javascript_off(chromium: Any, live_server: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server + "/")
        page.get_by_label("Speaker", exact=True).fill("Johnson")
        with page.expect_navigation():
            page.get_by_label("Words", exact=True).press("Enter")
        assert set(_speakers_on_cards(page)) == {"Boris Johnson"}
    finally:
        context.close()


def test_copy_citation_puts_plain_text_on_the_clipboard(page: Any, live_server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _search(page, live_server, speaker="Kerry", words="sanctions")
    card = page.locator("article.card").first
    card.locator("summary", has_text="Citation").click()
    card.get_by_role("button", name="Copy citation").click()
    page.wait_for_function("document.querySelector('button.copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("John Kerry (Secretary of State")
    assert "sanctions" in copied and "Source: “" in copied


def test_swagger_ui_renders_with_no_network(page: Any, live_server: str, network: Network) -> None:
    page.goto(live_server + "/docs")
    page.locator(".opblock-summary-path", has_text="/quotes").first.wait_for()
    assert page.locator(".opblock").count() >= 10
    assert network.refused == []
    assert network.console_errors == []


def test_redoc_renders_with_no_network(page: Any, live_server: str, network: Network) -> None:
    page.goto(live_server + "/redoc")
    page.get_by_role("heading", name="Find quotes").first.wait_for()
    assert network.refused == []


def test_swagger_try_it_out_starts_usable(page: Any, live_server: str) -> None:
    """Journalists' parameters first; a new list item is empty, not the word `string`; and
    typing a name into it finds that person's quotes."""
    page.goto(live_server + "/docs")
    operation = page.locator("#operations-quotes-list_quotes")
    operation.locator(".opblock-summary").click()
    rows = operation.locator("tr[data-param-name]")
    rows.first.wait_for()
    names = [rows.nth(i).get_attribute("data-param-name") for i in range(3)]
    assert names == ["speaker", "topic", "q"]
    assert "null" not in operation.locator("tr[data-param-name=q] .parameter__type").inner_text()
    speaker = operation.locator("tr[data-param-name=speaker]")
    speaker.get_by_role("button", name="Add string item").click()
    item = speaker.locator("input").first
    assert item.input_value() == ""
    item.fill("Kerry")
    operation.get_by_role("button", name="Execute").click()
    answer = operation.locator(".live-responses-table .microlight", has_text="John Kerry")
    answer.first.wait_for()


def test_readable_on_a_phone_and_usable_from_the_keyboard(chromium: Any, live_server: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(live_server + "/?speaker=Kerry")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
        page.locator("body").press("/")
        assert page.evaluate("document.activeElement.id") == "q"
        page.keyboard.type("sanctions")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "q=sanctions" in page.url
        assert page.locator("article.card b.hit", has_text="sanctions").count() >= 1
    finally:
        context.close()
