"""Drafts: for one person and their channel, in the advice's shape, with the user's details,
visible gaps for what is missing, and never a private answer."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from debrief.followups import mark_done, plan
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Interviewer,
    Money,
    Period,
    Reflection,
    Settings,
    Stage,
    Status,
)
from debrief.notes import LINKEDIN_LIMIT, address_as, draft_for, salutation
from debrief.wording import as_clause, on_day, said_to_them, with_article
from tests.samples import NOW, bare_reflection, full_reflection, opportunity

PROFILE = Settings(name="Alex Morgan", email="alex@example.com", phone="+44 20 7946 0000")
JOB = opportunity()


def items_of(reflection: Reflection, **changes: object) -> dict[str, FollowUp]:
    job = replace(JOB, **changes)  # type: ignore[arg-type]
    return {item.key: item for item in plan(job, [reflection], "Europe/Berlin")}


# --- greeting people as they would be greeted -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "address", "formal", "greeting"),
    [
        ("Jane Doe", "CTO", "", True, "Dear [fill in: Ms./Mr./Mx.] Doe,"),  # no title known
        ("Jane Doe", "CTO", "", False, "Hi Jane,"),
        ("Amara Okafor", "Dr.", "", True, "Dear Dr. Okafor,"),
        ("Amara Okafor", "Dr", "", False, "Hi Amara,"),
        ("Elena Márquez", "Professor", "", True, "Dear Professor Márquez,"),
        ("Elena Márquez", "Professor of Databases", "", True, "Dear Professor Márquez,"),
        ("Ms. Smith", "", "", True, "Dear Ms. Smith,"),
        ("Ms Smith", "", "", False, "Hi Ms. Smith,"),
        ("Dr. Zoë Brontë", "Head of Data", "", True, "Dear Dr. Brontë,"),
        ("Dr. Zoë Brontë", "Head of Data", "", False, "Hi Zoë,"),  # friendly: the first name
        ("Jane Doe", "CTO", "Janie", False, "Hi Janie,"),
        ("Jane Doe", "CTO", "Dr. Doe", True, "Dear Dr. Doe,"),
    ],
)
def test_everyone_is_addressed_as_they_would_be(
    name: str, title: str, address: str, formal: bool, greeting: str
) -> None:
    person = Interviewer(name=name, title=title, address_as=address)
    assert salutation(person, formal=formal) == greeting


def test_an_unknown_name_is_a_visible_gap() -> None:
    assert salutation(None, formal=True) == "Dear [fill in: interviewer’s name],"
    assert address_as(None, formal=False) == "[fill in: interviewer’s name]"


@pytest.mark.parametrize(
    ("point", "clause"),
    [
        ("Migrating the ingestion pipeline to Kafka", "migrating the ingestion pipeline to Kafka"),
        ("our discussion about our discussion culture", "our discussion culture"),
        ("Our discussion about the on-call rotation.", "the on-call rotation"),
        ("We talked about Kafka", "Kafka"),
        ("discussing   their   roadmap", "their roadmap"),
        ("The roadmap for 2027", "the roadmap for 2027"),
        ("AWS costs", "AWS costs"),
        ("Kafka at scale", "Kafka at scale"),
    ],
)
def test_the_key_point_is_woven_in_without_doubling_its_first_words(
    point: str, clause: str
) -> None:
    assert as_clause(point) == clause


# --- each person their own note -----------------------------------------------------------


PANEL = (
    Interviewer(name="Jane Doe", email="jane@acme.example", mentioned="their move to Rust"),
    Interviewer(name="Ravi Kumar", email="ravi@acme.example", mentioned="mentoring new hires"),
    Interviewer(name="Li Wei", email="li@acme.example"),
)


def test_panelists_each_get_their_own_note_to_their_own_address() -> None:
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=PANEL)
    items = items_of(reflection)
    drafts = {
        person.name: draft_for(items[f"thank_you:{person.name.casefold()}"], reflection, JOB, PROFILE, NOW)
        for person in PANEL
    }  # fmt: skip
    jane, ravi, li = drafts.values()
    assert jane.to == "jane@acme.example" and ravi.to == "ravi@acme.example"
    assert "our discussion about your move to Rust," in jane.body  # (said to her, not of her)
    assert "Our conversation about mentoring new hires stayed with me" in ravi.body
    assert "hearing about migrating the ingestion pipeline to Kafka;" in li.body
    assert len({d.body for d in drafts.values()}) == 3
    assert jane.text.startswith("To: jane@acme.example\nSubject: Thank You for the Interview – Alex Morgan\n\nDear [fill in: Ms./Mr./Mx.] Doe,")  # fmt: skip


def test_private_answers_never_reach_a_draft() -> None:
    reflection = full_reflection(
        JOB.id,
        interview_at=NOW.subtract(days=9),
        interviewers=(Interviewer(name="Jane Doe", notes="seemed bored", preferred=Channel.POST),),
        money=Money(Decimal("123456"), "EUR", Period.YEAR),
        money_notes="secret bonus",
        reservations="worried about the manager",
        vs_current_job="pays less than now",
        rating=3,
        want_job=9,
    )
    items = items_of(reflection)
    texts = [
        draft_for(item, reflection, JOB, PROFILE, NOW, formal=formal).text
        for item in items.values()
        for formal in (True, False)
    ]
    for text in texts:
        for private in ("123", "secret", "worried", "pays less", "bored", "3/10", "9/10"):
            assert private not in text


# --- the channel shapes the draft -------------------------------------------------------------


def test_by_post_a_letter_with_the_date_and_an_address_block() -> None:
    person = Interviewer(name="Jane Doe", title="CTO", preferred=Channel.POST)
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=(person,))
    letter = draft_for(items_of(reflection)["thank_you:jane doe"], reflection, JOB, PROFILE, NOW)
    assert letter.channel is Channel.POST and letter.subject == ""
    assert letter.body.startswith("Alex Morgan\nalex@example.com\n+44 20 7946 0000\n\n23 November 2026\n\nJane Doe\nCTO\nAcme\nBerlin\n\nDear [fill in: Ms./Mr./Mx.] Doe,")  # fmt: skip
    assert "Subject" not in letter.text


def test_by_phone_a_call_script_with_the_number() -> None:
    person = Interviewer(name="Jane Doe", phone="+49 30 1234567", preferred=Channel.PHONE)
    reflection = full_reflection(
        JOB.id, interview_at=NOW.subtract(hours=4), interviewers=(person,), reply_by=None
    )
    items = items_of(reflection)
    script = draft_for(items["thank_you:jane doe"], reflection, JOB, PROFILE, NOW)
    assert script.channel is Channel.PHONE and script.to == "Jane Doe, +49 30 1234567"
    assert script.text.startswith("Call Jane Doe, +49 30 1234567\n\nIf they answer")
    assert "Subject" not in script.text and "alex@example.com" not in script.text
    call = draft_for(items["call"], reflection, JOB, PROFILE, NOW)
    assert "this is Alex Morgan" in call.body and "voicemail" in call.body


def test_on_linkedin_a_message_under_300_characters_and_no_subject() -> None:
    person = Interviewer(
        name="Jane Doe", linkedin="https://linkedin.com/in/jane", mentioned="x" * 400
    )
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=(person,))
    items = items_of(reflection)
    for key in ("linkedin:jane doe",):
        message = draft_for(items[key], reflection, JOB, PROFILE, NOW, formal=False)
        assert message.channel is Channel.LINKEDIN and message.subject == ""
        assert len(message.body) <= LINKEDIN_LIMIT and message.body.startswith("Hi Jane,")
        assert message.body.endswith("– Alex Morgan") and "xxx" not in message.body  # too long
        assert message.invitation and message.text.startswith("LinkedIn invitation to Jane Doe")


# --- checks and withdrawals ---------------------------------------------------------------


def test_the_first_check_asks_the_second_offers_something_new_to_whoever_replies() -> None:
    ravi = Interviewer(name="Ravi Kumar", email="ravi@acme.example")
    reflection = bare_reflection(
        JOB.id, interview_at=NOW.subtract(days=20), stage=Stage.TECHNICAL,
        interviewers=(ravi,), replies_from="Ravi Kumar",
    )  # fmt: skip
    items = items_of(reflection)
    first = draft_for(items["status_check:1"], reflection, JOB, PROFILE, NOW)
    assert first.to == "ravi@acme.example" and first.body.startswith(
        "Dear [fill in: Ms./Mr./Mx.] Kumar,"
    )
    assert "Could you let me know where things stand" in first.body
    sent = mark_done(items["status_check:1"], NOW.subtract(days=8))
    second_item = {i.key: i for i in plan(JOB, [reflection], "Europe/Berlin", [sent])}["status_check:2"]  # fmt: skip
    second = draft_for(second_item, reflection, JOB, PROFILE, NOW, earlier=sent)
    assert "Following my note on 14 November" in second.body
    assert "[fill in: an article, a result or a piece of work" in second.body
    assert "where things stand" not in second.body  # not the same ask again


def test_a_check_to_someone_named_only_in_passing_greets_them_by_name() -> None:
    reflection = bare_reflection(JOB.id, interview_at=NOW.subtract(days=20), replies_from="Sam, the recruiter")  # fmt: skip
    check = draft_for(items_of(reflection)["status_check:1"], reflection, JOB, PROFILE, NOW)
    assert check.body.startswith("Dear Sam,\n")  # not "Dear Sam, the recruiter,"
    assert check.to == "[fill in: their email address]"


def test_a_withdrawal_is_polite_and_keeps_the_door_open() -> None:
    reflection = bare_reflection(JOB.id, interview_at=NOW.subtract(days=3))
    items = items_of(reflection, status=Status.WITHDRAWN, updated_at=NOW.subtract(days=1))
    note = draft_for(items["withdrawal"], reflection, JOB, PROFILE, NOW)
    assert "withdraw my application" in note.body and "hope our paths cross again" in note.body
    assert note.subject == "Data Engineer application – Alex Morgan"
    assert items["thank_you:"].kind is FollowUpKind.THANK_YOU  # the thank-you stays


def test_missing_pieces_become_visible_gaps() -> None:
    reflection = bare_reflection(JOB.id, interview_at=NOW.subtract(days=2))
    draft = draft_for(items_of(reflection)["thank_you:"], reflection, JOB, Settings(), NOW)
    assert draft.subject == "Thank You for the Interview – [fill in: your name]"
    assert draft.to == "[fill in: their email address]"
    assert draft.body.startswith("Dear [fill in: interviewer’s name],")
    assert "meet with me on Friday about" in draft.body  # not "today": it was two days ago
    assert "our discussion about [fill in: one point from your conversation]," in draft.body
    assert draft.body.endswith("[fill in: your name]\n[fill in: your email or phone]")


# --- a LinkedIn thank-you is a short message; the invitation carries it ---------------------


def test_a_linkedin_thank_you_is_short_and_is_the_invitation_until_you_are_connected() -> None:
    long_winded = "x " * 200
    selina = Interviewer(
        name="Selina Kyle", linkedin="https://linkedin.com/in/selina", preferred=Channel.LINKEDIN,
        mentioned="her dashboard for the donors",
    )  # fmt: skip
    one = full_reflection(JOB.id, id="r1", interview_at=NOW.subtract(days=9), interviewers=(selina,),
                          likes_role=long_winded)  # fmt: skip
    planned = {f.key: f for f in plan(JOB, [one], "Europe/Berlin")}
    assert "linkedin:selina kyle" not in planned  # the thank-you is the invitation: not twice
    thanks = planned["thank_you:selina kyle"]
    for formal in (True, False):
        note = draft_for(
            thanks, one, JOB, PROFILE, NOW, formal=formal, rounds=[one], followups=[thanks]
        )
        assert note.channel is Channel.LINKEDIN and note.invitation
        assert len(note.body) <= LINKEDIN_LIMIT, note.body
        assert "your dashboard for the donors" in note.body  # her own point, said to her
        assert "connect" in note.body and note.body.endswith("– Alex Morgan")
    two = full_reflection(
        JOB.id, id="r2", interview_at=NOW.subtract(days=2), interviewers=(selina,)
    )
    sent = mark_done(thanks, NOW.subtract(days=8))
    again = {f.key: f for f in plan(JOB, [one, two], "Europe/Berlin", [sent])}
    later = [
        f for f in again.values() if f.reflection_id == "r2" and f.kind is FollowUpKind.THANK_YOU
    ]
    message = draft_for(
        later[0], two, JOB, PROFILE, NOW, rounds=[one, two], followups=[sent, *later]
    )
    assert not message.invitation  # connected since the first round's
    assert message.text.startswith(
        "LinkedIn message to Selina Kyle (https://linkedin.com/in/selina)"
    )
    assert len(message.body) <= LINKEDIN_LIMIT


# --- every draft goes to someone real ----------------------------------------------------------


def test_a_withdrawal_goes_to_whoever_said_they_would_get_back_to_you() -> None:
    ravi = Interviewer(name="Ravi Kumar", title="Dr.", email="ravi@acme.example")
    reflection = bare_reflection(JOB.id, interview_at=NOW.subtract(days=3), interviewers=(ravi,),
                                 replies_from="Ravi Kumar")  # fmt: skip
    items = items_of(reflection, status=Status.WITHDRAWN, updated_at=NOW.subtract(days=1))
    note = draft_for(items["withdrawal"], reflection, JOB, PROFILE, NOW)
    assert (note.to, note.body.split("\n", 1)[0]) == ("ravi@acme.example", "Dear Dr. Kumar,")


@pytest.mark.parametrize(
    ("replies_from", "recruiter", "to", "greeting"),
    [
        ("the recruiter", "Mo Salah", "mo@acme.example", "Dear [fill in: Ms./Mr./Mx.] Salah,"),
        ("the recruiter", "", "[fill in: their email address]", "Dear [fill in: the recruiter’s name],"),
        ("", "Mo Salah", "mo@acme.example", "Dear [fill in: Ms./Mr./Mx.] Salah,"),
        ("", "", "ravi@acme.example", "Dear Dr. Kumar,"),  # nobody named: the first interviewer
    ],
)  # fmt: skip
def test_checks_go_to_a_person_never_to_the_words_the_recruiter(
    replies_from: str, recruiter: str, to: str, greeting: str
) -> None:
    ravi = Interviewer(name="Ravi Kumar", title="Dr.", email="ravi@acme.example")
    job = replace(
        JOB, recruiter_name=recruiter, recruiter_email="mo@acme.example" if recruiter else ""
    )
    reflection = bare_reflection(job.id, interview_at=NOW.subtract(days=20), interviewers=(ravi,),
                                 replies_from=replies_from)  # fmt: skip
    item = {f.key: f for f in plan(job, [reflection], "Europe/Berlin")}["status_check:1"]
    check = draft_for(item, reflection, job, PROFILE, NOW)
    assert (check.to, check.body.split("\n", 1)[0]) == (to, greeting)
    assert "Dear the recruiter" not in check.body


# --- why you fit, and each person their own note --------------------------------------------


def test_a_thank_you_says_in_one_sentence_why_you_fit() -> None:
    reflection = full_reflection(
        JOB.id, interview_at=NOW.subtract(hours=4), interviewers=PANEL[:1],
        went_well="The dbt modelling exercise went well: fast, and I explained the trade-offs.",
        likes_role="Owning data contracts across the company.",
    )  # fmt: skip
    note = draft_for(items_of(reflection)["thank_you:jane doe"], reflection, JOB, PROFILE, NOW)
    assert (
        "What draws me to the role is owning data contracts across the company, and I hope the "
        "dbt modelling exercise showed what I would bring to the team." in note.body
    )
    nothing = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=PANEL[:1],
                              went_well="", likes_role="")  # fmt: skip
    bare = draft_for(items_of(nothing)["thank_you:jane doe"], nothing, JOB, PROFILE, NOW)
    assert "[fill in: one sentence on why your skills fit the role]" in bare.body


@pytest.mark.parametrize(
    ("went_well", "likes_role", "sentence"),
    [
        ("Knew the Terraform questions cold.", "Greenfield platform work.",
         "What draws me to the role is the greenfield platform work, and I am confident my "
         "experience would let me contribute early."),
        ("My stakeholder story about the finance dashboard landed.", "",
         "I hope my stakeholder story about the finance dashboard showed what I would bring to "
         "the team."),
        ("Feature store design questions: solid.", "Reliability for hospitals: it matters.",
         "What draws me to the role is the reliability for hospitals, and I hope my answers to "
         "the feature store design questions showed what I would bring to the team."),
        ("Async Python deep dive: my best round so far.", "I like that they ship weekly.",
         "I hope the async Python deep dive showed what I would bring to the team."),
        ("", "Mature codebase, good tooling", "What draws me to the role is the mature codebase "
         "and good tooling, and I am confident my experience would let me contribute early."),
    ],
)  # fmt: skip
def test_answers_are_woven_into_sentences_never_pasted(
    went_well: str, likes_role: str, sentence: str
) -> None:
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=PANEL[:1],
                                 went_well=went_well, likes_role=likes_role)  # fmt: skip
    note = draft_for(items_of(reflection)["thank_you:jane doe"], reflection, JOB, PROFILE, NOW)
    assert sentence in note.body
    written = re.sub(r"\[fill in: [^\]]*\]", "", note.body)  # (a gap says what to fill in)
    assert ": " not in written and not re.search(r"\b(\w+) \1\b", written, re.IGNORECASE)


def test_panelists_with_nothing_noted_get_notes_that_differ_beyond_the_greeting() -> None:
    panel = (
        Interviewer(name="Jane Doe", title="Staff Engineer", email="jane@acme.example"),
        Interviewer(name="Ravi Kumar", title="Product Manager", email="ravi@acme.example"),
        Interviewer(name="Li Wei", email="li@acme.example"),
        Interviewer(name="Ana Lima", email="ana@acme.example"),
    )
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(hours=4), interviewers=panel)
    items = items_of(reflection)
    bodies = []
    for person in panel:
        body = draft_for(
            items[f"thank_you:{person.name.casefold()}"], reflection, JOB, PROFILE, NOW
        ).body
        bodies.append(body.split("\n\n", 1)[1])  # without the greeting
    assert len(set(bodies)) == len(panel)
    assert "your perspective as a Staff Engineer" in bodies[0]
    assert "your perspective as a Product Manager" in bodies[1]
    assert "[fill in: something Ana said or asked]" in bodies[3]  # nothing to tell her note apart


def test_a_later_round_thank_you_to_the_same_person_says_something_new() -> None:
    jane = Interviewer(name="Jane Doe", email="jane@acme.example", mentioned="their move to Rust")
    one = full_reflection(JOB.id, id="r1", interview_at=NOW.subtract(days=12), interviewers=(jane,),
                          key_point="their move to Rust")  # fmt: skip
    two = full_reflection(JOB.id, id="r2", interview_at=NOW.subtract(days=2), stage=Stage.ONSITE,
                          interviewers=(jane,), key_point="the on-call rota",
                          went_well="The system design went well.")  # fmt: skip
    items = {f.key + f.reflection_id: f for f in plan(JOB, [one, two], "Europe/Berlin")}
    first = draft_for(items["thank_you:jane doer1"], one, JOB, PROFILE, NOW, rounds=[one, two])
    second = draft_for(items["thank_you:jane doer2"], two, JOB, PROFILE, NOW, rounds=[one, two])
    said = {s for s in re.split(r"(?<=[.!?])\s+|\n+", first.body) if len(s.split()) >= 6}
    again = {s for s in re.split(r"(?<=[.!?])\s+|\n+", second.body) if len(s.split()) >= 6}
    assert not said & again, said & again
    assert "the on-call rota" in second.body and "Rust" not in second.body
    assert "meeting with me again on Friday" in second.body


# --- written as a person writes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "said"),
    [(0, "today"), (1, "yesterday"), (2, "on Friday"), (6, "on Monday"), (7, "on 15 November"),
     (8, "on 14 November"), (400, "on 18 October 2025")],
)  # fmt: skip
def test_day_names_only_within_the_week_else_the_date(days_ago: int, said: str) -> None:
    assert on_day(NOW.subtract(days=days_ago), NOW) == said


def test_a_thank_you_opened_late_says_the_date() -> None:
    reflection = full_reflection(JOB.id, interview_at=NOW.subtract(days=8), interviewers=PANEL[:1])
    note = draft_for(items_of(reflection)["thank_you:jane doe"], reflection, JOB, PROFILE, NOW)
    assert "meet with me on 14 November about" in note.body


# --- a fresh user's panel: each note its own, read as sent ----------------------------------

CONTOSO = opportunity(
    company="Contoso", role="Senior Data Engineer", recruiter_name="Jordan Lee",
    recruiter_email="jordan.lee@contoso.example.com",
)  # fmt: skip
FOUR = (
    Interviewer(name="Dr. Zoë Brontë", title="Head of Data Platform", email="z@contoso.example",
                mentioned="their move from Hadoop to Delta Lake"),
    Interviewer(name="Li Wei", title="Staff Engineer", address_as="Mr. Li",
                mentioned="how their team runs the on-call rotation"),
    Interviewer(name="Sam", title="Engineering Manager", mentioned="mentoring junior engineers"),
    Interviewer(name="María García Márquez", title="Senior Recruiter"),
)  # fmt: skip


def contoso_round(**changes: object) -> Reflection:
    answers: dict[str, object] = dict(
        interview_at=NOW.subtract(hours=4), stage=Stage.ONSITE, interviewers=FOUR,
        went_well="Explained the streaming dedup design clearly; good rapport with the panel",
        likes_role="Owning the streaming platform end to end", key_point="the Kafka migration",
        replies_from="María García Márquez",
    )  # fmt: skip
    return full_reflection(CONTOSO.id, **{**answers, **changes})  # type: ignore[arg-type]


def contoso_notes(reflection: Reflection, **options: object) -> dict[str, str]:
    items = {i.key: i for i in plan(CONTOSO, [reflection], "Europe/Berlin")}
    return {
        p.name: draft_for(
            items[f"thank_you:{p.name.casefold()}"],
            reflection,
            CONTOSO,
            PROFILE,
            NOW,
            **options,  # type: ignore[arg-type]
        ).body
        for p in FOUR
    }


def test_a_thank_you_sent_to_the_recruiter_who_was_not_there_thanks_them_for_their_help() -> None:
    reflection = contoso_round()
    item = {i.key: i for i in plan(CONTOSO, [reflection], "Europe/Berlin")}["thank_you:sam"]
    recruiter = Interviewer(
        name="Jordan Lee", title="Recruiter", email="jordan.lee@contoso.example.com"
    )
    draft = draft_for(item, reflection, CONTOSO, PROFILE, NOW, to=recruiter)
    note = draft.body
    assert draft.subject == "Thank You for Your Help – Alex Morgan"
    assert "meet with me" not in note and "taking the time" not in note
    assert "as Recruiter" not in note and "perspective" not in note
    assert "Thank you for your help with my application for the Senior Data Engineer position at Contoso." in note  # fmt: skip
    assert "the Kafka migration" in note


def test_each_panelists_note_is_their_own_and_only_who_gets_back_hears_of_next_steps() -> None:
    notes = contoso_notes(contoso_round())
    zoe, li, sam, _ = notes.values()
    assert "our discussion about your move from Hadoop to Delta Lake" in zoe  # not "their"
    assert "how your team runs the on-call rotation" in li
    assert "your perspective as Head of Data Platform." in zoe  # one person's title: no article
    assert "your perspective as a Staff Engineer." in li and "as an Engineering Manager." in sam
    assert [n.count("next steps") for n in notes.values()] == [0, 0, 0, 1]  # María gets back
    fits = [next(p for p in n.split("\n\n") if "what I would bring" in p or "want to do" in p)
            for n in notes.values()]  # fmt: skip
    assert len(set(fits)) >= 3, fits
    assert sum("explaining the streaming dedup design" in n for n in notes.values()) >= 2
    sentences = [set(re.split(r"(?<=[.;])\s+", n)) for n in notes.values()]
    shared = set.intersection(*sentences)
    assert not any("draws me" in s for s in shared)


def test_the_friendly_tone_is_less_formal_in_the_body_too() -> None:
    formal = contoso_notes(contoso_round())["Li Wei"]
    friendly = contoso_notes(contoso_round(), formal=False)["Li Wei"]
    body = lambda text: text.split("\n\n")[1:-2]  # noqa: E731 (between greeting and sign-off)
    assert body(formal) != body(friendly)
    assert "Thanks for taking the time" in friendly and "I'd" in friendly
    assert "I would" not in friendly and "Please let me know" not in friendly


def test_days_are_worded_for_the_day_the_item_is_due() -> None:
    reflection = bare_reflection(
        JOB.id, interview_at=NOW.subtract(days=12), replies_from="Jane Doe",
        interviewers=(Interviewer(name="Jane Doe", preferred=Channel.LINKEDIN),),
    )  # fmt: skip
    first = items_of(reflection)["status_check:1"]
    sent = mark_done(first, NOW)  # sent today: the second is due a week on
    second = {i.key: i for i in plan(JOB, [reflection], "Europe/Berlin", [sent])}["status_check:2"]
    assert second.due.date() > NOW.date()
    body = draft_for(second, reflection, JOB, PROFILE, NOW, earlier=sent).body
    assert "note today" not in body and "following my note on " in body.casefold()
    today = bare_reflection(JOB.id, interview_at=NOW.subtract(hours=2),
                            interviewers=(Interviewer(name="Jane Doe", linkedin="x"),))  # fmt: skip
    linkedin = items_of(today)["linkedin:jane doe"]
    assert linkedin.due.date() > NOW.date()
    invite = draft_for(linkedin, today, JOB, PROFILE, NOW).body
    assert "meet you today" not in invite and "meet you on " in invite


@pytest.mark.parametrize(
    ("title", "read"),
    [("Staff Engineer", "a Staff Engineer"), ("Engineering Manager", "an Engineering Manager"),
     ("Head of Data Platform", "Head of Data Platform"), ("CTO", "CTO"), ("SRE", "an SRE"),
     ("UX Designer", "a UX Designer"), ("Director of Engineering", "Director of Engineering"),
     ("University Liaison", "a University Liaison")],
)  # fmt: skip
def test_a_title_reads_with_its_article(title: str, read: str) -> None:
    assert with_article(title) == read


def test_a_call_or_an_invitation_to_the_recruiter_who_was_not_there_says_no_we_met() -> None:
    reflection = contoso_round()
    call = FollowUp(reflection.id, FollowUpKind.CALL, "call", NOW, person="Jordan Lee",
                    channel=Channel.PHONE)  # fmt: skip
    script = draft_for(call, reflection, CONTOSO, PROFILE, NOW).body
    assert "We met" not in script and "thank you for your help" in script
    invite = FollowUp(reflection.id, FollowUpKind.LINKEDIN, "linkedin:jordan lee", NOW,
                      person="Jordan Lee", channel=Channel.LINKEDIN)  # fmt: skip
    note = draft_for(invite, reflection, CONTOSO, PROFILE, NOW).body
    assert "good to meet you" not in note and "thank you for your help" in note


@pytest.mark.parametrize(
    ("typed", "said"),
    [("their move from Hadoop to Delta Lake", "your move from Hadoop to Delta Lake"),
     ("Her dashboard for the donors", "your dashboard for the donors"),
     ("how he runs on-call", "how you run on-call"),
     ("the talk she gave about her work", "the talk you gave about your work"),
     ("She moved us to Kafka", "how you moved us to Kafka"),
     ("a question I asked him", "a question I asked you"),
     ("mentoring junior engineers", "mentoring junior engineers")],
)  # fmt: skip
def test_what_someone_mentioned_is_said_back_to_them(typed: str, said: str) -> None:
    """Typed about them on the card, it reads as said to them in their own note."""
    assert said_to_them(as_clause(typed)) == said
