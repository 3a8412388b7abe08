"""A question in the bank is titled with the wording used most often, not the newest: one
odd wording ("Désign a rate-limiter…", 1 of 6) does not rename it (issue #29)."""

from __future__ import annotations

from collections.abc import Callable

from debrief.model import AskedQuestion, Reflection
from debrief.questions import every_question, question_bank
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.widgets.virtual_table import VirtualTable
from tests.samples import NOW, bare_reflection, opportunity

COMMON = "Design a rate-limiter for our public API"
ODD = "Désign a rate-limiter for our public API…"
ACME = opportunity("Acme", "Data Engineer")


def six_times_asked() -> list[Reflection]:
    """Five times in the common wording, the newest once in an odd one."""
    wordings = [COMMON] * 5 + [ODD]
    return [
        bare_reflection(ACME.id, id=f"r{n}", interview_at=NOW.subtract(days=30 - n),
                        questions=(AskedQuestion(text, 3),))
        for n, text in enumerate(wordings)
    ]  # fmt: skip


def test_a_group_is_titled_with_its_most_common_wording() -> None:
    (group,) = question_bank(every_question(six_times_asked(), {ACME.id: ACME}))
    assert (group.text, group.count) == (COMMON, 6)


def test_tied_wordings_take_the_latest() -> None:
    reflections = [
        bare_reflection(ACME.id, id="a", interview_at=NOW.subtract(days=9),
                        questions=(AskedQuestion("Tell me about yourself.", 2),)),
        bare_reflection(ACME.id, id="b", interview_at=NOW.subtract(days=2),
                        questions=(AskedQuestion("tell me about yourself", 4),)),
    ]  # fmt: skip
    (group,) = question_bank(every_question(reflections, {ACME.id: ACME}))
    assert group.text == "tell me about yourself"


async def test_the_bank_at_80_by_24_shows_the_common_wording(
    build_app: Callable[[], DebriefApp], journal: Journal
) -> None:
    for reflection in six_times_asked():
        journal.save_reflection(reflection, ACME)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        table = app.screen.query_one("#bank-table", VirtualTable)
        row = table.render_line(1).text
        assert COMMON in row and "Désign" not in row, row
