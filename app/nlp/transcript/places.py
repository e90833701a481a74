"""Country names, demonyms and U.S. states, for 'City, Country' header lines and title people.

Transcript headers write the place as 'London, United Kingdom' or 'Washington, DC': the
part after the comma is a country or a U.S. state, and a state means the United States.
"""

from __future__ import annotations

from functools import lru_cache

from app.nlp.names import fold
from app.nlp.occasions import known_cities
from app.nlp.roles import country_of

_COUNTRIES = """
Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|
Bangladesh|Belarus|Belgium|Bolivia|Bosnia and Herzegovina|Brazil|Bulgaria|Burma|Cambodia|
Cameroon|Canada|Chile|China|Colombia|Costa Rica|Cote d'Ivoire|Croatia|Cuba|Cyprus|
Czech Republic|Democratic Republic of the Congo|Denmark|Djibouti|Dominican Republic|Ecuador|
Egypt|El Salvador|Estonia|Ethiopia|Fiji|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|
Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|Lithuania|
Luxembourg|Malaysia|Mali|Malta|Mexico|Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|Pakistan|
Palestinian Territories|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Rwanda|Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|
South Korea|South Sudan|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|
Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United States|Uruguay|Uzbekistan|Vatican City|Venezuela|Vietnam|Yemen|Zambia|
Zimbabwe
"""
_ALIASES = {
    "uk": "United Kingdom", "u k": "United Kingdom", "england": "United Kingdom",
    "scotland": "United Kingdom", "wales": "United Kingdom", "great britain": "United Kingdom",
    "us": "United States", "u s": "United States", "usa": "United States",
    "uae": "United Arab Emirates", "korea": "South Korea", "republic of korea": "South Korea",
    "people's republic of china": "China", "peoples republic of china": "China",
    "russian federation": "Russia", "democratic people's republic of korea": "North Korea",
    "dprk": "North Korea", "rok": "South Korea", "prc": "China", "islamic republic of iran": "Iran",
    "kingdom of saudi arabia": "Saudi Arabia", "state of israel": "Israel",
    "hashemite kingdom of jordan": "Jordan", "state of qatar": "Qatar",
    "arab republic of egypt": "Egypt", "republic of turkey": "Turkey", "turkiye": "Turkey",
    "socialist republic of vietnam": "Vietnam", "viet nam": "Vietnam",
    "the netherlands": "Netherlands", "holy see": "Vatican City", "burma": "Burma",
}  # fmt: skip
_DEMONYMS = {
    "afghan": "Afghanistan", "australian": "Australia", "austrian": "Austria",
    "bahraini": "Bahrain", "belgian": "Belgium", "brazilian": "Brazil", "canadian": "Canada",
    "chinese": "China", "cuban": "Cuba", "danish": "Denmark", "dutch": "Netherlands",
    "egyptian": "Egypt", "emirati": "United Arab Emirates", "finnish": "Finland",
    "french": "France", "german": "Germany", "greek": "Greece", "indian": "India",
    "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "jordanian": "Jordan",
    "kenyan": "Kenya", "korean": "South Korea", "kuwaiti": "Kuwait", "lebanese": "Lebanon",
    "mexican": "Mexico", "moroccan": "Morocco", "nigerian": "Nigeria", "norwegian": "Norway",
    "omani": "Oman", "pakistani": "Pakistan", "palestinian": "Palestinian Territories",
    "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar", "russian": "Russia",
    "saudi": "Saudi Arabia", "spanish": "Spain", "swedish": "Sweden", "swiss": "Switzerland",
    "syrian": "Syria", "turkish": "Turkey", "ukrainian": "Ukraine", "british": "United Kingdom",
    "american": "United States", "vietnamese": "Vietnam", "yemeni": "Yemen",
}  # fmt: skip
_US_STATES = """
DC|D.C.|District of Columbia|AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|
MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|
Wisconsin|Wyoming
"""


def _keys(names: str) -> dict[str, str]:
    return {fold(n): n.strip() for n in names.replace("\n", "").split("|") if n.strip()}


_COUNTRY_KEYS = _keys(_COUNTRIES) | _ALIASES
_STATE_KEYS = frozenset(_keys(_US_STATES))


def country_name(text: str | None) -> str | None:
    """'United Kingdom' -> itself, 'UK' -> 'United Kingdom', 'DC' -> 'United States'."""
    if not text:
        return None
    key = fold(text)
    if key in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[key]
    if key.removeprefix("the ") in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[key.removeprefix("the ")]
    return "United States" if key in _STATE_KEYS else None


def country_adjective(word: str) -> str | None:
    """'U.K.' -> 'United Kingdom', 'Japanese' -> 'Japan': the country a title's prefix names."""
    return country_of(word) or _DEMONYMS.get(fold(word))


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """The shipped gazetteer of city names, folded."""
    return frozenset(fold(city) for city in known_cities())


def is_place(words: str) -> bool:
    """'New York', 'United Kingdom', 'Washington DC': a city, country or state by name."""
    return country_name(words) is not None or fold(words) in _cities()
