"""How to greet someone in a note, from the name and title on their card.

Names are not all "First Last": a Spanish double surname (García Márquez), a particle
(van Beethoven, de la Cruz), a suffix (Jr., PhD), a title typed into the name (Dr., Prof.
Dr., Sir), a single name, a family name written first (Li Wei, Nguyễn Văn An), a name in a
script without spaces (山田太郎). The rule takes only what it can be sure of; where it is not
sure, it says what to fill in (a visible gap) rather than guess.

- Formal: an honorific and the surname ("Dr. Brontë", "Professor Márquez", "Sir Tim");
  with no honorific known, a gap for it before the surname ("[fill in: Ms./Mr./Mx.]
  Smith"), never the full name ("Dear Sam Smith").
- Friendly: the first name ("Zoë", never "Dr. Brontë").
- What the card says to use ("Address as") always wins; in the friendly tone the first
  name is what remains of the name once the surname in it is taken away ("Mr. Li" on
  "Li Wei": "Wei").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Words that, before a name, say how to address its bearer (folded, without the dot).
HONORIFICS = {
    "dr": "Dr.", "dra": "Dr.", "doctor": "Dr.", "prof": "Professor", "professor": "Professor",
    "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "miss": "Miss",
    "herr": "Mr.", "frau": "Ms.", "sir": "Sir", "dame": "Dame",
    "señor": "Mr.", "sr": "Mr.", "señora": "Mrs.", "sra": "Mrs.", "mme": "Mrs.",
    "monsieur": "Mr.", "madame": "Mrs.",
}  # fmt: skip
# Which of two honorifics typed together is kept ("Prof. Dr. Müller": Professor).
RANK = {"Professor": 3, "Dr.": 2, "Sir": 1, "Dame": 1}
# After a name: not part of the surname. Doctorates make the bearer "Dr.".
SUFFIXES = {
    "jr", "sr", "ii", "iii", "iv", "esq", "phd", "dphil", "md", "dds", "edd", "mba", "cpa",
    "obe", "mbe", "cbe", "kbe", "frs", "msc", "bsc", "llm", "mph", "pmp",
}  # fmt: skip
DOCTORATES = {"phd", "dphil", "md", "dds", "edd"}
# Words that begin a surname when they follow a given name ("van Gogh", "de la Cruz").
PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "delle", "di", "da", "das", "dos", "do",
    "du", "la", "le", "ter", "ten", "zu", "zum", "zur", "vom", "af", "av", "d'", "st.", "st",
    "mac", "al", "el",
}  # fmt: skip
# Words joining two surnames into one ("Ortega y Gasset", "Silva e Costa").
JOINING = {"y", "e", "i"}
# "son of", "daughter of": no surname to address by (Malay, Arabic patronymics).
PATRONYMIC = {"bin", "binti", "binte", "bint", "ibn", "a/l", "a/p", "s/o", "d/o"}
# Family names often written first (Chinese, Korean, Vietnamese, Japanese): a name that
# starts with one may be in either order, so neither part is sure.
FAMILY_FIRST = {
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "song",
    "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
    "yuan", "cai", "jiang", "yu", "ye", "cheng", "su", "lu", "ding", "ren", "shen", "yao",
    "kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim",
    "shin", "kwon", "hwang", "ahn", "nguyen", "nguyễn", "tran", "trần", "pham", "phạm",
    "hoang", "hoàng", "huynh", "huỳnh", "phan", "vu", "vũ", "vo", "võ", "dang", "đặng",
    "bui", "bùi", "đỗ", "ngo", "ngô", "duong", "dương", "sato", "suzuki", "takahashi",
    "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida",
    "yamada", "le", "lê",
}  # fmt: skip
# Scripts whose names follow the given-name-first order the rule knows.
KNOWN_ORDER = ("LATIN", "CYRILLIC", "GREEK")
# Scripts written without spaces between family and given name.
UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
NO_HONORIFIC = "Ms./Mr./Mx."
# Who "the recruiter" is, as people write it in "who will get back to you": not a name.
RECRUITER_WORDS = {
    "recruiter", "the recruiter", "our recruiter", "their recruiter", "hr", "the hr team",
    "human resources", "talent team", "the talent team", "recruiting", "the recruiting team",
}  # fmt: skip


def gap(what: str) -> str:
    return f"[fill in: {what}]"


def has_gap(text: str) -> bool:
    """Whether a draft still holds a gap to fill in before it is sent."""
    return gap("").removesuffix("]") in text


def is_recruiter(words: str) -> bool:
    """ "the recruiter", "HR": not a name but the opportunity's recruiter."""
    return " ".join(words.casefold().split()) in RECRUITER_WORDS


def _fold(word: str) -> str:
    return word.casefold().strip(".,")


def _suffix(word: str) -> str | None:
    """The suffix a word is ("Ph.D." is "phd"), or None."""
    folded = _fold(word).replace(".", "")
    return folded if folded in SUFFIXES else None


def _scripts(text: str) -> set[str]:
    scripts = set()
    for char in text:
        if char.isalpha():
            scripts.add(unicodedata.name(char, "UNKNOWN").split(" ")[0])
    return scripts


@dataclass(frozen=True)
class Name:
    """A name taken apart as far as it is sure: "" for a part not known."""

    written: str  # the name as typed, spaces tidied, titles and suffixes left out
    honorific: str  # "Dr.", "Professor", "Ms."…
    given: str  # the first name
    surname: str  # the surname as it is written alone ("van Gogh", "García Márquez")
    single: bool = False  # one word, neither surely given nor surely a surname


def _best(honorifics: list[str]) -> str:
    return max(honorifics, key=lambda h: RANK.get(h, 0), default="")


def _honorific_of_title(title: str) -> str:
    """A title on the card that says how to address someone: "Dr.", "Professor of
    Databases", "PhD"; an ordinary job title says nothing."""
    words = [_fold(word) for word in title.split()]
    if not words:
        return ""
    if "professor" in words or words[0] == "prof":
        return "Professor"
    if words[0] in ("dr", "doctor") or DOCTORATES & {w.replace(".", "") for w in words}:
        return "Dr."
    return HONORIFICS.get(words[0], "") if len(words) == 1 else ""


def _is_initial(word: str) -> bool:
    return len(word.strip(".")) == 1


def parse(name: str, title: str = "") -> Name:
    """The parts of a name that are sure (see the module's docstring)."""
    honorifics: list[str] = []
    parts = [part.strip() for part in " ".join(name.split()).split(",")]
    while len(parts) > 1 and parts[-1] and all(_suffix(word) for word in parts[-1].split()):
        honorifics += ["Dr." for word in parts[-1].split() if _suffix(word) in DOCTORATES]
        parts.pop()
    given_words = (parts[1] if len(parts) == 2 else " ".join(parts)).split()
    said_surname = parts[0].split() if len(parts) == 2 else []  # "García Márquez, Gabriel"
    while (
        given_words
        and _fold(given_words[0]) in HONORIFICS
        and (len(given_words) > 1 or said_surname or given_words[0].endswith("."))
    ):
        honorifics.append(HONORIFICS[_fold(given_words.pop(0))])
    words = [*given_words, *said_surname]
    while len(words) > 1 and _suffix(words[-1]):
        if _suffix(words[-1]) in DOCTORATES:
            honorifics.append("Dr.")
        words.pop()
    honorific = _best(honorifics) or _honorific_of_title(title)
    written = " ".join(words)
    if said_surname:
        first = [word for word in given_words if not _is_initial(word)]
        return Name(written, honorific, first[0] if first else "", " ".join(said_surname))
    if not words:
        return Name("", honorific, "", "")
    scripts = _scripts(written)
    if scripts & set(UNSPACED) or (len(words) > 1 and _fold(words[0]) in FAMILY_FIRST):
        return Name(written, honorific, "", "")  # which part is which: not sure
    if len(words) == 1:
        if honorifics:  # "Ms. Smith": a surname
            return Name(written, honorific, "", words[0])
        return Name(written, honorific, words[0], "", single=True)
    for index in range(2, len(words) - 1):
        if words[index].casefold() in JOINING:
            return Name(written, honorific, words[0], " ".join(words[index - 1 :]))
    named = [word for word in words[:-1] if not _is_initial(word)] + words[-1:]
    given, rest = named[0], named[1:]  # ("J. Robert Oppenheimer" goes by Robert)
    if not scripts <= set(KNOWN_ORDER) or not rest:
        return Name(written, honorific, given, "")
    for index, word in enumerate(rest):
        folded = word.casefold()
        if folded in PATRONYMIC:
            return Name(written, honorific, given, "")
        if folded in PARTICLES and index < len(rest) - 1:
            return Name(written, honorific, given, " ".join(rest[index:]))
    return Name(written, honorific, given, rest[0] if len(rest) == 1 else "")


def formal(name: str, title: str = "") -> str:
    """ "Dr. Brontë", "Professor Márquez", "Sir Tim", "[fill in: Ms./Mr./Mx.] Smith"; the
    name itself when it is a single word; a gap saying what is missing otherwise."""
    parts = parse(name, title)
    if not parts.written:
        return gap("interviewer’s name")
    if parts.honorific in ("Sir", "Dame") and parts.given and not parts.single:
        return f"{parts.honorific} {parts.given}"
    if parts.single:
        return parts.written
    if parts.surname:
        return f"{parts.honorific or gap(NO_HONORIFIC)} {parts.surname}"
    if parts.honorific:
        return f"{parts.honorific} {gap(f'surname of {parts.written}')}"
    return gap(f"title and surname of {parts.written}")


def friendly(name: str, title: str = "", address_as: str = "") -> str:
    """The first name ("Zoë"); with "Address as" given, what of the name it leaves out;
    the formal form when only a surname is known; a gap when the first name is not sure."""
    parts = parse(name, title)
    chosen = " ".join(address_as.split())
    if chosen:
        first, _, rest = chosen.partition(" ")
        if _fold(first) not in HONORIFICS or not rest:
            return chosen
        if HONORIFICS[_fold(first)] in ("Sir", "Dame"):  # "Sir Tim": Tim
            return rest
        taken = {word.casefold() for word in rest.split()}
        left = [word for word in parts.written.split() if word.casefold() not in taken]
        return " ".join(left) if left and len(left) < len(parts.written.split()) else chosen
    if not parts.written:
        return gap("interviewer’s name")
    if parts.given:
        return parts.given
    if parts.surname:  # "Ms. Smith": no first name to use
        return formal(name, title)
    return gap(f"first name of {parts.written}")
