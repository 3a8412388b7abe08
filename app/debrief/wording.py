"""How a person writes what a draft weaves in: the user's own answers turned into phrases
that fit inside a sentence ("Owning data contracts." -> "owning data contracts"), names
keeping their capitals and nothing else ("Kafka", not "Greenfield"), never pasted after a
colon; and days said as people say them ("on Thursday" within the week, "on 12 November"
otherwise).

Conservative on purpose: an answer that is a clause of its own ("I like that they ship
weekly") or a note to yourself ("Knew the Terraform questions cold") is not woven in at
all; the draft says something else, or leaves a gap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

import pendulum

from debrief.model import Opportunity, Reflection

# The first words of a key point that the sentence around it already says.
SAID_ALREADY = (
    "our discussion about", "our discussion of", "our discussion on", "the discussion about",
    "discussion about", "our conversation about", "the conversation about", "conversation about",
    "we discussed", "we talked about", "talking about", "discussing", "talked about",
)  # fmt: skip
LOWER_FIRST = {"the", "a", "an", "how", "what", "why", "when", "your", "my", "our", "their"}
DETERMINERS = {"the", "a", "an", "my", "our", "their", "your", "its", "this", "these", "those"}
# Words of an interview's parts: what "what went well" can be woven in by.
ACTIVITIES = {
    "exercise", "exercises", "question", "questions", "round", "dive", "challenge", "task",
    "test", "puzzle", "case", "presentation", "demo", "story", "stories", "answer", "answers",
    "walkthrough", "review", "problem", "kata", "whiteboard", "session", "pairing",
    "assignment", "take-home", "study", "design",
}  # fmt: skip
WENT_WELL = (" went well", " went fine", " went smoothly", " went great", " landed",
             " worked well", " worked", " was solid", " clicked")  # fmt: skip
# A phrase that is a clause of its own, not something to weave in.
CLAUSE_WORDS = {"i", "we", "they", "it", "he", "she", "there", "is", "are", "was", "were", "i'm"}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def as_clause(point: str) -> str:
    """A key point as it reads after "our discussion about": its own opening words that
    say the same dropped, a capital kept only where it belongs to a name."""
    text = " ".join(point.strip().rstrip(".").split())
    folded = text.casefold()
    for opening in SAID_ALREADY:
        if folded.startswith(opening + " "):
            text = text[len(opening) + 1 :]
            break
    first = text.split(" ", 1)[0]
    sentence_start = first[:1].isupper() and first[1:].islower() and first.endswith("ing")
    if first.casefold() in LOWER_FIRST or sentence_start:  # ("Migrating…", not "Kafka…")
        text = text[:1].lower() + text[1:]
    return _no_colon(text)


def _no_colon(text: str) -> str:
    """ "Kafka: the migration plan" reads "Kafka – the migration plan" inside a sentence."""
    return re.sub(r"\s*:\s+", " – ", text)


def proper_words(reflections: Sequence[Reflection], opportunity: Opportunity) -> set[str]:
    """Words the user writes with a capital inside a sentence (names: "Kafka", "Python"),
    so that a phrase woven in keeps their capital and loses any other."""
    texts = [opportunity.company]  # (not the role: "Site Reliability Engineer" is a title)
    for reflection in reflections:
        texts += [reflection.went_well, reflection.likes_role, reflection.likes_company,
                  reflection.key_point, reflection.went_badly, reflection.lessons,
                  reflection.next_steps, reflection.rapport]  # fmt: skip
        texts += [person.mentioned for person in reflection.interviewers]
    proper = set()
    for text in texts:
        for sentence in re.split(r"[.!?:;\n]\s*|\s[–—-]\s", text):
            for word in sentence.split()[1:]:
                if word[:1].isupper():
                    proper.add(word.strip(",()\"'“”").casefold())
    proper |= {word.casefold() for word in opportunity.company.split()}
    return proper


def _lower_first(text: str, proper: set[str]) -> str:
    first = text.split(" ", 1)[0]
    kept = (
        first.casefold() in proper
        or any(char.isupper() for char in first[1:])  # "SQL", "iOS", "McKinsey"
        or not first[:1].isupper()
    )
    return text if kept else text[:1].lower() + text[1:]


def _first_part(text: str) -> str:
    """The first statement of an answer, without its closing stop."""
    line = text.strip().split("\n", 1)[0]
    line = re.split(r":\s|;\s|\s[–—]\s|\.\s", line, maxsplit=1)[0]
    return " ".join(line.rstrip(".!").split())


def as_noun_phrase(text: str, proper: set[str]) -> str:
    """ "Owning data contracts" -> "owning data contracts"; "Greenfield platform work" ->
    "the greenfield platform work"; a list reads with "and"; "" for a clause of its own
    ("I like that they ship weekly"), which can't be woven in."""
    phrase = _first_part(text)
    words = [word.strip(",").casefold() for word in phrase.split()]
    if not words or len(words) > 12 or CLAUSE_WORDS & set(words):
        return ""
    if ", " in phrase and " and " not in phrase:
        head, _, last = phrase.rpartition(", ")
        phrase = f"{head} and {last}"
    phrase = _lower_first(phrase, proper)
    first = phrase.split(" ", 1)[0]
    if first[:1].islower() and first not in DETERMINERS and not first.endswith("ing"):
        phrase = "the " + phrase
    return phrase


def what_went_well(text: str, proper: set[str]) -> str:
    """The part of the interview that went well, as a phrase ("the dbt modelling
    exercise", "my answers to the design questions"), or "" when the answer does not
    name one ("Knew the Terraform questions cold" is a note to yourself)."""
    line = text.strip().split("\n", 1)[0].rstrip(".! ")
    head, colon, tail = line.partition(": ")
    candidates = [tail, head] if colon else [line]
    for candidate in candidates:
        said = False
        for ending in WENT_WELL:
            if candidate.casefold().endswith(ending):
                candidate, said = candidate[: -len(ending)], True
                break
        if not (said or (colon and candidate is head)):
            continue
        words = {word.strip(",").casefold() for word in candidate.split()}
        if not words & ACTIVITIES or words & CLAUSE_WORDS or len(words) > 10:
            continue
        phrase = as_noun_phrase(candidate, proper)
        if phrase.endswith((" questions", " question")) and not phrase.startswith("my "):
            phrase = "my answers to " + phrase
        return phrase
    return ""


# What someone mentioned, typed about them ("their move to Delta Lake", "how they run
# on-call"), said back to them: "your move…", "how you run…".
TO_THEM = {"their": "your", "theirs": "yours", "they": "you", "them": "you",
           "they're": "you're", "they've": "you've", "they'd": "you'd",
           "themselves": "yourselves"}  # fmt: skip


def said_to_them(point: str) -> str:
    """What someone mentioned, said back to them: "her dashboard" -> "your dashboard",
    "their move from Hadoop" -> "your move from Hadoop", "how she scaled the team" ->
    "how you scaled the team", "She moved us to Kafka" -> "how you moved us to Kafka"
    (whatever way it was typed, it reads as said to the person, not of a third party)."""
    i = re.IGNORECASE
    point = re.sub(r"\b(he|she)\s+(\w+)\b", lambda m: f"you {_to_you(m.group(2))}", point, flags=i)
    point = re.sub(r"\bhis\b", "your", point, flags=i)
    point = re.sub(r"\bhim\b", "you", point, flags=i)
    point = re.sub(r"\bher\b(?=\s+(?!about|on|for|with|to|in|at|and)\w)", "your", point, flags=i)
    point = re.sub(r"\bher\b", "you", point, flags=i)
    point = re.sub(
        r"\b(their|theirs|they|them|they're|they've|they'd|themselves)\b",
        lambda m: TO_THEM[m.group(1).casefold()],
        point,
        flags=re.IGNORECASE,
    )
    return f"how {point}" if point.startswith("you ") else point  # ("She moved us to Kafka")


def _to_you(verb: str) -> str:
    """A verb after "he"/"she" as it reads after "you": "runs" -> "run", "is" -> "are"."""
    word = verb.casefold()
    if word in ("is", "was", "has", "does", "goes"):
        return {"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go"}[word]
    if _gerund(word) or word.endswith("ss") or not word.endswith("s"):
        return verb  # (a past tense, "you" already fits)
    if word.endswith("ies"):
        return verb[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return verb[:-2]
    return verb[:-1]


# Titles of one person in a company, said without an article: "as Head of Data", "as CTO".
UNIQUE_TITLES = {"head", "chief", "director", "vp", "svp", "evp", "cto", "ceo", "cfo", "coo",
                 "cio", "cpo", "president", "founder", "co-founder", "cofounder",
                 "managing"}  # fmt: skip
VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")  # an acronym read letter by letter: "an SRE"


def with_article(title: str) -> str:
    """A job title as it reads after "as": "a Staff Engineer", "an Engineering Manager",
    "an SRE"; no article for one person's title ("Head of Data Platform", "CTO")."""
    title = " ".join(title.split())
    first = title.split(" ", 1)[0] if title else ""
    if not first or first.casefold() in UNIQUE_TITLES or " of " in title.casefold():
        return title
    if first.isupper() and len(first) > 1:
        vowel = first[0] in VOWEL_SOUND_LETTERS
    else:
        vowel = first[:1].casefold() in "aeiou" and not first.casefold().startswith(("uni", "eu"))
    return f"{'an' if vowel else 'a'} {title}"


# Past tenses a "what went well" note starts with, and their -ing form ("Led the design
# round" -> "leading the design round"); regular ones are worked out.
IRREGULAR_PAST = {"built": "building", "gave": "giving", "wrote": "writing", "led": "leading",
                  "ran": "running", "made": "making", "took": "taking", "did": "doing",
                  "got": "getting", "drew": "drawing", "spoke": "speaking", "taught": "teaching",
                  "told": "telling", "found": "finding", "came": "coming",
                  "brought": "bringing", "held": "holding"}  # fmt: skip
NOT_A_PAST = {"need", "feed", "seed", "speed", "bed", "red", "shed", "bleed", "proceed"}


def _gerund(verb: str) -> str:
    """ "Explained" -> "explaining", "tried" -> "trying", "planned" -> "planning"; "" when
    the word is not a past tense this knows."""
    word = verb.casefold()
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if not word.endswith("ed") or word in NOT_A_PAST or len(word) < 5:
        return ""
    if word.endswith("ied"):
        return word[:-3] + "ying"
    return word[:-2] + "ing"


def what_you_did_well(text: str, proper: set[str]) -> str:
    """A "what went well" note written as what you did ("Explained the streaming dedup
    design clearly") as a phrase to weave in: "explaining the streaming dedup design";
    "" when it does not start with something you did."""
    line = re.split(r";\s|\.\s|\s[–—]\s|,\s", text.strip().split("\n", 1)[0], maxsplit=1)[0]
    words = line.rstrip(".! ").split()
    if len(words) < 2 or len(words) > 12:
        return ""
    doing = _gerund(words[0].strip(","))
    if not doing:
        return ""
    while len(words) > 2 and words[-1].casefold().rstrip(".") in ("well", "clearly", "too"):
        words = words[:-1]
    rest = " ".join(words[1:])
    if CLAUSE_WORDS & {word.casefold() for word in words[1:]}:
        return ""
    first = rest.split(" ", 1)[0]
    return f"{doing} {_lower_first(rest, proper) if first.casefold() in LOWER_FIRST else rest}"


# The friendly tone: what a formal sentence says, as a person says it to a colleague.
CASUAL = (
    ("Thank you for taking the time to", "Thanks for taking the time to"),
    ("Thank you once more", "Thanks again"), ("Thank you very much", "Thanks so much"),
    ("Thank you for", "Thanks for"), ("Thank you again", "Thanks again"),
    ("Please let me know if I can provide any further information.",
     "Let me know if there's anything else you need from me."),
    ("If anything else would help your decision, I would be happy to provide it.",
     "If anything else would help, just let me know."),
    ("I hope you are well. ", "I hope you're well. "), ("I am writing to", "I wanted to"),
    ("I remain very interested, and would be glad to hear how your decision is progressing "
     "whenever you have a moment.", "I'm still very interested. How are things going?"),
    ("I remain very interested in the role.", "I'm still very interested in the role."),
    ("I remain very interested", "I'm still very interested"),
    ("Could you let me know where things stand, and whether there is anything more I can "
     "provide to help with your decision?",
     "Where do things stand? And is there anything else I can send you?"),
    ("After careful thought I have decided", "After a lot of thought, I've decided"),
    ("I particularly appreciated", "I really enjoyed"),
    ("It was especially useful to hear your perspective", "It was great to hear your take"),
    ("I am confident my experience would let me contribute early",
     "I'm sure I could contribute early on"),
    ("I look forward to hearing from you about the next steps.",
     "Looking forward to hearing about next steps."),
    ("I look forward to hearing from you.", "Looking forward to hearing from you."),
    ("I would be glad to", "I'd love to"), ("I would welcome", "I'd welcome"),
    ("I would be", "I'd be"), ("I would", "I'd"), ("I am", "I'm"), ("I have", "I've"),
    ("I will", "I'll"),
    ("it is", "it's"), ("It is", "It's"), ("do not", "don't"), ("that is", "that's"),
    (", and I ", ". I "), (", and I'", ". I'"), (" position at ", " role at "),
    (" position for ", " role for "), (" position further", " role further"),
)  # fmt: skip


def casual(text: str) -> str:
    """A formal paragraph in the friendly tone: contractions, shorter sentences."""
    for formal_words, friendly_words in CASUAL:
        text = text.replace(formal_words, friendly_words)
    return text


# --- days, as a person writes them ---------------------------------------------------------


def on_day(moment: datetime, now: datetime, sent: datetime | None = None) -> str:
    """ "today", "yesterday", "on Thursday" within the week; "on 12 November" otherwise
    (with the year when it is not this year's). `sent`: when the text is to be read, if
    not now (a draft due another day): no "today" or "yesterday", which would be wrong on
    one of the two days; a day name only when within the week of both."""
    local_now = pendulum.instance(now)
    zone = local_now.timezone or "UTC"
    day = pendulum.instance(moment).in_timezone(zone).date()
    days = (local_now.date() - day).days
    read = pendulum.instance(sent).in_timezone(zone).date() if sent else local_now.date()
    if read != local_now.date():
        days_then = (read - day).days
        if 0 <= days <= 6 and 1 <= days_then <= 6:
            return f"on {WEEKDAYS[day.weekday()]}"
    elif days == 0:
        return "today"
    elif days == 1:
        return "yesterday"
    elif 2 <= days <= 6:
        return f"on {WEEKDAYS[day.weekday()]}"
    year = f" {day.year}" if day.year != local_now.year else ""
    return f"on {day.day} {MONTHS[day.month - 1]}{year}"
