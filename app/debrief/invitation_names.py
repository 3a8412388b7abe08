"""What an invitation's summary says: the company, the role, the stage, the people named,
and whether it reads as an interview at all.

Summaries come in many shapes ("Panel Interview: Cloud Architect - SAP", "Contoso | Senior
Data Engineer | Onsite", "Platform Engineer at Globex", "Zalando – Recruiter screen
(Senior Backend Engineer)", "Interview with Priya Raman (Initech)", "Alex Morgan <>
Initrode | System Design Interview", "Hiring manager chat between Dana Whitfield and Alex
Morgan"). Which half is the company is weighed with hints: the user's own opportunities
first (a close match joins one), then the e-mail domain of the people invited, then the
words a job title is made of.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from debrief.model import Opportunity, Stage

ROLE_UNKNOWN = "Role to confirm"  # when the summary names only the company
COMPANY_UNKNOWN = "Company to confirm"
STAGE_WORDS: tuple[tuple[str, Stage], ...] = (
    (
        r"phone[ -]?screen(?:ing)?|screening(?: call)?|recruiter (?:screen|call|interview)"
        r"|intro(?:ductory)? call",
        Stage.PHONE_SCREEN,
    ),
    (r"hiring[ -]manager", Stage.HIRING_MANAGER),
    (r"technical|coding|tech interview|system[ -]design", Stage.TECHNICAL),
    (r"panel", Stage.PANEL),
    (r"(?:virtual |video )?on[ -]?site", Stage.ONSITE),
    (r"final(?: round)?", Stage.FINAL),
)
# Words that make a summary an interview, and those that make it something else (a
# recruiter's weekly check-in, a trial week's stand-up, a day off).
INTERVIEW_WORDS = re.compile(
    r"\binterview|\bscreen(?:ing)?\b|\bon[ -]?site\b|\bpanel\b|\bhiring[ -]manager\b"
    r"|\btechnical\b|\bsystem[ -]design\b|\bcoding\b|\bfinal round\b|\bfinal:"
    r"|\bintro(?:ductory)? call\b"
    r"|\bcase study\b|\btake[ -]home\b",
    re.IGNORECASE,
)
NOT_INTERVIEW_WORDS = re.compile(
    r"\bcheck[ -]?in\b|\bstand[ -]?up\b|\bsync\b|\b1:1\b|\bone[ -]on[ -]one\b|\blunch\b"
    r"|\bcoffee\b|\bsocial\b|\ball[ -]hands\b|\btrial (?:day|week)\b|\bonboarding\b"
    r"|\bout of (?:the )?office\b|\bholiday\b|\bvacation\b|\bwebinar\b|\binfo session\b",
    re.IGNORECASE,
)
FILLER = re.compile(
    r"\b(?:interviews?|round|call|chat|meeting|conversation|invitation|invite|with|re|fwd?"
    r"|virtual|video|remote|in[ -]person|recruiter|check[ -]?in|stand[ -]?up|sync"
    r"|trial (?:day|week))\b|[:()\[\]]",
    re.IGNORECASE,
)
# What calendars put before a summary on an update or a cancellation.
PREFIXES = re.compile(
    r"^\s*(?:(?:updated|new time proposed|canceled|cancelled|invitation|updated invitation"
    r"|accepted|declined|tentative|fwd?|re|aw|wg)\s*:\s*)+",
    re.IGNORECASE,
)
ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|architect|designer|analyst|scientist|manager|lead|director"
    r"|head|consultant|specialist|administrator|intern|sre|devops|programmer|researcher"
    r"|officer|owner|associate|coordinator|representative|technician|writer|editor"
    r"|accountant|recruiter|vp|cto|cfo|ceo|product|marketing|sales|support|data|software"
    r"|backend|frontend|full[ -]?stack|platform)\b",
    re.IGNORECASE,
)
BETWEEN = re.compile(r"\s+between\s+(.+?)\s+and\s+(.+?)\s*$", re.IGNORECASE)
WITH_PERSON = re.compile(r"\bwith\s+([^()|:–—-]+?)\s*\(([^)]+)\)\s*$", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+[—–|-]\s+|:\s+|\s+/\s+|\s*<>\s*|\s+x\s+")
# Domains that name no employer: mail providers, schedulers, meeting services.
GENERIC_DOMAINS = re.compile(
    r"(?:^|\.)(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|icloud|me|mac|aol|gmx"
    r"|web|proton|protonmail|fastmail|calendly|greenhouse|lever|goodtime|zoom|google"
    r"|microsoft|webex|resource\.calendar\.google|group\.calendar\.google)\.[a-z.]+$",
    re.IGNORECASE,
)
NOT_A_LABEL = {"example", "co", "com", "ac", "org", "net", "mail", "email", "corp", "www"}


@dataclass(frozen=True)
class Named:
    company: str
    role: str
    stage: Stage | None
    people: tuple[str, ...] = ()  # persons the summary names ("Interview with …")
    opportunity: Opportunity | None = None  # the user's own one it joins


def reads_as_interview(summary: str) -> bool:
    """An interview, by its words: a recruiter's check-in or a stand-up is not (unless it
    says "interview" outright)."""
    summary = clean_summary(summary)
    if not INTERVIEW_WORDS.search(summary):
        return False
    return bool(re.search(r"interview", summary, re.IGNORECASE)) or not (
        NOT_INTERVIEW_WORDS.search(summary)
    )


def clean_summary(summary: str) -> str:
    """Without "Canceled: " and the like, on one line."""
    return PREFIXES.sub("", " ".join(summary.split()))


def stage_of(summary: str) -> Stage | None:
    return next(
        (stage for words, stage in STAGE_WORDS if re.search(words, summary, re.IGNORECASE)),
        None,
    )


def name_from_summary(
    summary: str,
    opportunities: Sequence[Opportunity] = (),
    domains: Sequence[str] = (),
    own_name: str = "",
) -> Named:
    """The company, role (ROLE_UNKNOWN when not said) and stage a summary names; the
    user's `opportunities` and the invitation's e-mail `domains` weigh which half is the
    company; `own_name` (the user's) is never taken for one."""
    text = clean_summary(summary)
    stage = stage_of(text)
    people: list[str] = []
    between = BETWEEN.search(text)
    if between:
        people += [between.group(1).strip(), between.group(2).strip()]
        text = text[: between.start()]
    if own_name.strip():
        text = re.sub(re.escape(own_name.strip()), " ", text, flags=re.IGNORECASE)
        people = [p for p in people if p.casefold() != own_name.strip().casefold()]
    candidates: list[tuple[str, str, int]] = []  # company, role, bonus
    with_person = WITH_PERSON.search(text)
    if with_person and _looks_like_a_person(with_person.group(1), opportunities):
        people.append(" ".join(with_person.group(1).split()))
        candidates.append((with_person.group(2), "", 3))
        text = text[: with_person.start()]
    bracketed = re.search(r"\(([^)]+)\)", text)
    plain = text
    for words, _ in STAGE_WORDS:
        plain = re.sub(words, " ", plain, flags=re.IGNORECASE)
    if bracketed:
        plain = plain.replace(bracketed.group(0), " ")
    at = re.split(r"\s+at\s+|\s+@\s+", plain, maxsplit=1, flags=re.IGNORECASE)
    parts = [_tidy(p) for p in SEPARATORS.split(plain)]
    parts = [p for p in parts if p]
    inside = _tidy(bracketed.group(1)) if bracketed else ""
    if len(at) == 2 and _tidy(at[0]) and _tidy(at[1]):
        candidates.append((at[1], at[0], 2))
    elif len(parts) >= 2:
        first, second = parts[0], parts[1]
        candidates += [(first, second, 1), (second, first, 0)]
        if inside:
            candidates += [(first, inside, 1), (second, inside, 0)]
    elif len(parts) == 1:
        candidates.append((parts[0], inside, 1))
        if inside:
            candidates.append((inside, parts[0], 0))
    elif inside:
        candidates.append((inside, "", 0))
    hint = _domain_hint(domains, opportunities)
    if hint:
        candidates.append((hint, "", -2))
    scored = [
        (_score(_tidy(company), _tidy(role), bonus, opportunities, domains), company, role)
        for company, role, bonus in candidates
        if _tidy(company)
    ]
    if not scored:
        return Named(COMPANY_UNKNOWN, ROLE_UNKNOWN, stage, tuple(people))
    _, company, role = max(scored, key=lambda item: item[0])
    company, role = _tidy(company), _tidy(role)
    joined = _joined(company, role, opportunities)
    if joined is not None:
        company = joined.company
        role = joined.role if not role or _close(role, joined.role) else role
    return Named(company, role or ROLE_UNKNOWN, stage, tuple(people), joined)


def _score(
    company: str,
    role: str,
    bonus: int,
    opportunities: Sequence[Opportunity],
    domains: Sequence[str],
) -> int:
    score = bonus
    known = [o for o in opportunities if _close(company, o.company)]
    if known:
        score += 10
        if role and any(_close(role, o.role) for o in known):
            score += 5
    if any(_squash(company) == _squash(label) for label in _labels(domains)):
        score += 4
    if role and ROLE_WORDS.search(role):
        score += 2
    if ROLE_WORDS.search(company):
        score -= 3
    return score


def _joined(company: str, role: str, opportunities: Sequence[Opportunity]) -> Opportunity | None:
    """The user's opportunity this is: the same company (closely) and role; or, the role
    not said, the only one at that company."""
    same = [o for o in opportunities if _close(company, o.company)]
    if role:
        exact = [o for o in same if _close(role, o.role)]
        return exact[0] if exact else None
    return same[0] if len(same) == 1 else None


def _looks_like_a_person(text: str, opportunities: Sequence[Opportunity]) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 4 or ROLE_WORDS.search(text):
        return False
    if any(_close(text, o.company) for o in opportunities):
        return False
    return all(w[:1].isupper() for w in words if w.isalpha())


def _domain_hint(domains: Sequence[str], opportunities: Sequence[Opportunity]) -> str:
    """The employer an e-mail domain names (`dana@hooli.example` → the user's Hooli, or
    "Hooli"), or ""."""
    for label in _labels(domains):
        for opportunity in opportunities:
            if _squash(opportunity.company) == _squash(label):
                return opportunity.company
    labels = _labels(domains)
    return labels[0].replace("-", " ").title() if labels else ""


def _labels(domains: Iterable[str]) -> list[str]:
    """`sap.example.com` → `sap`, `jobs.acme.co.uk` → `acme`; mail providers and
    schedulers name no employer."""
    found: list[str] = []
    for domain in domains:
        domain = domain.casefold().strip(".")
        if not domain or GENERIC_DOMAINS.search(domain):
            continue
        labels = [label for label in domain.split(".")[:-1] if label not in NOT_A_LABEL]
        if labels and labels[-1] not in found:
            found.append(labels[-1])
    return found


def _close(a: str, b: str) -> bool:
    """The same name, give or take case, accents, punctuation, a legal suffix or a typo."""
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 4:
        return True  # "SAP" and "SAP SE", "Zalando" and "Zalando SE"
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def _squash(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def _tidy(text: str) -> str:
    return " ".join(FILLER.sub(" ", text).split()).strip(" -–—,.|/&<>")
