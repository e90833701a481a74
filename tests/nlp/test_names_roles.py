"""Names and offices as sources write them."""

from __future__ import annotations

import pytest

from app.nlp.names import display_name, fold, is_full_name, name_key, slugify, surname
from app.nlp.roles import country_of, role_family, same_office


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("SECRETARY KERRY", "kerry"),
        ("Mr. John Kerry", "john kerry"),
        ("FOREIGN SECRETARY JOHNSON", "johnson"),
        ("François Hollande", "francois hollande"),
        ("Bashar al‑Assad", "bashar al-assad"),
        ("Mr", "mr"),
    ],
)
def test_name_key(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize(
    ("name", "full"),
    [("John Kerry", True), ("Kerry", False), ("Mr Kerry", False), ("Secretary John Kerry", True)],
)
def test_is_full_name(name: str, full: bool) -> None:
    assert is_full_name(name) is full


def test_display_and_surname() -> None:
    assert display_name("KIRBY") == "Kirby"
    assert display_name("AL-ASSAD") == "al-Assad"
    assert display_name("John Kerry") == "John Kerry"
    assert surname("Secretary John Kerry") == "Kerry"
    assert slugify("Bashar al-Assad") == "bashar-al-assad"
    assert fold("Kerry’s") == "kerry's"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Secretary of State", "top diplomat", True),
        ("Foreign Secretary", "the foreign minister", True),
        ("Prime Minister", "Secretary of State", False),
        ("spokesman", "Spokesperson", True),
        ("Mayor of London", "Foreign Secretary", False),
    ],
)
def test_role_families(a: str, b: str, same: bool) -> None:
    assert same_office(a, b) is same


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("US’", "United States"),
        ("U.S.", "United States"),
        ("Britain's", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("American", "United States"),
        ("Narnia", None),
    ],
)
def test_country_words(word: str, country: str | None) -> None:
    assert country_of(word) == country


def test_unknown_title_is_its_own_family() -> None:
    assert role_family("Chief Rabbi") == "chief rabbi"
