"""Topics in short passages: every name of a topic, and no topic made of fillers or grammar."""

from __future__ import annotations

import itertools

import pytest

from app.nlp.topics import (
    TopicEntry,
    TopicMatcher,
    discover_entities,
    document_people,
    find_topics,
    load_lexicon,
    normalise_alias,
    quote_topics,
)


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    return TopicMatcher(load_lexicon())


NONE: set[str] = set()

# (id, passage, the exact set of canonical topic names find_topics must return)
CASES: list[tuple[str, str, set[str]]] = [
    # One group under all its names.
    ("daesh", "Daesh controls the road.", {"ISIL"}),
    ("isis-caps", "He warned about ISIS recruiting online.", {"ISIL"}),
    ("isis-title-case", "Isis lost its last town.", {"ISIL"}),
    ("isil-title-case", "We will defeat Isil.", {"ISIL"}),
    ("islamic-state-group", "Fighters of the Islamic State group fled.", {"ISIL"}),
    ("islamic-state-long", "The Islamic State of Iraq and the Levant claimed it.", {"ISIL"}),
    ("is-militants", "IS militants shelled the town.", {"ISIL"}),
    ("is-held", "Civilians fled IS-held districts.", {"ISIL"}),
    ("is-group", "Officials blamed the IS group.", {"ISIL"}),
    ("against-is", "The campaign against IS goes on.", {"ISIL"}),
    ("nusra-variants", "Jabhat al-Nusra and the Nusra Front are one group.", {"al-Nusrah"}),
    ("nusrah-short", "Strikes hit Nusrah positions.", {"al-Nusrah"}),
    ("al-qaeda-spelling", "It is an affiliate of al-Qaeda.", {"al-Qaida"}),
    ("icc", "They should go before the ICC.", {"International Criminal Court"}),
    ("g20", "After the G20 meeting they spoke.", {"G20"}),
    ("un-backed", "UN-backed talks failed.", {"United Nations", "negotiations"}),
    ("staffan", "Staffan de Mistura is ready to convene them.", {"Staffan de Mistura"}),
    ("accents", "Francois Hollande, that is François Hollande.", {"François Hollande"}),
    ("putin-title", "President Putin said so.", {"Vladimir Putin"}),
    ("mr-kerry", "Mr Kerry said it.", {"John Kerry"}),
    (
        "washington-is-a-city",
        "Hollande is going to Washington.",
        {"François Hollande", "Washington"},
    ),
    # Acronyms against ordinary words.
    ("is-verb", "It is what it is.", NONE),
    ("is-shouted", "THIS IS NOT ACCEPTABLE, he said.", NONE),
    ("us-caps", "The US wants a deal.", {"United States"}),
    ("us-dots", "U.S. officials declined to comment.", {"United States"}),
    ("us-pronoun", "Tell us what you need from us.", NONE),
    ("us-shouted", "TELL US NOW", NONE),
    ("us-beside-acronym", "The US UN envoy spoke.", {"United States", "United Nations"}),
    ("un-caps", "The UN envoy arrived.", {"United Nations"}),
    ("america", "America and its allies agreed.", {"United States"}),
    # Demonyms.
    ("russians-iranians", "The Russians and the Iranians back him.", {"Russia", "Iran"}),
    ("saudis-qataris", "The Saudis and the Qataris pledged money.", {"Saudi Arabia", "Qatar"}),
    ("turks", "The Turks closed the border.", {"Turkey"}),
    ("french-british", "French and British diplomats met.", {"France", "United Kingdom"}),
    ("syrian-refugees", "Syrian refugees crossed into Jordan.", {"Syria", "migration", "Jordan"}),
    ("iranian", "An Iranian general was killed.", {"Iran"}),
    ("turkey-bird", "We ate turkey on Thursday.", NONE),
    # Possessives.
    ("assad-curly", "Assad’s forces retook the city.", {"Bashar al-Assad"}),
    ("assad-straight", "They condemned Assad's barrel bombs.", {"Bashar al-Assad", "airstrikes"}),
    ("russia-possessive", "Russia's veto blocked it.", {"Russia"}),
    # The regime is Assad's.
    ("assad-regime", "The Assad regime must go.", {"Bashar al-Assad"}),
    (
        "syrian-regime",
        "Sanctions on the Syrian regime were tightened.",
        {"Bashar al-Assad", "sanctions"},
    ),
    ("regime-in-damascus", "Pressure on the regime in Damascus grew.", {"Bashar al-Assad"}),
    # Fillers and forms of address at a sentence start name nothing.
    ("well-thank", "Well, thank you very much.", NONE),
    ("good-afternoon", "Good afternoon, everybody. Thank you for coming.", NONE),
    ("now-so", "Now, let me be clear. So we went ahead.", NONE),
    ("yeah-okay-sorry", "Yeah. Okay. Sorry, sir.", NONE),
    ("mr-secretary", "Sorry, Mr. Secretary, one more question.", NONE),
    ("gentlemen-totally", "Gentlemen, when do we get there? Totally.", NONE),
    ("read-more", "Read more: Click to follow the story.", NONE),
    ("instead-however", "Instead, we waited. However, nothing changed. Since then, silence.", NONE),
    ("remember-everybody", "Remember what happened? Everybody does.", NONE),
    ("days-months", "We met on Monday in March.", NONE),
    ("initial-common-word", "Barricades went up overnight.", NONE),
    ("off-the-table", "No option is off the table.", NONE),
    ("talk-verb", "We talk every day.", NONE),
    ("ceased-verb", "They ceased firing at dawn.", NONE),
    # Titles are stripped from people the lexicon does not know.
    ("president-unknown", "We spoke with President Ashraf Ghani today.", {"Ashraf Ghani"}),
    ("foreign-secretary", "Foreign Secretary Dominic Raab chaired it.", {"Dominic Raab"}),
    ("secretary-of-state", "Secretary of State Madeleine Albright spoke.", {"Madeleine Albright"}),
    (
        "titles-between-known",
        "British Foreign Secretary Philip Hammond met Russian Foreign Minister Sergey Lavrov.",
        {"United Kingdom", "Philip Hammond", "Russia", "Sergey Lavrov"},
    ),
    # Names no lexicon lists.
    (
        "discovered-org",
        "Officials at Médecins Sans Frontières confirmed it.",
        {"Médecins Sans Frontières"},
    ),
    ("discovered-acronym", "Reports from the OCHA office were grim.", {"OCHA"}),
    ("initial-seen-elsewhere", "Karimov spoke first. Later we met Karimov again.", {"Karimov"}),
    ("compound-adjective", "The Britain-based monitor reported it.", {"United Kingdom"}),
    (
        "compound-before-org",
        "The Britain-based Syrian Observatory for Human Rights counted the dead.",
        {"United Kingdom", "Syrian Observatory for Human Rights"},
    ),
    ("generic-beside-known", "The French Government cancelled the visit.", {"France"}),
    ("shared-first-name", "We thank John for his work.", NONE),
    ("unique-first-name", "We met Hillary there.", {"Hillary Clinton"}),
    (
        "hard-wrapped-prose",
        "The envoy Karim Haddad met officials\nin Gaziantep on Tuesday. Haddad said\nso.",
        {"Karim Haddad", "Gaziantep"},
    ),
    ("heading-line", "Roundtable With Print Journalists\n\nWe spoke about Syria.", {"Syria"}),
    ("speaker-label", "SECRETARY KERRY: We discussed Aleppo.", {"Aleppo"}),
    # Themes, with their inflections.
    (
        "negotiate-forms",
        "They will negotiate; negotiating is hard; negotiations resumed.",
        {"negotiations"},
    ),
    ("peace-talks", "Peace talks collapsed in Geneva.", {"negotiations", "Geneva"}),
    ("ceasefire-variants", "A cease-fire, a truce, a cessation of hostilities.", {"ceasefire"}),
    ("ceasefire-plural", "Earlier ceasefires failed.", {"ceasefire"}),
    (
        "sanctions-forms",
        "The EU sanctioned three banks; more sanctions loom.",
        {"European Union", "sanctions"},
    ),
    (
        "migration",
        "Migrants and refugees reached Greece in the migrant crisis.",
        {"migration", "Greece"},
    ),
    ("terrorism", "Terrorists struck; the fight against terror goes on.", {"terrorism"}),
    ("war-crimes", "These are crimes against humanity and war crimes.", {"war crimes"}),
    ("chemical-weapons", "A chemical attack with sarin killed dozens.", {"chemical weapons"}),
    ("airstrikes", "Air strikes and airstrikes continued.", {"airstrikes"}),
    ("humanitarian-aid", "Humanitarian aid was blocked.", {"humanitarian aid"}),
    ("military-intervention", "Nobody wants a military intervention.", {"military intervention"}),
    ("diplomacy", "Diplomacy is the only tool.", {"diplomacy"}),
    ("elections", "Elections must be held within 18 months.", {"elections"}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_topic_names(text: str, expected: set[str], matcher: TopicMatcher) -> None:
    assert {m.name for m in find_topics(text, matcher)} == expected


def test_mentions_are_offsets_in_text_order_without_overlap(matcher: TopicMatcher) -> None:
    text = "Assad’s allies, the Russians, met Foreign Secretary Dominic Raab in Geneva."
    mentions = find_topics(text, matcher)
    assert [m.surface for m in mentions] == ["Assad", "Russians", "Dominic Raab", "Geneva"]
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_discovered_kinds() -> None:
    kinds = {
        m.name: m.kind
        for m in discover_entities(
            "We met President Ashraf Ghani, CBS News and the OCHA team in Kandahar."
        )
    }
    assert kinds == {
        "Ashraf Ghani": "person",
        "CBS News": "organisation",
        "OCHA": "organisation",
        "Kandahar": "place",
    }


def test_added_alias_is_found() -> None:
    matcher = TopicMatcher([TopicEntry("ISIL", "organisation", ("Daesh",))])
    matcher.add_alias("ISIL", "Tanzim")
    assert [m.name for m in matcher.find("Tanzim fighters and Daesh")] == ["ISIL", "ISIL"]


def test_user_alias_is_keeps_its_guard() -> None:
    """A surface 'IS' stored as a user alias must not make every verb 'is' a topic."""
    matcher = TopicMatcher([TopicEntry("ISIL", "organisation", ("IS",))])
    assert matcher.find("It is here. IS fighters left.") != []
    assert [m.start for m in matcher.find("It is here. IS fighters left.")] == [12]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("isil", "isil"),
        ("Isis", "isis"),
        ("the Islamic State", "islamic state"),
        ("Assad’s", "assad's"),
        ("cease-fire", "cease fire"),
        ("U.S.", "us"),
        ("  al–Nusrah  Front ", "al nusrah front"),
        ("François", "francois"),
    ],
)
def test_normalise_alias(raw: str, normal: str) -> None:
    assert normalise_alias(raw) == normal


@pytest.mark.parametrize(
    "text",
    [
        "So that – even, Karen, it comes back to your question – we are ready.",
        "Thank you, Margaret.",
        "Well, Dmitri, I think that is right.",
    ],
)
def test_a_name_in_direct_address_is_not_a_topic(text: str) -> None:
    assert discover_entities(text) == []


# A country adjective standing alone names the country: "Romania" and "Romanian" are one topic.
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Talks with Romanian officials resumed.", "Romania"),
        ("He met Moldovan and Bulgarian envoys.", "Moldova"),
        ("Delegates from Romania arrived.", "Romania"),
    ],
)
def test_country_adjective_names_the_country(
    text: str, country: str, matcher: TopicMatcher
) -> None:
    names = {m.name for m in find_topics(text, matcher)}
    assert country in names
    assert not any(name.endswith("an") and name != country for name in names if " " not in name)


def test_lone_surname_is_the_person_the_document_named_in_full(matcher: TopicMatcher) -> None:
    article = (
        "On Tuesday the envoy met Italy’s foreign minister, Ilario Vantaggi, in Rome.\n\n"
        "“We disagree with Vantaggi on the timetable,” the envoy said."
    )
    people = document_people(article, matcher)
    links = quote_topics("We disagree with Vantaggi on the timetable", None, matcher, people)
    assert [link.name for link in links] == ["Ilario Vantaggi"]
    assert links[0].surface == "Vantaggi"


def test_shared_surname_stays_unlinked(matcher: TopicMatcher) -> None:
    article = "Ana Vantaggi and Marco Vantaggi spoke. “Vantaggi was right,” he said."
    people = document_people(article, matcher)
    assert "Vantaggi" not in people
    names = [link.name for link in quote_topics("Vantaggi was right", None, matcher, people)]
    assert "Ana Vantaggi" not in names and "Marco Vantaggi" not in names
