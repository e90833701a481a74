"""People's names as sources write them: titles, labels, surnames and forgiving comparison."""

from __future__ import annotations

import re
import unicodedata

# Honorifics and office words that precede a name in labels and prose:
# "SECRETARY KERRY", "Mr Kerry", "FOREIGN SECRETARY JOHNSON", "President Bashar al-Assad".
TITLE_WORDS_TEXT = """
mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam secretary foreign defence
defense home prime deputy assistant under minister president vice chancellor ambassador
senator sen. senator representative rep. congressman congresswoman governor gov. mayor
general gen. admiral adm. colonel col. captain capt. spokesperson spokesman spokeswoman
chairman chairwoman chair king queen prince princess sheikh emir pope rev. reverend
professor prof. special envoy acting state of the u.s. us uk u.k. british american russian
principal senior chief communications director coordinator adviser advisor counselor press
national security strategic spokesperson
"""
TITLE_WORDS = frozenset(TITLE_WORDS_TEXT.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_NON_WORD = re.compile(r"[^\w\s'-]")
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'François' == 'francois', curly == straight quotes."""
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)))
    text = _NON_WORD.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()


def strip_titles(name: str) -> str:
    """'SECRETARY KERRY' -> 'KERRY', 'Mr. John Kerry' -> 'John Kerry', 'Principal Deputy
    Communications Director Jane Roe' -> 'Jane Roe'; keeps at least one word."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def title_case(word: str) -> str:
    """'KERRY' -> 'Kerry', "O'BRIEN" -> "O'Brien", 'AL-ASSAD' -> 'al-Assad'."""
    parts = re.split(r"([-'’])", word.lower())
    cased = [p[:1].upper() + p[1:] if p not in "-'’" else p for p in parts]
    result = "".join(cased)
    return "al-" + result[3:] if result.startswith("Al-") else result


def display_name(name: str) -> str:
    """An all-capitals label name in the case prose uses: 'KIRBY' -> 'Kirby'."""
    return " ".join(title_case(w) for w in name.split()) if name.isupper() else name


def surname(name: str) -> str:
    """The family name: 'Secretary John Kerry' -> 'Kerry', 'Moon Jae-in' -> 'Moon'."""
    words = strip_titles(name).split()
    if not words:
        return name
    return words[0] if family_name_first(" ".join(words)) else words[-1]


# Family names that lead a name as English-language transcripts print East Asian and
# Vietnamese leaders: 'Xi Jinping', 'Moon Jae-in', 'Kim Jong-un', 'Nguyen Xuan Phuc'.
# Japanese and Hungarian names come either way round ('Kishida Fumio', 'Orbán Viktor'), so
# they are read from the document (a label naming the first word), not from this list.
_FAMILY_FIRST = _words(
    """
    xi hu jiang li wang wen zhou zhao yang zhang liu chen qin han ma wu guo lin sun zhu
    gao luo zheng liang xie song tang xu deng feng cao peng zeng xiao tian dong pan yuan
    cai yu du ye cheng wei su ding ren lu yao shen zhong jin cui tan bo kong mao hua kim
    lee yi park pak choi jung chung kang cho yoon yun jang lim oh seo shin kwon hwang
    ahn yoo hong jeon ko moon mun ban roh rhee chun noh nguyen tran le pham hoang huynh
    phan vu vo dang bui ngo duong ly ho
    """
)
# A Korean given name: two syllables joined by a hyphen, 'Jae-in', 'Jong-un', 'Geun-hye'.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")


def family_name_first(name: str) -> bool:
    """'Xi Jinping', 'Moon Jae-in', 'Nguyen Xuan Phuc' lead with the family name;
    'John Kerry', 'Kim Darroch' (a Western given name Kim) do not."""
    words = name.split()
    if not 2 <= len(words) <= 3 or fold(words[0]) not in _FAMILY_FIRST:
        return False
    rest = words[1:]
    if all(_KOREAN_GIVEN.fullmatch(w) for w in rest):
        return True
    return len(rest) <= 2 and all(_syllabic(w) for w in rest)


# Romanised Chinese and Vietnamese given names are built of syllables: 'Jinping', 'Keqiang',
# 'Xuan Phuc', 'Yi'. Western given names that follow a listed family name in a surname
# position ('Kim Darroch', 'Lee Anderson') fail this: consonant clusters no syllable has.
_SYLLABLE = (
    r"(?:zh|ch|sh|ng|nh|ph|th|tr|kh|gi|qu|[bcdfghjklmnpqrstvwxyz])?"
    r"(?:[aeiouy]|[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ])+"
    r"(?:ng|nh|ch|n|m|t|c|p)?"
)
_SYLLABIC = re.compile(rf"(?:{_SYLLABLE}){{1,3}}", re.IGNORECASE)


def _syllabic(word: str) -> bool:
    return bool(_SYLLABIC.fullmatch(word)) and len(word) <= 9


def korean_case(name: str) -> str:
    """'Moon Jae-In' -> 'Moon Jae-in': an all-capitals source read in title case capitalises
    the second syllable, which English-language texts write in lowercase."""
    if not family_name_first(name):
        return name
    return " ".join(
        w.split("-")[0] + "-" + w.split("-")[1].lower() if _KOREAN_GIVEN.fullmatch(w) else w
        for w in name.split()
    )


def name_key(name: str) -> str:
    """The key aliases are matched on: folded, titles stripped ('Mr Kerry' -> 'kerry')."""
    return fold(strip_titles(name))


def is_full_name(name: str) -> bool:
    """Two or more words after titles: 'John Kerry' is, 'Kerry' and 'Mr Kerry' are not."""
    return len(strip_titles(name).split()) >= 2


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"
