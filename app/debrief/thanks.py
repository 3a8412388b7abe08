"""What a thank-you says, the note sent most: drawn from its own round, that person's part
in it (what they mentioned, their role on the panel), the round's key point, and one
sentence on why you fit (what went well, what you like about the role). A later round's
note to someone you thanked before says something new rather than the same sentences
again; one to someone who was not in the interview (the recruiter) thanks them for their
help. The other kinds of note, and the one entry that picks a draft for a follow-up, are
notes.py's; they borrow the talking point and what you like from here.
"""

from __future__ import annotations

import re

from debrief import names
from debrief.addressing import Message, Writer, fold
from debrief.model import Stage
from debrief.names import gap
from debrief.wording import (
    as_clause,
    as_noun_phrase,
    said_to_them,
    what_went_well,
    what_you_did_well,
    with_article,
)

STAGE_PART = {
    Stage.PHONE_SCREEN: "the phone screen", Stage.TECHNICAL: "the technical interview",
    Stage.HIRING_MANAGER: "the hiring manager interview", Stage.PANEL: "the panel interview",
    Stage.ONSITE: "the onsite interviews", Stage.FINAL: "the final round",
    Stage.OTHER: "the next round",
}  # fmt: skip
VOICEMAIL = (
    "If you reach voicemail, leave your name, your number and one sentence of thanks; "
    "don't call again the same day."
)


def talking_point(w: Writer) -> str:
    """What this person's note is about, in this round: what they mentioned (unless an
    earlier note to them said it), else the round's key point (unless another
    panelist with nothing else to tell them apart has it); a gap otherwise."""
    person = w.person
    said_before = {
        fold(text)
        for r in w.earlier_meetings()
        for text in (r.key_point, *[p.mentioned for p in r.interviewers if w.is_them(p)])
        if text.strip()
    }
    mentioned = person.mentioned.strip() if person else ""
    if mentioned and fold(mentioned) not in said_before:
        return said_to_them(as_clause(mentioned))
    key = w.reflection.key_point.strip()
    usable = key and fold(key) not in said_before
    if usable and person is not None and not person.title.strip():
        plain = [p for p in w.reflection.interviewers if not p.mentioned and not p.title]
        usable = not plain or w.is_them(plain[0])
    if usable:
        return _whose(w, as_clause(key))
    if person is not None and len(w.reflection.interviewers) > 1:
        first = names.friendly(person.name, person.title, person.address_as)
        return gap(f"something {first} said or asked")
    return gap("one point from your conversation")


def _whose(w: Writer, point: str) -> str:
    """A key point that is another panelist's mention ("her dashboard"), said to
    someone else: "Selina's dashboard"."""
    for other in w.reflection.interviewers:
        if w.is_them(other) or fold(other.mentioned) != fold(w.reflection.key_point):
            continue
        first = names.friendly(other.name, other.title, other.address_as)
        if not first.startswith("["):
            return re.sub(r"^(his|her|their)\s", f"{first}'s ", point)
    return point


def what_you_like(w: Writer) -> tuple[str, bool]:
    """What you like about the role, as a phrase, and whether an earlier round said it."""
    for reflection in [w.reflection, *reversed(w.rounds)]:
        if reflection.interview_at > w.reflection.interview_at:
            continue
        phrase = as_noun_phrase(reflection.likes_role, w.proper)
        if phrase:
            return phrase, reflection.id != w.reflection.id
    return "", False


def why_you_fit(w: Writer) -> str:
    """Why you fit, in one sentence, from what you like about the role and what went well;
    each panelist's note says it another way (their place on the panel)."""
    liked, inherited = what_you_like(w)
    went = what_went_well(w.reflection.went_well, w.proper)
    did = "" if went else what_you_did_well(w.reflection.went_well, w.proper)
    if liked and inherited and w.earlier_meetings():
        return f"This round only strengthened my interest in {liked}" + (
            f", and I hope {went} showed what I would bring to the team." if went
            else f", and I enjoyed {did}." if did
            else ", and I am confident my experience would let me contribute early."
        )  # fmt: skip
    showed = (
        f"I hope {went} showed what I would bring to the team" if went
        else f"I enjoyed {did}, and I hope it showed what I would bring to the team" if did
        else ""
    )  # fmt: skip
    ways = [
        f"What draws me to the role is {liked}, and " + (
            f"I hope {went} showed what I would bring to the team." if went
            else f"I enjoyed {did}; I hope it showed what I would bring." if did
            else "I am confident my experience would let me contribute early."
        ) if liked else "",
        f"{showed}." if showed else "",
        f"{_capital(liked)} is exactly the kind of work I want to do next, and I am "
        "confident my experience would let me contribute early." if liked else "",
    ]  # fmt: skip
    usable = [way for way in ways if way]
    if not usable:
        return gap("one sentence on why your skills fit the role")
    return usable[w.panel_index() % len(usable)]


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def their_perspective(w: Writer) -> str:
    """On a panel, what this person brought to it (their role)."""
    person = w.person
    if person is None or len(w.reflection.interviewers) < 2:
        return ""
    title = " ".join(person.title.split())
    if not title or (names.parse(title).honorific and len(title.split()) == 1):
        return ""
    title = with_article(title)
    if w.earlier_meetings():
        return f"I appreciated hearing more about the work from your side as {title}."
    return f"It was especially useful to hear your perspective as {title}."


def thank_you(w: Writer) -> Message:
    if w.person is not None and not w.met():
        return thanks_for_helping(w)
    role, company = w.opportunity.role, w.opportunity.company
    times = len(w.earlier_meetings())
    when = w.when()
    stage = STAGE_PART.get(w.reflection.stage) if w.reflection.stage else None
    if times == 0 and (stage is None or w.reflection.id == w.rounds[0].id):
        opening = (
            f"Thank you for taking the time to {w.verb()} {when} about the {role} "
            f"position at {company}."
        )
    elif times == 0:
        opening = (
            f"Thank you for taking the time to {w.verb()} {when} as part of {stage} "
            f"for the {role} position at {company}."
        )
    elif times % 2 == 1:
        opening = (
            f"Thank you for {w.verb(ing=True)} again {when}; it was good to take our "
            f"conversation about the {role} position further."
        )
    else:
        opening = (
            f"Thank you once more for your time {when}, and for staying involved as my "
            f"application for the {role} position at {company} moves forward."
        )
    perspective = their_perspective(w)
    point = talking_point(w)
    if times == 0:
        about = [
            f"I particularly appreciated our discussion about {point}, and I would be "
            "glad to continue that conversation.",
            f"Our conversation about {point} stayed with me, and I would be glad to pick "
            "it up again.",
            f"I enjoyed hearing about {point}; it gave me a real sense of how the team works.",
            f"Talking about {point} was a highlight of the day for me.",
        ][w.panel_index() % 4]
        closing = "Please let me know if I can provide any further information. " + (
            "I look forward to hearing from you about the next steps." if w.gets_back()
            else "I look forward to hearing about the next steps." if w.gets_back() is None
            else "Thank you again for your time, and I hope to speak with you again soon."
        )  # fmt: skip
    else:
        about = (
            f"Our conversation about {point} gave me a clearer picture of the work, and "
            "I would welcome the chance to contribute to it."
        )
        closing = "If anything else would help your decision, I would be happy to provide it. " + (
            "Thank you again for your time." if w.gets_back() is False
            else "I look forward to hearing from you."
        )  # fmt: skip
    fit = why_you_fit(w)
    liked, inherited = what_you_like(w)
    short_fit = (
        "" if not liked
        else f"This round only strengthened my interest in {liked}." if inherited and times
        else f"What draws me to the role is {liked}." if w.panel_index() % 2 == 0
        else f"{_capital(liked)} is exactly the kind of work I want to do next."
    )  # fmt: skip
    about_short = (
        f"I enjoyed our discussion about {point}." if times == 0
        else f"Our conversation about {point} made the role even more appealing."
    )  # fmt: skip
    thanks_short = (
        f"thank you for {w.verb(ing=True)} {when} about the {role} role at {company}."
        if times == 0
        else f"thank you for {w.verb(ing=True)} again {when}."
    )
    ending = stay_in_touch(w) if times == 0 or w.connected() else "I'd be glad to connect."
    return Message(
        long=[f"{opening} {perspective}".strip(), about, fit, closing],
        short=[
            [thanks_short, about_short, short_fit, ending],
            [thanks_short, about_short, ending],
            [thanks_short, ending],
        ],
        spoken=[
            f"“Hello {w.spoken_name()}, this is {w.name}. I'm calling to thank you "
            f"for {w.verb(ing=True)} {when} about the {role} position.”"
            if times == 0
            else f"“Hello {w.spoken_name()}, this is {w.name}. I'm calling to thank "
            f"you for {w.verb(ing=True)} again {when}.”",
            f"“I particularly enjoyed our discussion about {point}, and I'm very "
            "interested in the role.”",
            ("“Thank you again for your time.”" if times == 0 else "“I hope we speak again soon.”")
            if w.gets_back() is False
            else "“I look forward to hearing about the next steps.”"
            if times == 0
            else "“I look forward to hearing from you.”",
            VOICEMAIL,
        ],
        sign_off="Kind regards," if w.formal else "Best wishes,",
    )


def thanks_for_helping(w: Writer) -> Message:
    """A thank-you redirected to someone who was not in the interview (the recruiter):
    thanks for their help and how it went, never for meeting."""
    role, company = w.opportunity.role, w.opportunity.company
    panel = [p.name for p in w.reflection.interviewers]
    who = (
        "the team" if not panel or len(panel) > 3
        else panel[0] if len(panel) == 1
        else f"{', '.join(panel[:-1])} and {panel[-1]}"
    )  # fmt: skip
    key = as_clause(w.reflection.key_point) if w.reflection.key_point.strip() else ""
    how = (
        f"We had a good discussion about {key}, and it made me even more interested in "
        "the role." if key
        else "It made me even more interested in the role."
    )  # fmt: skip
    ending = (
        "I look forward to hearing from you about the next steps."
        if w.gets_back() is not False
        else "Thank you again for all your help."
    )
    return Message(
        long=[
            f"Thank you for your help with my application for the {role} position at "
            f"{company}. I met {who} {w.when()}, and I enjoyed the conversation very much.",
            how,
            why_you_fit(w),
            f"Please let me know if I can provide any further information. {ending}",
        ],
        short=[
            [
                f"thank you for your help with my application for the {role} role at {company}.",
                f"I met {who} {w.when()} and enjoyed it very much.",
                ending,
            ],
            [f"thank you for your help with my application for the {role} role.", ending],
        ],
        spoken=[
            f"“Hello {w.spoken_name()}, this is {w.name}. I'm calling to thank you for "
            f"your help with my application for the {role} position.”",
            f"“I met {who} {w.when()}, and I enjoyed it very much.”",
            f"“{ending}”",
            VOICEMAIL,
        ],
        sign_off="Kind regards," if w.formal else "Best wishes,",
    )


def stay_in_touch(w: Writer) -> str:
    if not w.connected():
        return "I'd be glad to connect and stay in touch."
    if w.gets_back() is False:
        return "Thanks again for your time."
    return "I look forward to hearing about the next steps."
