"""A reflection as a document: headings per question, nothing cut, literal text."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from debrief.document import describe_money, document_text, reflection_document
from debrief.model import Money, Period
from debrief.questionnaire import AnswerContext
from tests.samples import MARKUP, NOW, full_reflection, opportunity

CTX = AnswerContext(now=NOW)


def test_title_subtitle_and_sections_in_questionnaire_order() -> None:
    job = opportunity()
    first = full_reflection(job.id, id="r1", interview_at=NOW.subtract(days=9))
    second = full_reflection(job.id, id="r2")
    document = reflection_document(second, job, [first, second], CTX)
    assert document.title == "Acme — Data Engineer"
    assert (
        document.subtitle
        == "Sat 21 Nov 2026, 15:00 · Technical · Video · round 2 of 2 · status: interviewing"
    )
    assert [s.heading for s in document.sections] == [
        "The job",
        "Interviewers",
        "Your performance",
        "Questions they asked",
        "What went well",
        "What didn't go so well",
        "The interviewer",
        "Role and company",
        "Reservations",
        "Money",
        "Comparison",
        "Next steps",
        "Next time, before you leave",
    ]
    assert document.sections[0].answers[0].text == (
        "Berlin · https://acme.example/jobs/42 · recruiter: Mo Salah"
    )
    (lessons,) = document.sections[-1].answers
    assert lessons.question == "Remember to"
    assert lessons.text.splitlines() == [
        "• ask about next steps and when you will hear back",
        "• ask whether you may follow up",
        "• ask for feedback on your fit for the role",
        "• get each interviewer's business card and how they prefer to be contacted",
    ]
    interviewer = next(s for s in document.sections if s.heading == "The interviewer")
    assert interviewer.answers[0].text == MARKUP  # literal, never interpreted
    assert document.footer == "Written Sun 22 Nov 2026, 14:05"


def test_unanswered_questions_are_left_out() -> None:
    job = opportunity()
    bare = full_reflection(job.id, went_badly="", answer_differently="", money=None, money_notes="")
    document = reflection_document(bare, job, [bare], CTX)
    headings = [s.heading for s in document.sections]
    assert "What didn't go so well" not in headings and "Money" not in headings
    assert "round" not in document.subtitle


def test_money_states_its_annual_assumption() -> None:
    job = opportunity()
    monthly = full_reflection(job.id, money=Money(Decimal("5000"), "EUR", Period.MONTH))
    assert describe_money(monthly) == "5,000 EUR per month (≈ 60,000 EUR a year, × 12)"
    yearly = full_reflection(job.id)
    assert describe_money(yearly) == "95,000.50 EUR per year"


def test_plain_text_for_the_shell_keeps_every_line() -> None:
    job = opportunity()
    reflection = dataclasses.replace(full_reflection(job.id), updated_at=NOW.add(hours=2))
    text = document_text(reflection_document(reflection, job, [reflection], CTX))
    assert "    Explained the Kafka migration.\n    Second line." in text
    assert "WHAT WENT WELL" in text
    assert text.endswith("Written Sun 22 Nov 2026, 14:05 · edited Sun 22 Nov 2026, 16:05")


def test_done_checklist_items_are_not_lessons_and_the_plan_is_listed() -> None:
    from debrief.followups import mark_done, plan
    from debrief.model import Ask

    job = opportunity()
    reflection = full_reflection(
        job.id, asked=(Ask.NEXT_STEPS, Ask.MAY_FOLLOW_UP, Ask.FEEDBACK, Ask.CARDS)
    )
    items = plan(job, [reflection], "Europe/Berlin")
    items[0] = mark_done(items[0], NOW, note="sent by email")
    document = reflection_document(reflection, job, [reflection], CTX, items)
    headings = [s.heading for s in document.sections]
    assert "Next time, before you leave" not in headings
    steps = next(s for s in document.sections if s.heading == "Next steps")
    assert steps.answers[0].text.startswith("✓ Asked about next steps and timing")
    plan_section = document.sections[-1]
    assert plan_section.heading == "Follow-up"
    assert plan_section.answers[0].question == "Thank-you note to Jane Dœ (by LinkedIn)"
    assert plan_section.answers[0].text == "done Sun 22 Nov 2026, 14:05 · sent by email"
    assert plan_section.answers[1].text == "in 19 hours"  # Ravi's: Monday 10:00 (a Saturday's)
    # (Jane is thanked by LinkedIn: that note is the invitation, no separate "connect")
    assert not [a for a in plan_section.answers if a.question.startswith("Connect")]


def test_a_follow_up_no_longer_needed_is_never_called_overdue() -> None:
    from dataclasses import replace

    from debrief.followups import plan

    job = opportunity()
    reflection = full_reflection(job.id, interview_at=NOW.subtract(days=30))
    items = [
        replace(item, superseded_at=NOW.subtract(days=2)) if item.key == "status_check:1" else item
        for item in plan(job, [reflection], "Europe/Berlin")
    ]
    document = reflection_document(reflection, job, [reflection], CTX, items)
    answers = {a.question: a.text for a in document.sections[-1].answers}
    check = next(text for question, text in answers.items() if question.startswith("Status"))
    assert check == "no longer needed since Fri 20 Nov 2026, 14:05"
    assert "overdue" in answers["Thank-you note to Ravi 🚀 Kumar (by post / express mail)"]
