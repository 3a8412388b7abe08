"""Email drafts: the advice's shape, the user's details, and visible gaps for what is missing."""

from __future__ import annotations

from debrief.followups import plan
from debrief.model import FollowUpKind, Interviewer, Settings, Stage
from debrief.notes import draft_for, salutation, thank_you_note
from tests.samples import NOW, bare_reflection, full_reflection, opportunity

PROFILE = Settings(name="Alex Morgan", email="alex@example.com", phone="+44 20 7946 0000")


def test_thank_you_has_the_advised_subject_salutation_point_and_signature() -> None:
    job = opportunity()
    reflection = full_reflection(job.id, interview_at=NOW.subtract(hours=4))
    jane = reflection.interviewers[0]
    draft = thank_you_note(reflection, job, PROFILE, jane, NOW)
    assert draft.subject == "Thank You for the Interview – Alex Morgan"
    assert draft.body.startswith(
        "Dear Jane Dœ,\n\nThank you for taking the time to meet with me today about the Data Engineer position at Acme."
    )
    assert "especially: Greenfield platform work." in draft.body
    assert "our discussion about Migrating the ingestion pipeline to Kafka, and" in draft.body
    assert draft.body.endswith("Kind regards,\n\nAlex Morgan\nalex@example.com\n+44 20 7946 0000")
    assert "[fill in" not in draft.text


def test_missing_pieces_become_visible_gaps() -> None:
    job = opportunity()
    reflection = bare_reflection(job.id, interview_at=NOW.subtract(days=2))
    draft = thank_you_note(reflection, job, Settings(), None, NOW)
    assert draft.subject == "Thank You for the Interview – [fill in: your name]"
    assert draft.body.startswith("Dear [fill in: interviewer’s name],")
    assert "meet with me on Friday about" in draft.body  # not "today": it was two days ago
    assert "our discussion about [fill in: one point from your conversation]," in draft.body
    assert draft.body.endswith("[fill in: your name]\n[fill in: your email or phone]")


def test_salutations_follow_the_tone() -> None:
    assert (
        salutation(Interviewer(name="Amara Okafor", title="Dr."), formal=True) == "Dear Dr. Okafor,"
    )
    assert (
        salutation(Interviewer(name="Amara Okafor", title="CTO"), formal=True)
        == "Dear Amara Okafor,"
    )
    assert salutation(Interviewer(name="Amara Okafor"), formal=False) == "Hi Amara,"


def test_drafts_fit_their_follow_up() -> None:
    job = opportunity()
    jane = Interviewer(name="Jane Doe", linkedin="https://linkedin.com/in/jane")
    reflection = bare_reflection(
        job.id, interview_at=NOW.subtract(days=8), stage=Stage.TECHNICAL, interviewers=(jane,)
    )
    items = {item.key: item for item in plan(reflection, job, "Europe/Berlin")}
    check = draft_for(items["status_check:1"], reflection, job, PROFILE, NOW)
    assert check.subject == "Following up: Data Engineer interview – Alex Morgan"
    assert (
        "follow up on my technical interview for the Data Engineer position at Acme on Sat 14 Nov 2026."
        in check.body
    )
    assert "anything more I can provide" in check.body
    second = draft_for(items["status_check:2"], reflection, job, PROFILE, NOW)
    assert "following up once more" in second.body
    linkedin = draft_for(items["linkedin:jane doe"], reflection, job, PROFILE, NOW)
    assert (
        linkedin.body.startswith("Hi Jane, thank you for the conversation")
        and len(linkedin.body) <= 300
    )
    thanks = draft_for(items["thank_you:jane doe"], reflection, job, PROFILE, NOW, formal=False)
    assert thanks.body.startswith("Hi Jane,") and "Best wishes," in thanks.body
    assert items["thank_you:jane doe"].kind is FollowUpKind.THANK_YOU
