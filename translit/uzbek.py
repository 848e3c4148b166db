"""Uzbek Cyrillic <-> Latin transliteration. Pure Python, no Django.

Reference: the Uzbek Latin alphabet of 1995 and "O'zbek tilining asosiy imlo qoidalari"
(Cabinet of Ministers resolution No. 339, 24 August 1995) together with its appendix on how the
Cyrillic letters it replaced are rendered; the Cyrillic side is the 1956 orthography (35 letters).

Cyrillic -> Latin rules implemented
-----------------------------------
* Letters: а a, б b, в v, г g, д d, ж j, з z, и i, й y, к k, л l, м m, н n, о o, п p, р r,
  с s, т t, у u, ф f, х x, ч ch, ш sh, э e, ў oʻ, қ q, ғ gʻ, ҳ h; нг stays "ng".
  oʻ / gʻ use U+02BB MODIFIER LETTER TURNED COMMA, the tutuq belgisi is U+02BC MODIFIER LETTER
  APOSTROPHE.
* е -> "ye" at the start of a word, after a vowel (а е ё и о у э ю я ў) and after ъ / ь; "e" after a
  consonant (ер yer, поезд poyezd, қаерда qayerda, объект obyekt, кет ket).
* ё -> yo, ю -> yu, я -> ya everywhere, except the two words the rules spell with "a":
  сентябр(ь) -> sentabr, октябр(ь) -> oktabr (stems, so suffixed forms follow).
* ц -> "ts" inside a word after a vowel (лицей litsey, конституция konstitutsiya, боцман botsman);
  "s" at the start of a word, at the end of a word and after a consonant (цирк sirk, абзац abzas,
  кварц kvars, акция aksiya). The rules also write "s" after a prefix (антициклон antisiklon);
  prefixes cannot be recognised without a dictionary, so that case gives "ts".
* ъ before е/ё/ю/я is dropped (Russian loans: объект obyekt, подъезд podyezd, разъезд razyezd);
  anywhere else it becomes the tutuq belgisi ʼ (маъно maʼno, санъат sanʼat, мўъжиза moʻʼjiza).
* ь before о/и -> "y" (павильон pavilyon, Ильин Ilyin), otherwise dropped (фильм film,
  премьера premyera, компьютер kompyuter).
* с followed by ҳ -> "sʼh": the rules separate s and h with a tutuq belgisi so they are not read
  as "sh" (Исҳоқ Isʼhoq, асҳоб asʼhob). ш + ҳ is simply "shh" (машҳур mashhur).
* щ -> sh and ы -> i (Russian letters not in the Uzbek alphabet, as the appendix prescribes).
* Capitalisation: an upper-case letter that becomes two Latin letters is written all-caps when
  the neighbouring letter (the next one, or the previous one at the end of a word) is upper-case,
  title-case otherwise: Шаҳар Shahar, ШАҲАР SHAHAR, АҚШ AQSH, Ш. Sh., ЎзМУ OʻzMU.

Latin -> Cyrillic rules implemented
-----------------------------------
* Apostrophe variants people type (' ’ ‘ ` ´ ʻ ʼ) are accepted: right after o/g (upper or lower)
  any of them means oʻ/gʻ (ў/ғ); elsewhere between letters it is the tutuq belgisi (ъ). A trailing
  apostrophe belongs to the word only after g (togʻ) or when it is one of the two proper modifier
  letters; otherwise it is a closing quote (the tutuq belgisi is not used word-finally).
* sh -> ш, ch -> ч, oʻ -> ў, gʻ -> ғ (gʻ wins over "ng": ngʻ -> нғ). s + tutuq + h -> сҳ (the
  separator has no Cyrillic counterpart). s + h without a separator is ш except for the small list
  of words in LATIN_EXCEPTIONS (ishoq, ashob, mushaf).
* ye -> е, yo -> ё, yu -> ю, ya -> я; but y + oʻ is й + ў (Yangiyoʻl Янгийўл).
  After a consonant a separating sign is needed: ъ when the Latin letters before it are one of the
  Russian prefixes in HARD_SIGN_PREFIXES (obyekt объект, podyezd подъезд, syezd съезд), otherwise
  ь before е (premyera премьера) and no sign before ё/ю/я (aktyor актёр, dunyo дунё).
* e -> э at the start of a word, after a vowel and after ъ (elektr электр, poet поэт, aeroport
  аэропорт); е elsewhere (Toshkent Тошкент).
* ts -> тс by default, because native forms (ketsa кетса, aytsin айтсин, otsiz отсиз) are far more
  common than loanwords. ts -> ц only at the start of a word (Tsiolkovskiy) and after a vowel before
  -iya / -ion (konstitutsiya конституция, ratsion рацион). "s" that stands for ц (sirk, aksiya) is
  only recovered for the stems in LATIN_EXCEPTIONS.
* LATIN_EXCEPTIONS maps whole stems (followed by nothing or by common Uzbek suffixes, so that
  "sirka" vinegar is not taken for "sirk" circus): month names regain the soft sign when bare
  (oktabr октябрь, oktabrda октябрда), ц-loanwords, s+h words, a few ь-words.

Text that is left alone
-----------------------
URLs, e-mail addresses, @handles and bare domains (kun.uz) are copied verbatim in both directions.
Latin -> Cyrillic leaves foreign-looking words untouched: words with letters outside the Uzbek
alphabet (w, c not followed by h, ü, é ...), camel-case brands (iPhone, YouTube) and upper-case Roman
numerals of two or more letters (XIX, IV). Digits and punctuation are never changed.

Known limitations (not round-trippable by design)
-------------------------------------------------
* ц written "s" cannot be told from с, and "ts" from т+с, except through the exception list.
* ь and ъ before е/ё/ю/я are lost (the sign is guessed back, see above); ь elsewhere is lost.
* э after a consonant (мэр) comes back as е; й before а/о/у/е (район) comes back as я/ё/ю/е.
* ъ right after о, ё or г (Latin oʼ, yoʼ, gʼ) reads back as ў / ғ; щ, ы come back as ш, и.
* Russian ё/ю/я after a consonant that the dictionary spells with plain o/u/a (стажёр stajor,
  бюджет budjet) are transliterated letter by letter (stajyor, byudjet).
* Plain-text conversion does not know the language of a passage: Russian or English text is
  converted too. In HTML, elements marked with a non-Uzbek lang are skipped.
* English contractions (don't) in Latin text are read as a tutuq belgisi.
* The case of ъ is taken from the rest of the word, so a capitalised one-letter word with ъ (Аъ)
  comes back as АЪ.
"""

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Literal

Script = Literal["latn", "cyrl"]

MODIFIER = "\u02bb"  # ʻ MODIFIER LETTER TURNED COMMA, for oʻ and gʻ
TUTUQ = "\u02bc"  # ʼ MODIFIER LETTER APOSTROPHE, the tutuq belgisi
# Everything people type in place of ʻ / ʼ.
APOSTROPHES = frozenset("'\u2019\u2018`\u00b4" + MODIFIER + TUTUQ)

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_CYR_VOWELS = frozenset("аеёиоуэюяў")
_CYR_IOTATED = frozenset("еёюя")
_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ч": "ch", "ш": "sh", "э": "e", "ё": "yo", "ю": "yu", "я": "ya",
    "ў": "o" + MODIFIER, "қ": "q", "ғ": "g" + MODIFIER, "ҳ": "h", "щ": "sh", "ы": "i",
}  # fmt: skip

_LAT_TO_CYR = {
    "a": "а", "b": "б", "d": "д", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "x": "х", "y": "й", "z": "з",
}  # fmt: skip
_LAT_IOTATED = {"a": "я", "o": "ё", "u": "ю", "e": "е"}
# "c" is only allowed as part of "ch"; "w" is not an Uzbek letter at all.
_UZ_LATIN = frozenset("abcdefghijklmnopqrstuvxyz")

# Latin spellings of the Russian prefixes after which a y+vowel is written with ъ in Cyrillic.
HARD_SIGN_PREFIXES = frozenset(
    {"ob", "sub", "pod", "nad", "ad", "in", "diz", "s", "raz", "iz", "voz", "pred", "ot", "trans",
     "kontr", "inter", "super"}
)  # fmt: skip

# (Cyrillic stem, Latin stem): spellings the 1995 rules fix by word rather than by letter.
CYRILLIC_EXCEPTIONS: tuple[tuple[str, str], ...] = (
    ("сентябр", "sentabr"),
    ("октябр", "oktabr"),
)

# (Latin stem, Cyrillic stem, tail added in Cyrillic only when the stem has no suffix).
LATIN_EXCEPTIONS: tuple[tuple[str, str, str], ...] = (
    # Months keep the soft sign in the bare form only: октябрь, but октябрда.
    ("yanvar", "январ", "ь"),
    ("fevral", "феврал", "ь"),
    ("aprel", "апрел", "ь"),
    ("iyun", "июн", "ь"),
    ("iyul", "июл", "ь"),
    ("sentabr", "сентябр", "ь"),
    ("oktabr", "октябр", "ь"),
    ("noyabr", "ноябр", "ь"),
    ("dekabr", "декабр", "ь"),
    # ц written as "s" (word start, after a consonant, word end).
    ("sirk", "цирк", ""),
    ("sement", "цемент", ""),
    ("sex", "цех", ""),
    ("sentr", "центр", ""),
    ("sentner", "центнер", ""),
    ("sitrus", "цитрус", ""),
    ("sunami", "цунами", ""),
    ("aksiya", "акция", ""),
    ("stansiya", "станция", ""),
    ("funksiya", "функция", ""),
    ("seksiya", "секция", ""),
    ("reaksiya", "реакция", ""),
    ("konferensiya", "конференция", ""),
    ("kvitansiya", "квитанция", ""),
    ("konsert", "концерт", ""),
    ("prinsip", "принцип", ""),
    ("abzas", "абзац", ""),
    ("kvars", "кварц", ""),
    ("sivilizatsiya", "цивилизация", ""),
    ("inyeksiya", "инъекция", ""),
    # ц written as "ts" where the -iya/-ion rule does not apply.
    ("litsey", "лицей", ""),
    ("ofitser", "офицер", ""),
    ("glitserin", "глицерин", ""),
    # s + h are two letters although no tutuq belgisi separates them.
    ("ishoq", "исҳоқ", ""),
    ("ashob", "асҳоб", ""),
    ("mushaf", "мусҳаф", ""),
    # Soft sign that the Latin spelling drops.
    ("kompyuter", "компьютер", ""),
    ("intervyu", "интервью", ""),
    ("film", "фильм", ""),
)
_LATIN_EXCEPTIONS_LONGEST_FIRST = sorted(LATIN_EXCEPTIONS, key=lambda e: len(e[0]), reverse=True)

# Suffixes an exception stem may carry; anything else means "a different word" (sirka != sirk+a).
_SUFFIX = (
    "lar|ning|ni|gacha|ga|ka|qa|dagi|dan|da|day|dek|imiz|ingiz|im|ing|i|si|miz|ngiz|m|ng|chi|"
    "lik|li|siz|dir|mi|dor|iy|ovich|ovna|ova|ov|jon|bek|xon"
)
_SUFFIXES_RE = re.compile(f"(?:{_SUFFIX}){{0,4}}")

# ts -> ц after a vowel only before these endings (-tsiya, -tsion): native words never have them.
_TS_ENDINGS = ("iya", "ion")

_ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CAMEL_RE = re.compile(r"[a-z][A-Z][a-z]")

# Spans copied verbatim: URLs, e-mail addresses, @handles, bare domains.
_PROTECTED_RE = re.compile(
    r"(?:[a-z][a-z0-9+.\-]*://|www\.|mailto:)[^\s<>\"'«»]+"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
    r"|(?<!\w)@[A-Za-z0-9_]{2,}"
    r"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:uz|com|org|net|ru|info|io|gov|edu|me|tv|kz|kg|tj|tm)\b",
    re.IGNORECASE,
)

_CYR_RUN = re.compile(r"[\u0400-\u04ff]+")
# Runs of non-Cyrillic letters (ʻ and ʼ are letters to Python) plus typed apostrophes.
_LATIN_RUN = re.compile(r"(?:[^\W\d_\u0400-\u04ff]|['\u2019\u2018`\u00b4])+")


# --------------------------------------------------------------------------------------------
# Helpers shared by both directions
# --------------------------------------------------------------------------------------------


def _segments(text: str) -> Iterator[tuple[str, bool]]:
    """Split text into (segment, is_protected) pieces."""
    pos = 0
    for m in _PROTECTED_RE.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        yield m.group(), True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


def _outside_protected(text: str, convert: Callable[[str], str]) -> str:
    return "".join(seg if protected else convert(seg) for seg, protected in _segments(text))


def _is_cased_letter(ch: str) -> bool:
    return ch.isalpha() and ch.lower() != ch.upper()


def _match_case(template: str, replacement: str) -> str:
    """Give replacement the case pattern (lower / Title / UPPER) of template."""
    letters = [c for c in template if _is_cased_letter(c)]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# --------------------------------------------------------------------------------------------
# Cyrillic -> Latin
# --------------------------------------------------------------------------------------------


def _upper_context(prev: str, nxt: str) -> bool:
    """Whether an upper-case letter sits in an all-caps run (decides SH vs Sh)."""
    if _is_cased_letter(nxt):
        return nxt.isupper()
    if _is_cased_letter(prev):
        return prev.isupper()
    return False


def _cyr_letters_to_latin(word: str, start: int, before: str, after: str) -> str:
    out: list[str] = []
    n = len(word)
    for i in range(start, n):
        ch = word[i]
        low = ch.lower()
        prev = word[i - 1] if i > 0 else before
        nxt = word[i + 1] if i + 1 < n else after
        prev_low, nxt_low = prev.lower(), nxt.lower()
        if low == "е":
            # Iotated "ye" wherever Cyrillic е starts a syllable; plain e after a consonant.
            initial = not prev.isalpha() or prev_low in _CYR_VOWELS or prev_low in "ъь"
            lat = "ye" if initial else "e"
        elif low == "ц":
            lat = "ts" if prev_low in _CYR_VOWELS and nxt.isalpha() else "s"
        elif low == "ъ":
            # Russian loans: the y of the following ye/yo/yu/ya already separates.
            lat = "" if nxt_low in _CYR_IOTATED else TUTUQ
        elif low == "ь":
            lat = "y" if nxt_low in ("о", "и") else ""
        elif low == "ҳ" and prev_low == "с":
            out.append(TUTUQ)  # Isʼhoq: keep s and h from reading as "sh"
            lat = "h"
        elif low in _CYR_TO_LAT:
            lat = _CYR_TO_LAT[low]
        else:
            out.append(ch)  # Kazakh/Tajik letters etc.: not ours to change
            continue
        if ch.isupper() and lat:
            lat = lat.upper() if len(lat) == 1 or _upper_context(prev, nxt) else lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)


def _cyr_word_to_latin(word: str, before: str, after: str) -> str:
    if not before.isalpha():
        low = word.lower()
        for stem, latin in CYRILLIC_EXCEPTIONS:
            if low.startswith(stem):
                head = _match_case(word[: len(stem)], latin)
                return head + _cyr_letters_to_latin(word, len(stem), before, after)
    return _cyr_letters_to_latin(word, 0, before, after)


def _cyr_segment_to_latin(seg: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = seg[m.start() - 1] if m.start() > 0 else ""
        after = seg[m.end()] if m.end() < len(seg) else ""
        return _cyr_word_to_latin(m.group(), before, after)

    return _CYR_RUN.sub(repl, seg)


def cyrillic_to_latin(text: str) -> str:
    """Transliterate Uzbek Cyrillic to the 1995 Uzbek Latin alphabet; other text is kept."""
    return _outside_protected(text, _cyr_segment_to_latin)


# --------------------------------------------------------------------------------------------
# Latin -> Cyrillic
# --------------------------------------------------------------------------------------------


def _split_run(run: str) -> tuple[str, str, str]:
    """Separate quotes around a Latin run from the word: (leading, word, trailing)."""
    start = 0
    while start < len(run) and run[start] in APOSTROPHES:
        start += 1
    end = len(run)
    while end > start and run[end - 1] in APOSTROPHES:
        end -= 1
    if start < end:
        if end < len(run) and run[end - 1] in "gG":
            end += 1  # togʻ: any apostrophe after a final g is the modifier letter
        while end < len(run) and run[end] in (MODIFIER, TUTUQ):
            end += 1  # the proper modifier letters are never quotes
    return run[:start], run[start:end], run[end:]


def _classify_apostrophes(word: str) -> str:
    """Replace every typed apostrophe by ʻ (after o/g) or ʼ (anywhere else)."""
    out = []
    for i, ch in enumerate(word):
        if ch in APOSTROPHES:
            out.append(MODIFIER if i > 0 and word[i - 1] in "oOgG" else TUTUQ)
        else:
            out.append(ch)
    return "".join(out)


def _is_foreign(word: str) -> bool:
    """Words that are not Uzbek Latin and must stay as written."""
    letters = "".join(c for c in word if c not in (MODIFIER, TUTUQ))
    low = letters.lower()
    # isascii first: some non-ASCII letters lowercase to ASCII ones (KELVIN SIGN -> k).
    if not low or not letters.isascii() or any(c not in _UZ_LATIN for c in low):
        return True
    if "c" in low.replace("ch", ""):
        return True
    if _CAMEL_RE.search(letters):
        return True
    # Checked on the word as written: a Roman numeral never contains ʻ or ʼ (XIʼ is not one).
    return len(word) > 1 and word.isupper() and _ROMAN_RE.fullmatch(word) is not None


def _latin_letters_to_cyr(word: str, prev: str) -> str:
    """Convert a normalised Latin word; prev is the last Cyrillic letter already written ("" if none)."""
    low = word.lower()
    # Case of ъ/ь, which have no Latin letter to copy it from: upper only in a word without lower case.
    all_caps = any(c.isupper() for c in word) and not any(c.islower() for c in word)
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        c = low[i]
        upper = word[i].isupper()
        nxt = low[i + 1] if i + 1 < n else ""
        nxt2 = low[i + 2] if i + 2 < n else ""
        step = 1
        if c in "og" and nxt == MODIFIER:
            cyr, step = ("ў" if c == "o" else "ғ"), 2
        elif c in (MODIFIER, TUTUQ):
            if i > 0 and low[i - 1] == "s" and nxt == "h":
                i += 1  # Isʼhoq: the separator only exists in Latin
                continue
            cyr, upper = "ъ", all_caps
        elif c == "s" and nxt == "h":
            cyr, step = "ш", 2
        elif c == "c" and nxt == "h":
            cyr, step = "ч", 2
        elif c == "y" and nxt in _LAT_IOTATED and not (nxt == "o" and nxt2 == MODIFIER):
            # After a consonant Cyrillic needs a sign to keep the y audible.
            if prev and prev not in _CYR_VOWELS and prev not in "ъьй":
                sign = "ъ" if low[:i] in HARD_SIGN_PREFIXES else ("ь" if nxt == "e" else "")
                if sign:
                    out.append(sign.upper() if all_caps else sign)
                    prev = sign
            cyr, step = _LAT_IOTATED[nxt], 2
        elif (
            c == "t"
            and nxt == "s"
            and nxt2 != "h"
            and (not prev or (prev in _CYR_VOWELS and low.startswith(_TS_ENDINGS, i + 2)))
        ):
            cyr, step = "ц", 2
        elif c == "e":
            cyr = "э" if not prev or prev in _CYR_VOWELS or prev == "ъ" else "е"
        elif c in _LAT_TO_CYR:
            cyr = _LAT_TO_CYR[c]
        else:
            cyr, upper = word[i], False  # "c"/"w" cannot reach here; keep whatever it is
        out.append(cyr.upper() if upper else cyr)
        prev = cyr.lower()
        i += step
    return "".join(out)


def _latin_word_to_cyr(word: str) -> str:
    low = word.lower()
    for stem, cyr_stem, bare_tail in _LATIN_EXCEPTIONS_LONGEST_FIRST:
        if low.startswith(stem) and _SUFFIXES_RE.fullmatch(low, len(stem)):
            rest = word[len(stem) :]
            head = _match_case(word[: len(stem)] if rest else word, cyr_stem + ("" if rest else bare_tail))
            return head + _latin_letters_to_cyr(rest, cyr_stem[-1])
    return _latin_letters_to_cyr(word, "")


def _latin_segment_to_cyr(seg: str) -> str:
    def repl(m: re.Match[str]) -> str:
        lead, core, trail = _split_run(m.group())
        if not core:
            return m.group()
        word = _classify_apostrophes(core)
        if _is_foreign(word):
            return m.group()
        return lead + _latin_word_to_cyr(word) + trail

    return _LATIN_RUN.sub(repl, seg)


def latin_to_cyrillic(text: str) -> str:
    """Transliterate Uzbek Latin (any common apostrophe variant) to Uzbek Cyrillic."""
    return _outside_protected(text, _latin_segment_to_cyr)


def _normalize_segment(seg: str) -> str:
    def repl(m: re.Match[str]) -> str:
        lead, core, trail = _split_run(m.group())
        word = _classify_apostrophes(core)
        if not core or _is_foreign(word):
            return m.group()
        return lead + word + trail

    return _LATIN_RUN.sub(repl, seg)


def normalize_latin(text: str) -> str:
    """Replace typed apostrophes in Uzbek Latin words by the proper ʻ (oʻ, gʻ) and ʼ (tutuq)."""
    return _outside_protected(text, _normalize_segment)


# --------------------------------------------------------------------------------------------
# Script detection and dispatch
# --------------------------------------------------------------------------------------------


def detect_script(text: str) -> Script | None:
    """Return "cyrl" or "latn" by majority of letters (URLs ignored); None without letters or on a tie."""
    cyr = lat = 0
    for seg, protected in _segments(text):
        if protected:
            continue
        for ch in seg:
            if not ch.isalpha() or ch in (MODIFIER, TUTUQ):
                continue
            if "\u0400" <= ch <= "\u04ff":
                cyr += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                lat += 1
    if cyr == lat:
        return None
    return "cyrl" if cyr > lat else "latn"


def normalize_script(script: str) -> Script:
    """Accept "latn", "Cyrl", "uz-Latn", "uz_cyrl", "latin", "cyrillic"."""
    tail = script.strip().lower().replace("_", "-").rsplit("-", 1)[-1]
    if tail in ("latn", "latin"):
        return "latn"
    if tail in ("cyrl", "cyrillic"):
        return "cyrl"
    raise ValueError(f"unknown script {script!r}: expected 'latn' or 'cyrl'")


def to_script(text: str, script: str) -> str:
    """Convert text to the given script; text already in it is left as it is."""
    if normalize_script(script) == "latn":
        return cyrillic_to_latin(text)
    return latin_to_cyrillic(text)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "code", "kbd", "samp"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)  # fmt: skip
# Start tags that implicitly close an open <p> (the common subset of the HTML spec's list).
_CLOSES_P = frozenset(
    {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
     "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
     "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
)  # fmt: skip
_IMPLIED_CLOSE = {
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "option": ("option",),
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tr": ("td", "th", "tr"),
}


def _is_uzbek_lang(value: str | None) -> bool:
    primary = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return primary in ("uz", "uzb")


class _Tokenizer(HTMLParser):
    """Records where each token starts; the source is then sliced, so markup stays byte-exact."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # raw text chunks, entities left as written
        self.events: list[tuple[tuple[int, int], str, str, list[tuple[str, str | None]], str]] = []

    def _add(
        self, kind: str, tag: str = "", attrs: list[tuple[str, str | None]] | None = None, data: str = ""
    ) -> None:
        self.events.append((self.getpos(), kind, tag, attrs or [], data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("text", data=data)


class _State:
    __slots__ = ("tag", "code", "lang_ok", "translate_ok")

    def __init__(self, tag: str, code: bool, lang_ok: bool, translate_ok: bool) -> None:
        self.tag, self.code, self.lang_ok, self.translate_ok = tag, code, lang_ok, translate_ok

    def child(self, tag: str, attrs: list[tuple[str, str | None]]) -> "_State":
        lang_ok, translate_ok = self.lang_ok, self.translate_ok
        for name, value in attrs:
            if name in ("lang", "xml:lang"):
                lang_ok = _is_uzbek_lang(value)
            elif name == "translate":
                translate_ok = (value or "").strip().lower() != "no"
        return _State(tag, self.code or tag in _SKIP_TAGS, lang_ok, translate_ok)

    @property
    def convert(self) -> bool:
        return not self.code and self.lang_ok and self.translate_ok


def transliterate_html(html: str, script: str) -> str:
    """Transliterate the text nodes of an HTML fragment or document.

    Tags, attributes (including URLs and titles), comments, entities, <script>/<style>/<code>/
    <kbd>/<samp> contents and elements whose lang is not Uzbek (or translate="no") are kept
    exactly as written.
    """
    convert = cyrillic_to_latin if normalize_script(script) == "latn" else latin_to_cyrillic
    parser = _Tokenizer()
    parser.feed(html)
    parser.close()

    line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    root = _State("", False, True, True)
    stack: list[_State] = []
    out: list[str] = []
    pos = 0  # everything before pos has been written
    for (line, col), kind, tag, attrs, data in parser.events:
        start = line_starts[line - 1] + col
        top = stack[-1] if stack else root
        if kind == "text":
            if top.convert and html.startswith(data, start):
                out.append(html[pos:start])
                out.append(_convert_text_chunk(data, convert))
                pos = start + len(data)
        elif kind in ("start", "startend"):
            if stack and stack[-1].tag == "p" and tag in _CLOSES_P:
                stack.pop()
            closes = _IMPLIED_CLOSE.get(tag, ())
            while stack and stack[-1].tag in closes:
                stack.pop()
            if kind == "start" and tag not in _VOID_TAGS:
                stack.append((stack[-1] if stack else root).child(tag, attrs))
        elif kind == "end":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].tag == tag:
                    del stack[depth:]
                    break
    out.append(html[pos:])
    return "".join(out)


def _convert_text_chunk(data: str, convert: Callable[[str], str]) -> str:
    # With convert_charrefs=False entities arrive as separate events, but a stray "&" may not;
    # keep any entity-looking run verbatim all the same.
    parts = re.split(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?)", data)
    return "".join(p if i % 2 else convert(p) for i, p in enumerate(parts))
