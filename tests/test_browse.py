"""Search, filters and sorting of the journal, without any UI."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.browse import (
    Entry,
    Filters,
    SearchIndex,
    cell_text,
    fold,
    match_spans,
    parse_period,
    parse_rating_bound,
    search_terms,
    sort_entries,
)
from debrief.dates import DateParseError
from debrief.model import AskedQuestion, Interviewer, Stage, Status
from tests.samples import NOW, bare_reflection, opportunity


def entry(
    company: str = "Acme", role: str = "Engineer", *, days_ago: int = 0, **changes: object
) -> Entry:
    status = changes.pop("status", Status.INTERVIEWING)
    job = opportunity(company=company, role=role, status=status, location="")
    return Entry(bare_reflection(job.id, interview_at=NOW.subtract(days=days_ago), **changes), job)


def test_fold_removes_case_and_accents() -> None:
    assert fold("Résumé ÉCOLE Straße") == "resume ecole strasse"
    assert fold("Ångström") == "angstrom"


def test_match_spans_point_into_the_original_text() -> None:
    text = "Le Café de la Gare, café crème"
    spans = match_spans(text, "CAFE")
    assert [text[a:b] for a, b in spans] == ["Café", "café"]
    assert match_spans("Straße", "strasse") == [(0, 6)]
    assert match_spans("anything", "   ") == []


def test_words_match_in_any_order_anywhere_in_the_reflection() -> None:
    entries = [
        entry("Globex", interviewers=(Interviewer(name="Zoë Brontë"),), went_badly="I was nervous"),
        entry("Acme", went_well="Zoe was kind", lessons="less nervous next time"),
        entry("Initech", went_well="zoe", lessons="calm"),
    ]
    index = SearchIndex(entries)
    assert index.matching("zoe nervous") == [0, 1]
    assert index.matching("NERVOUS   zoë") == [0, 1]
    assert index.matching("zoe nervous globex") == [0]
    assert index.matching("zoe nervous umbrella") == []


def test_a_quoted_phrase_matches_as_a_phrase() -> None:
    entries = [
        entry(went_well="the system design question"),
        entry(went_well="design of the system"),
    ]
    index = SearchIndex(entries)
    assert index.matching("system design") == [0, 1]
    assert index.matching('"system design"') == [0]
    assert index.matching('"System   Design') == [0]  # unclosed, as while typing
    assert search_terms('c++ "a  b" c++') == ("c++", "a b")


def test_typing_a_second_word_narrows_and_removing_it_widens() -> None:
    entries = [entry(went_well="sharding zoe"), entry(went_well="sharding"), entry()]
    index = SearchIndex(entries)
    assert index.matching("shard") == [0, 1]
    assert index.matching("shard zo") == [0]
    assert index.matching("shard zoe") == [0]
    assert index.matching("shard") == [0, 1]
    assert index.matching("zoe shard") == [0]


def test_questions_asked_are_searched() -> None:
    asked = (AskedQuestion(text="Tell me about a conflict", answered=2, better_answer="STAR"),)
    index = SearchIndex([entry(questions=asked), entry()])
    assert index.matching("conflict star") == [0]


def test_every_word_is_highlighted_and_overlaps_merge() -> None:
    text = "Zoë was nervous; zoe too"
    spans = match_spans(text, "nervous zoe")
    assert [text[a:b] for a, b in spans] == ["Zoë", "nervous", "zoe"]
    assert match_spans("interview", "inter view interview") == [(0, 9)]


@pytest.mark.parametrize("query", ["c++", "(", "[", "*", ".*", "\\d", "a|b"])
def test_regex_like_queries_match_literally(query: str) -> None:
    hit = entry(went_well=f"talked about {query} for a while")
    miss = entry(went_well="nothing special here")
    index = SearchIndex([hit, miss])
    assert index.matching(query) == [0]


def test_search_covers_company_role_answers_and_interviewer_names() -> None:
    entries = [
        entry("Acme", "Data Engineer", went_well="plain", key_point="plain", lessons="plain"),
        entry("Globex", "SRE", interviewers=(Interviewer(name="Zoë Okonkwo"),)),
        entry("Initech", "Backend", lessons="Practise the SYSTEM-DESIGN question"),
    ]
    index = SearchIndex(entries)
    assert index.matching("globex") == [1]
    assert index.matching("zoe") == [1]  # accent-insensitive
    assert index.matching("system-design") == [2]
    assert index.matching("data eng") == [0]
    assert index.matching("") == [0, 1, 2]


def test_typing_on_narrows_and_deleting_widens_again() -> None:
    entries = [
        entry(went_well="sharding"),
        entry(went_well="shadowing"),
        entry(went_well="nothing"),
    ]
    index = SearchIndex(entries)
    assert index.matching("sha") == [0, 1]
    assert index.matching("shar") == [0]
    assert index.matching("sha") == [0, 1]
    assert index.matching("x-no-such-text") == []


def test_a_match_never_spans_two_reflections() -> None:
    entries = [entry(lessons="ends with ab"), entry("Cdefg", lessons="starts")]
    index = SearchIndex(entries)
    texts = ["ab\ncdefg", "b cd"]
    assert all(index.matching(t) == [] for t in texts)


def test_emoji_rtl_and_combining_characters_search() -> None:
    entries = [
        entry(went_well="🚀 launch"),
        entry(went_well="مرحبا بكم"),
        entry(went_well="cafe\u0301"),
    ]
    index = SearchIndex(entries)
    assert index.matching("🚀") == [0]
    assert index.matching("مرحبا") == [1]
    assert index.matching("café") == [2]


def test_filters_combine() -> None:
    entries = [
        entry(status=Status.OFFER, stage=Stage.ONSITE, rating=8, days_ago=3),
        entry("Globex", status=Status.REJECTED, stage=Stage.TECHNICAL, rating=4, days_ago=40),
        entry("globex", status=Status.REJECTED, stage=Stage.ONSITE, rating=6, days_ago=10),
    ]
    assert [
        e for e in entries if Filters(statuses=frozenset({Status.REJECTED})).accepts(e)
    ] == entries[1:]
    assert [e for e in entries if Filters(stages=frozenset({Stage.ONSITE})).accepts(e)] == [
        entries[0],
        entries[2],
    ]
    assert [e for e in entries if Filters(company="GLOBEX").accepts(e)] == entries[1:]
    assert [e for e in entries if Filters(rating_min=5, rating_max=7).accepts(e)] == [entries[2]]
    since, until = parse_period("last 30 days", NOW.date())
    assert [e for e in entries if Filters(since=since, until=until).accepts(e)] == [
        entries[0],
        entries[2],
    ]
    both = Filters(statuses=frozenset({Status.REJECTED}), since=since)
    assert [e for e in entries if both.accepts(e)] == [entries[2]]


def test_filters_describe_themselves() -> None:
    filters = Filters(
        statuses=frozenset({Status.OFFER, Status.REJECTED}),
        company="Acme",
        rating_min=5,
        period_label="Last 30 days",
    )
    assert filters.describe() == [
        "Status: Offer, Rejected",
        "Company: Acme",
        "Rating 5–10",
        "Last 30 days",
    ]
    assert not Filters().active and filters.active
    assert Filters(since=date(2026, 9, 1)).describe() == ["Tue 1 Sep 2026 – today"]


def test_periods_and_rating_bounds() -> None:
    today = date(2026, 11, 22)
    assert parse_period("Last 2 weeks", today) == (date(2026, 11, 8), None)
    assert parse_period("last 3 months", today) == (date(2026, 8, 22), None)
    assert parse_period("this month", today) == (date(2026, 11, 1), None)
    assert parse_period("all", today) == (None, None)
    with pytest.raises(DateParseError):
        parse_period("recently", today)
    assert parse_rating_bound(" 7 ") == 7 and parse_rating_bound("") is None
    with pytest.raises(ValueError, match="1 to 10"):
        parse_rating_bound("11")


def test_sorting_by_each_column() -> None:
    a = entry(
        "Émile", "Zeta", rating=5, days_ago=1, stage=Stage.FINAL, want_job=None, status=Status.OFFER
    )
    b = entry("apple", "Alpha", rating=9, days_ago=3, stage=Stage.PHONE_SCREEN, want_job=9)
    c = entry("Zebra", "Mid", rating=7, days_ago=2, stage=None, want_job=2, status=Status.GHOSTED)
    rows = [b, c, a]

    def order(key: str, descending: bool) -> list[Entry]:
        return sort_entries(rows, key, descending)

    assert order("when", True) == [a, c, b]
    assert order("when", False) == [b, c, a]
    assert order("company", False) == [b, a, c]  # accents fold: apple, Émile, Zebra
    assert order("role", False) == [b, c, a]
    assert order("rating", True) == [b, c, a]
    assert order("want", True) == [b, c, a]  # unanswered last
    assert order("stage", False) == [c, b, a]  # no stage, phone screen, final
    assert order("status", False) == [b, a, c]  # interviewing, offer, ghosted


def test_cells_read_naturally() -> None:
    recent = entry(days_ago=2, rating=7, want_job=None, stage=Stage.HIRING_MANAGER)
    assert [
        cell_text(recent, key, NOW) for key in ("when", "stage", "rating", "want", "status")
    ] == [
        "2 days ago",
        "Hiring manager",
        "7/10",
        "—",
        "Interviewing",
    ]
    assert cell_text(entry(days_ago=40), "when", NOW) == "Tue 13 Oct 2026"
