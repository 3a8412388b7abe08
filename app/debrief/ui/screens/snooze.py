"""When to snooze a follow-up: a few moments that say when (none sooner than it is due),
or a date typed, refused while it is not after both now and the due time. The home's
Snooze (z) asks here; storing the choice, with its undo, stays the home's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pendulum
from textual.app import App

from debrief.dates import DateParseError, has_time_of_day, parse_when, typed_examples_after
from debrief.followups import describe, snooze_choices
from debrief.model import FollowUp
from debrief.ui.screens.dialogs import ChoiceScreen, PromptScreen


def ask_when_to_snooze(
    app: App[Any],
    item: FollowUp,
    now: pendulum.DateTime,
    snooze_until: Callable[[pendulum.DateTime], None],
) -> None:
    """Ask until when `item` sleeps; `snooze_until` is called with the moment chosen
    (never, if the user goes back)."""
    due = pendulum.instance(item.when).in_timezone(now.timezone_name or "UTC")
    choices = snooze_choices(now, due)  # (each saying when; none sooner than it is due)

    def picked_date(text: str | None) -> None:
        if text is not None:
            snooze_until(typed_moment(text, now))

    def check_date(text: str) -> str | None:
        try:
            moment = typed_moment(text, now)
        except DateParseError as error:
            return str(error)
        if moment <= now:
            return "Pick a moment in the future"
        if moment <= due:
            return f"It is due {due.format('ddd D MMM, HH:mm')}: pick a later moment"
        return None

    def chosen(value: str | None) -> None:
        if value == "pick":
            prompt = PromptScreen(
                "Snooze until…",
                "When should it come back?",
                placeholder=typed_examples_after(now, due),
                check=check_date,
            )
            app.push_screen(prompt, callback=picked_date)
        elif value is not None:
            snooze_until(dict(choices)[value])

    options = [(label, label) for label, _ in choices] + [("pick", "Pick a date…")]
    app.push_screen(
        ChoiceScreen(
            f"Snooze: {describe(item)} (due {due.format('ddd D MMM, HH:mm')})", options, ""
        ),
        callback=chosen,
    )


MORNING = (9, 0)  # a day typed without a time: the morning, as the choices above are


def typed_moment(text: str, now: pendulum.DateTime) -> pendulum.DateTime:
    """The moment a typed snooze means: "next friday" is Friday at 9:00 (it was Friday at
    the minute it was typed, 02:53 at night); "friday 3pm" as typed."""
    moment = parse_when(text, now, prefer="future")
    if has_time_of_day(text) or text.strip().lower() == "now":  # ("now" is refused as such)
        return moment
    return moment.set(hour=MORNING[0], minute=MORNING[1])
