"""The question bank: every question you were asked, near-duplicates together, how often,
and how your answers went over time. The best material for getting better."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from debrief.model import Opportunity, Reflection, Stage

SIMILAR_RATIO = 0.85  # difflib's ratio of two folded wordings taken as one question
SIMILAR_WORDS = 0.75  # or this share of their words in common (word order aside)


def fold_question(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: `Tell me about yourself.`
    and `tell me about   YOURSELF?` fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def similar(first: str, second: str) -> bool:
    """Two folded wordings of the same question: nearly the same letters, or nearly the
    same words."""
    if first == second:
        return True
    words_a, words_b = set(first.split()), set(second.split())
    if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= SIMILAR_WORDS:
        return True
    return difflib.SequenceMatcher(None, first, second).ratio() >= SIMILAR_RATIO


@dataclass(frozen=True)
class Asked:
    """One time a question was asked."""

    text: str
    answered: int | None  # 1–5, None: not rated
    better_answer: str
    when: datetime
    company: str
    stage: Stage | None
    reflection_id: str


@dataclass
class QuestionGroup:
    """A question and its near-duplicates, each time it was asked, oldest first."""

    key: str  # the folded wording of the first time
    asked: list[Asked] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The wording used most often (the latest of those tied): one odd wording, or a
        typo made once, does not rename a question asked six times."""
        times = Counter(" ".join(a.text.split()) for a in self.asked)
        most = max(times.values())
        return next(a.text for a in reversed(self.asked) if times[" ".join(a.text.split())] == most)

    @property
    def count(self) -> int:
        return len(self.asked)

    @property
    def answers(self) -> list[int]:
        """How well it was answered, each time it was rated, oldest first."""
        return [a.answered for a in self.asked if a.answered is not None]

    @property
    def latest(self) -> datetime:
        return self.asked[-1].when

    @property
    def better_answer(self) -> str:
        """The latest better answer written down, if any."""
        return next((a.better_answer for a in reversed(self.asked) if a.better_answer), "")

    @property
    def companies(self) -> list[str]:
        return sorted({a.company for a in self.asked}, key=str.casefold)

    def trend(self) -> str:
        """`2 → 3 → 5`, or `—` when never rated."""
        return " → ".join(str(n) for n in self.answers) or "—"


def every_question(
    reflections: Iterable[Reflection], opportunities: Mapping[str, Opportunity]
) -> list[Asked]:
    """Every question asked, oldest interview first."""
    asked = []
    for reflection in sorted(reflections, key=lambda r: r.interview_at.timestamp()):
        opportunity = opportunities.get(reflection.opportunity_id)
        company = opportunity.company if opportunity else "?"
        for question in reflection.questions:
            asked.append(
                Asked(question.text, question.answered, question.better_answer,
                      reflection.interview_at, company, reflection.stage, reflection.id)
            )  # fmt: skip
    return asked


def question_bank(
    asked: Iterable[Asked], *, company: str = "", stage: Stage | None = None
) -> list[QuestionGroup]:
    """The questions grouped by similarity, most often asked first (then the latest),
    optionally only those asked at one company or stage."""
    groups: list[QuestionGroup] = []
    for item in asked:
        if company and item.company.casefold() != company.casefold():
            continue
        if stage is not None and item.stage is not stage:
            continue
        key = fold_question(item.text)
        group = next((g for g in groups if similar(g.key, key)), None)
        if group is None:
            group = QuestionGroup(key)
            groups.append(group)
        group.asked.append(item)
    return sorted(groups, key=lambda g: (-g.count, -g.latest.timestamp()))


def weakest(groups: Iterable[QuestionGroup], count: int = 5) -> list[QuestionGroup]:
    """The questions whose latest rated answer was worst (2 of 5 or less), worst first."""
    rated = [g for g in groups if g.answers and g.answers[-1] <= 2]
    return sorted(rated, key=lambda g: (g.answers[-1], -g.latest.timestamp()))[:count]
