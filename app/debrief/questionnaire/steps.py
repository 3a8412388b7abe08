"""The questionnaires as data: the twelve steps of a reflection, each with its hint and
its questions, and the form that schedules an interview ahead.

The UI renders whatever `STEPS` lists: adding a question is one `Question` entry here
(plus a field on `Reflection` if it is stored).
"""

from __future__ import annotations

from debrief.model import Ask, Format, Period, Rapport, Stage
from debrief.questionnaire.cards import INTERVIEWER_CARD, QUESTION_CARD
from debrief.questionnaire.form import YES_NO, Kind, Question, Step, choices_of


def _text(key: str, label: str, placeholder: str = "") -> Question:
    return Question(key, label, Kind.TEXT, placeholder=placeholder)


STEPS: tuple[Step, ...] = (
    Step(
        "opportunity",
        "The opportunity",
        "Write it down now, while it is fresh: the details fade within hours.",
        (
            Question("company", "Company", Kind.COMPANY, required=True, placeholder="Acme"),
            Question("role", "Role", Kind.ROLE, required=True, placeholder="Data Engineer"),
            Question(
                "interview_at",
                "Interview date and time",
                Kind.WHEN,
                required=True,
                placeholder="2026-11-20 14:00, today 14:00, yesterday",
            ),
            Question(
                "duration_minutes",
                "How long did it last?",
                Kind.MINUTES,
                placeholder="45 min, 1h30 (an hour if left empty)",
            ),
            Question("stage", "Stage", Kind.CHOICE, choices=choices_of(Stage)),
            Question("format", "Format", Kind.CHOICE, choices=choices_of(Format)),
        ),
    ),
    Step(
        "interviewers",
        "Interviewers",
        "Spelling matters: get each name, title and email exactly right — "
        "your thank-you note depends on them.",
        (Question("interviewers", "Business cards", Kind.CARDS, card=INTERVIEWER_CARD),),
    ),
    Step(
        "rating",
        "Your performance",
        "Be honest with yourself — you'll only get better if you see where to improve.",
        (Question("rating", "Overall, how did you do? (1–10)", Kind.RATING, required=True),),
    ),
    Step(
        "questions",
        "Questions they asked",
        "Think over the questions you were asked while you remember them: the ones you "
        "answered badly are the best practice for next time.",
        (Question("questions", "Questions", Kind.CARDS, card=QUESTION_CARD),),
    ),
    Step(
        "went_well",
        "What went well",
        "Note where you performed strongly, so you can do it again.",
        (_text("went_well", "Where did you perform strongly?"),),
    ),
    Step(
        "went_badly",
        "What didn't go so well",
        "Every interview is a lesson: an answer you would change is one you'll nail next time.",
        (
            _text("went_badly", "What didn't go so well?"),
            _text("answer_differently", "Where would you answer differently?"),
        ),
    ),
    Step(
        "interviewer",
        "The interviewer",
        "You were interviewing them too: could you see yourself working with this person?",
        (
            _text("rapport", "How did you get on?"),
            Question(
                "could_work_with",
                "Could you see yourself working with them?",
                Kind.CHOICE,
                choices=choices_of(Rapport),
            ),
        ),
    ),
    Step(
        "likes",
        "Role and company",
        "What draws you to this job? It helps you decide, and it makes a sincere thank-you.",
        (
            _text("likes_role", "What do you like about the role?"),
            _text("likes_company", "What do you like about the company?"),
        ),
    ),
    Step(
        "reservations",
        "Reservations",
        "Name your doubts now, and how they could be resolved — ask about them next round.",
        (
            _text("reservations", "Any reservations?"),
            _text("resolve_reservations", "How could they be resolved?"),
        ),
    ),
    Step(
        "money",
        "Money",
        "Optional. Write down any figure mentioned, exactly as it was said.",
        (
            Question("money_amount", "Amount", Kind.AMOUNT, placeholder="85000"),
            Question("money_currency", "Currency (ISO code)", Kind.CURRENCY, placeholder="EUR"),
            Question("money_period", "Period", Kind.CHOICE, choices=choices_of(Period)),
            _text("money_notes", "Notes", "bonus, equity, range, flexibility…"),
        ),
    ),
    Step(
        "comparison",
        "Comparison",
        "Compare honestly: with the job you have, and with your other options.",
        (
            _text("vs_current_job", "Compared with your current job?"),
            _text("vs_other_opportunities", "Compared with your other opportunities?"),
        ),
    ),
    Step(
        "next",
        "Next steps",
        "Ask about next steps and timing before you leave; keep one point for your thank-you.",
        (
            Question("asked", "Before leaving, did you…", Kind.CHECKS, choices=choices_of(Ask)),
            Question("want_job", "Do you want this job? (1–10)", Kind.RATING),
            _text("next_steps", "Next steps they described"),
            Question(
                "references_requested",
                "Did they ask for your references?",
                Kind.YESNO,
                choices=YES_NO,
            ),
            Question(
                "reply_by",
                "When did they say you'd hear?",
                Kind.DAY,
                placeholder="by friday, in a week, end of next week, 2026-12-11",
            ),
            Question(
                "replies_from",
                "Who said they would get back to you?",
                Kind.LINE,
                placeholder="one of the interviewers, or the recruiter",
            ),
            Question(
                "may_follow_up",
                "May you follow up? What they said",
                Kind.YESNO,
                choices=(("yes", "They said yes"), ("no", "They said no")),
            ),
            _text("feedback", "Feedback asked for / received"),
            _text("key_point", "One key discussion point (for the thank-you note)"),
            _text("lessons", "Lessons for next time"),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for step in STEPS for q in step.questions}


# --- scheduling an interview ahead ----------------------------------------------------------

SCHEDULE: tuple[Question, ...] = (
    Question("company", "Company", Kind.COMPANY, required=True, placeholder="Globex"),
    Question("role", "Role", Kind.ROLE, required=True, placeholder="Platform Engineer"),
    Question(
        "start",
        "Date and time",
        Kind.UPCOMING,
        required=True,
        placeholder="tomorrow 10:00, friday 14:30, 2026-12-10 09:00",
    ),
    Question(
        "duration_minutes",
        "How long?",
        Kind.MINUTES,
        placeholder="45 min, 1h30 (an hour if left empty)",
    ),
    Question("stage", "Stage", Kind.CHOICE, choices=choices_of(Stage)),
    Question("format", "Format", Kind.CHOICE, choices=choices_of(Format)),
    Question(
        "where",
        "Where, or the video link",
        Kind.LINE,
        placeholder="Globex HQ, 3rd floor · https://meet.example/abc",
    ),
    Question("interviewers", "Who you will meet (if you know)", Kind.CARDS, card=INTERVIEWER_CARD),
)
