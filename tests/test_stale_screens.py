"""A screen left open in one mode while its record goes in another (F-keys keep each
mode's screens): coming back, it says so and closes, never a crash."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from debrief.followups import plan
from debrief.model import Opportunity, Reflection, Settings
from debrief.store.journal import Journal
from debrief.ui.app import DebriefApp
from debrief.ui.screens.draft import DraftScreen
from debrief.ui.screens.home import HomeScreen
from tests.pilot_helpers import record_notifications
from tests.samples import NOW, bare_reflection, opportunity

AppFactory = Callable[[], DebriefApp]
SMALL = (80, 24)


def save_round(journal: Journal, job: Opportunity, id: str, days_ago: int = 1) -> Reflection:
    """A round of `job`, `days_ago` days back, saved with the plan of all its rounds."""
    reflection = bare_reflection(job.id, id=id, interview_at=NOW.subtract(days=days_ago))
    rounds = [*(r for r in journal.reflections() if r.opportunity_id == job.id), reflection]
    journal.save_reflection(reflection, job, plan(job, rounds, "Europe/Berlin"))
    return reflection


@contextlib.contextmanager
def unawaited_coroutines() -> Iterator[list[str]]:
    """The "coroutine … was never awaited" warnings of what runs inside, once the
    collector has passed (a coroutine dropped unawaited warns when it is collected)."""
    import gc
    import warnings

    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield found
        gc.collect()
    found += [str(w.message) for w in caught if "never awaited" in str(w.message)]


async def reload_in_a_row(app: DebriefApp, pilot: Pilot[None], reload: Callable[[], None]) -> None:
    """Five reloads at once, each cancelling the one before; then let them settle."""
    for _ in range(5):
        reload()
    with contextlib.suppress(WorkerCancelled):  # (the reloads cancelled)
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_draft_whose_interview_was_deleted_meanwhile_closes_with_a_word(
    build_app: AppFactory, journal: Journal
) -> None:
    """Found by the keyboard monkey (seed 1, 80×24, key 6,515): a draft open on home, its
    reflection deleted from the journal (F3, d, y), back on home (F2): Ctrl+S crashed
    (AssertionError in DraftScreen._records)."""
    job = opportunity()
    save_round(journal, job, "r1")
    journal.save_settings(Settings(name="Alex Morgan", email="alex@example.com"))
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the thank-you note
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("f3", "d", "y")
        await pilot.pause()
        assert app.journal.reflection("r1") is None
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("no longer in the journal" in text for text in said)
        await pilot.press("ctrl+s", "enter", "d", "z")  # (nothing left to act on: no crash)
        await pilot.pause()


async def test_f2_goes_home_from_a_page_opened_over_home(
    build_app: AppFactory, journal: Journal
) -> None:
    """The report: `h` (history), F3, F2 showed history, not home; and on history itself
    the footer's "f2 Home" did nothing. The same for the question bank and a reflection."""
    job = opportunity()
    save_round(journal, job, "r1")
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        for page in ("h", "q"):
            await pilot.press(page)
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen), page
            await pilot.press("f2")  # on the page itself
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), page
            await pilot.press(page, "f3", "f2")  # by way of another place
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), page


async def test_f2_leaves_a_page_being_written_in_and_says_how_to_leave_it(
    build_app: AppFactory, journal: Journal
) -> None:
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("A", "c", "m", "e")
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)  # the questionnaire, with "Acme"
        assert said[-1] == "Esc leaves this page first (what you typed is kept)."


async def test_reloads_in_a_row_on_a_reflection_leave_no_coroutine_unawaited(
    build_app: AppFactory, journal: Journal
) -> None:
    """Seen by the keyboard monkey (seeds 11, both sizes): "coroutine 'DetailScreen.show'
    was never awaited": a reload cancels the one before it, which may not have started."""
    from debrief.ui.screens.detail import DetailScreen

    job = opportunity()
    save_round(journal, job, "r1")
    app = build_app()
    with unawaited_coroutines() as found:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("f3", "enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DetailScreen)
            await reload_in_a_row(app, pilot, screen.reload)
    assert found == []


async def test_job_details_saved_after_their_opportunity_was_deleted_say_so(
    build_app: AppFactory, journal: Journal
) -> None:
    """Found by the keyboard monkey (seed 12, 120×36, key 8,068): the job details dialog
    saved for an opportunity deleted meanwhile (its last round deleted in another place)
    crashed with KeyError: 'no opportunity …'."""
    from debrief.ui.screens.job_details import JobDetailsScreen

    job = opportunity()
    save_round(journal, job, "r1")
    app = build_app()
    said = record_notifications(app)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, JobDetailsScreen)
        app.screen.query_one("#job-location", Input).value = "Lisbon, remote"
        app.journal.delete_reflection("r1", now=NOW)  # (its last round: the opportunity goes)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, JobDetailsScreen)
        assert said[-1] == (
            f"{job.title} is no longer in the journal (its last interview was deleted): "
            "nothing was saved."
        )


async def test_an_edit_saved_after_its_reflection_was_deleted_is_kept_as_a_new_one(
    build_app: AppFactory, journal: Journal
) -> None:
    """Found by the keyboard monkey (seed 12, 80×24): a reflection deleted while an edit of
    it was open came back under its own id when the edit was saved, undoing the delete
    without a word. The words typed are kept, as a new reflection; the deleted one stays
    deleted (u in the journal can still bring it back)."""
    from debrief.ui.screens.reflect import ReflectScreen

    job = opportunity()
    reflection = save_round(journal, job, "r1")
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        app.journal.delete_reflection("r1", now=NOW)  # (in another place, meanwhile)
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectScreen)
        assert app.journal.reflection("r1") is None
        assert app.journal.in_trash() == ["r1"]
        (kept,) = app.journal.reflections()
        assert kept.id != "r1" and kept.rating == reflection.rating


async def test_reloads_in_a_row_on_compare_leave_no_coroutine_unawaited(
    build_app: AppFactory, journal: Journal
) -> None:
    """The same as the reflection's, on F5: each journal change while compare shows
    redraws it, and a redraw cancels the one before it."""
    from debrief.ui.screens.compare import CompareScreen

    for company in ("Acme", "Globex"):
        job = opportunity(company=company)
        save_round(journal, job, company)
    app = build_app()
    with unawaited_coroutines() as found:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("f5")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CompareScreen)

            def change_and_reload() -> None:  # (a journal change, as another window's)
                settings = app.journal.settings()
                app.journal.save_settings(replace(settings, name=settings.name + "."))
                screen.reload()

            await reload_in_a_row(app, pilot, change_and_reload)
    assert found == []


async def test_earlier_and_later_round_are_offered_only_where_there_is_one(
    build_app: AppFactory, journal: Journal
) -> None:
    """The report: F1 on a reflection of an opportunity with one round listed "[ Earlier
    round" and "] Later round", which did nothing."""
    from debrief.ui.screens.detail import DetailScreen

    def offered(app: DebriefApp) -> set[str]:
        return {a.binding.description for a in app.screen.active_bindings.values() if a.enabled}

    job = opportunity()
    save_round(journal, job, "r1", days_ago=9)
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert not {"Earlier round", "Later round"} & offered(app)
    save_round(journal, job, "r2", days_ago=2)
    app = build_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("enter")  # (the latest round: r2)
        await pilot.pause()
        assert "Earlier round" in offered(app) and "Later round" not in offered(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Later round" in offered(app) and "Earlier round" not in offered(app)
