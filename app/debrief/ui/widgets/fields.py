"""Questionnaire fields: one row per `Question`, built from its kind.

A `FieldRow` owns the control for a question, its label, a note line (e.g. the parsed
date) and an error line, and reports every edit as `FieldRow.Edited` with the raw
value, so the screen never needs to know which widget a kind uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from debrief.model import Interviewer
from debrief.notes import address_as
from debrief.questionnaire import CARD_FIELDS, CHANNEL_CHOICES, Kind, Question, Raw, card_errors
from debrief.ui.widgets.rating import RatingPicker

Control = Input | TextArea | Select[str] | SelectionList[str] | RatingPicker
INPUT_KINDS = {
    Kind.LINE, Kind.COMPANY, Kind.ROLE, Kind.WHEN, Kind.DAY, Kind.AMOUNT, Kind.CURRENCY,
    Kind.MINUTES,
}  # fmt: skip


def complete(prefix: str, known: Iterable[str]) -> str | None:
    """The first known value that extends `prefix`, ignoring case."""
    folded = prefix.casefold()
    if not folded:
        return None
    for value in known:
        if value.casefold().startswith(folded) and len(value) > len(prefix):
            return value
    return None


class KnownValues(Suggester):
    """Suggests completions from a list that may change while the user types."""

    def __init__(self, values: Callable[[], Iterable[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.values = values

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value, self.values())


def choice_select(
    choices: tuple[tuple[str, str], ...], value: str, *, id: str | None = None, prefix: str = ""
) -> Select[str]:
    return Select(
        [(prefix + label, key) for key, label in choices],
        prompt="Choose…",
        value=value if value in dict(choices) else Select.NULL,
        id=id,
    )


def select_value(select: Select[str]) -> str:
    return "" if select.value is Select.NULL else str(select.value)


class CardForm(Vertical):
    """One interviewer's business card."""

    def __init__(self, card: dict[str, str], number: int) -> None:
        super().__init__(classes="card")
        self.card = card
        self.border_title = f"Interviewer {number}"

    def compose(self) -> ComposeResult:
        text_fields = [(key, label) for key, label in CARD_FIELDS if key != "preferred"]
        for pair in (text_fields[0:2], text_fields[2:4], text_fields[4:5], text_fields[5:7]):
            with Horizontal(classes="card-row"):
                for key, label in pair:
                    control = Input(
                        str(self.card.get(key) or ""),
                        placeholder=label,
                        classes=f"card-{key}",
                        select_on_focus=False,
                    )
                    control.border_title = label
                    yield control
                if len(pair) == 1:
                    preferred = choice_select(
                        CHANNEL_CHOICES,
                        str(self.card.get("preferred") or "email"),
                        prefix="Prefers ",
                    )
                    preferred.add_class("card-preferred")
                    yield preferred
        yield Static(classes="field-error")
        yield Button("Remove this card", classes="remove-card", variant="default", compact=True)

    def on_mount(self) -> None:
        self._suggest_address()

    @on(Input.Changed, ".card-name, .card-title")
    def _suggest_address(self) -> None:
        """ "Address as" shows what the draft will say unless something else is typed:
        the rule's answer from the name and title ("Dr. Brontë")."""
        name = self.query_one(".card-name", Input).value
        title = self.query_one(".card-title", Input).value
        shown = address_as(Interviewer(name=name, title=title), formal=True) if name.strip() else ""
        self.query_one(".card-address_as", Input).placeholder = shown or "Address as"

    def show_problem(self, problem: tuple[str, str] | None) -> Widget | None:
        """Flag the field at fault (or clear the flags); returns that field's control."""
        for control in self.query(".card-row > *"):
            control.remove_class("-invalid")
        line = self.query_one(".field-error", Static)
        line.display = problem is not None
        if problem is None:
            return None
        field_name, message = problem
        label = dict(CARD_FIELDS).get(field_name, field_name)
        text = Content(f"⚠ {label} {message}")  # Content: user text is never markup
        line.update(text)
        culprit = self.query_one(f".card-{field_name}")
        culprit.add_class("-invalid")
        return culprit

    @property
    def raw(self) -> dict[str, str]:
        values = {
            key: self.query_one(f".card-{key}", Input).value
            for key, _ in CARD_FIELDS
            if key != "preferred"
        }
        values["preferred"] = select_value(self.query_one(".card-preferred", Select))
        return values


class InterviewerCards(Vertical):
    """Zero or more business cards, with buttons to add and remove them."""

    @dataclass
    class Changed(Message):
        cards: InterviewerCards

    def __init__(self, cards: list[dict[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial = cards or [{}]

    def compose(self) -> ComposeResult:
        for number, card in enumerate(self.initial, start=1):
            yield CardForm(card, number)
        yield Button("+ Add another interviewer", id="add-card", compact=True)

    @property
    def raw(self) -> list[dict[str, str]]:
        return [card.raw for card in self.query(CardForm)]

    def show_problems(self) -> Widget | None:
        """Flag every card's problem; returns the first control at fault, if any."""
        problems = card_errors(self.raw)
        culprits = [
            card.show_problem(problems.get(i)) for i, card in enumerate(self.query(CardForm))
        ]
        return next((c for c in culprits if c is not None), None)

    @on(Button.Pressed, "#add-card")
    async def add_card(self, event: Button.Pressed) -> None:
        event.stop()
        card = CardForm({}, len(self.query(CardForm)) + 1)
        await self.mount(card, before="#add-card")
        card.query_one(Input).focus()
        self.post_message(self.Changed(self))

    @on(Button.Pressed, ".remove-card")
    async def remove_card(self, event: Button.Pressed) -> None:
        event.stop()
        card = event.button.parent
        if isinstance(card, CardForm):
            await card.remove()
        for number, remaining in enumerate(self.query(CardForm), start=1):
            remaining.border_title = f"Interviewer {number}"
        self.query_one("#add-card", Button).focus()
        self.post_message(self.Changed(self))


def build_control(question: Question, raw: Raw, suggester: Suggester | None) -> Widget:
    """The widget that edits one question, prefilled with its raw answer."""
    control_id = f"q-{question.key}"
    if question.kind in INPUT_KINDS:
        return Input(
            str(raw or ""),
            placeholder=question.placeholder,
            suggester=suggester,
            id=control_id,
            # Typing into a field adds to what is there; only the fields prefilled with a
            # default (the date with now, the currency with the profile's) are selected so
            # that typing replaces them.
            select_on_focus=question.kind in (Kind.WHEN, Kind.CURRENCY),
        )
    if question.kind is Kind.TEXT:
        return TextArea(
            str(raw or ""),
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=question.placeholder,
            show_line_numbers=False,
            highlight_cursor_line=False,
            id=control_id,
        )
    if question.kind in (Kind.CHOICE, Kind.YESNO):
        return choice_select(question.choices, str(raw or ""), id=control_id)
    if question.kind is Kind.CHECKS:
        chosen = set(raw or [])
        return SelectionList[str](
            *[(label, value, value in chosen) for value, label in question.choices], id=control_id
        )
    if question.kind is Kind.RATING:
        return RatingPicker(raw if isinstance(raw, int) else None, id=control_id)
    if question.kind is Kind.CARDS:
        return InterviewerCards(list(raw or []), id=control_id)
    raise ValueError(f"no control for {question.kind}")


class FieldRow(Vertical):
    """Label, control, note and error line for one question."""

    @dataclass
    class Edited(Message):
        row: FieldRow
        key: str
        raw: Any

    def __init__(self, question: Question, raw: Raw, suggester: Suggester | None = None) -> None:
        super().__init__(classes=f"field field-{question.kind.value}", id=f"row-{question.key}")
        self.question = question
        self.control = build_control(question, raw, suggester)

    def compose(self) -> ComposeResult:
        marker = Content.styled(" *", "$error") if self.question.required else Content("")
        yield Label(Content(self.question.label) + marker, classes="field-label")
        yield self.control
        yield Static(classes="field-note")
        yield Static(classes="field-error")

    @property
    def raw(self) -> Raw:
        control = self.control
        if isinstance(control, Input):
            return control.value
        if isinstance(control, TextArea):
            return control.text
        if isinstance(control, Select):
            return select_value(control)
        if isinstance(control, SelectionList):
            return list(control.selected)
        if isinstance(control, RatingPicker):
            return control.value
        if isinstance(control, InterviewerCards):
            return control.raw
        raise TypeError(control)

    def show_error(self, message: str | None) -> None:
        if isinstance(self.control, InterviewerCards):
            self.control.show_problems()
            message = None if message is None else "Check the card marked above"
        error = self.query_one("FieldRow > .field-error", Static)
        text = Content(f"⚠ {message}") if message else Content("")
        error.update(text)
        error.display = bool(message)
        self.set_class(bool(message), "-invalid")

    def show_note(self, note: str) -> None:
        line = self.query_one(".field-note", Static)
        line.update(Content(note))
        line.display = bool(note)

    def on_mount(self) -> None:
        """The cursor after what is there: typing on continues a resumed answer."""
        control = self.control
        if isinstance(control, TextArea):
            control.move_cursor(control.document.end)
        elif isinstance(control, Input):
            control.cursor_position = len(control.value)

    def focus_control(self) -> None:
        """Focus now (not after a refresh), so keys typed at once land in this field."""
        target: Widget = self.control
        if isinstance(target, InterviewerCards):
            flagged = target.query(".card-row > .-invalid")
            target = flagged.first() if flagged else target.query(Input).first()
        self.screen.set_focus(target)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(SelectionList.SelectedChanged)
    @on(RatingPicker.Changed)
    @on(InterviewerCards.Changed)
    def _report_edit(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Edited(self, self.question.key, self.raw))

    @on(Select.Changed)
    def _report_choice(self) -> None:
        """(Left to bubble on: a choice moves the form on, `form.FormKeys`.)"""
        self.post_message(self.Edited(self, self.question.key, self.raw))
