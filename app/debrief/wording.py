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


def said_to_them(point: str) -> str:
    """What someone mentioned, said back to them: "her dashboard" -> "your dashboard"."""
    return re.sub(r"^(his|her)\s", "your ", point)


# --- days, as a person writes them ---------------------------------------------------------


def on_day(moment: datetime, now: datetime) -> str:
    """ "today", "yesterday", "on Thursday" within the week; "on 12 November" otherwise
    (with the year when it is not this year's)."""
    local_now = pendulum.instance(now)
    day = pendulum.instance(moment).in_timezone(local_now.timezone or "UTC").date()
    days = (local_now.date() - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 2 <= days <= 6:
        return f"on {WEEKDAYS[day.weekday()]}"
    year = f" {day.year}" if day.year != local_now.year else ""
    return f"on {day.day} {MONTHS[day.month - 1]}{year}"
