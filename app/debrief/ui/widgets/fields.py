"""Questionnaire fields: one row per `Question`, built from its kind.

A `FieldRow` owns the control for a question, its label, a note line (e.g. the parsed
date) and an error line, and reports every edit as `FieldRow.Edited` with the raw
value, so the screen never needs to know which widget a kind uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from debrief.model import Interviewer, Opportunity
from debrief.notes import address_as
from debrief.questionnaire import CardSpec, Kind, Question, Raw
from debrief.ui.screens.form import ActNowButton
from debrief.ui.widgets.completion import CompletingInput, KnownValues
from debrief.ui.widgets.rating import RatingPicker

Control = Input | TextArea | Select[str] | SelectionList[str] | RatingPicker
INPUT_KINDS = {
    Kind.LINE, Kind.COMPANY, Kind.ROLE, Kind.WHEN, Kind.DAY, Kind.AMOUNT, Kind.CURRENCY,
    Kind.MINUTES, Kind.UPCOMING,
}  # fmt: skip


class CompanyAndRole:
    """Completions of the company and role fields from the opportunities already in the
    journal (the roles of the company typed first)."""

    def __init__(
        self, opportunities: Callable[[], Sequence[Opportunity]], company: Callable[[], str]
    ) -> None:
        self.opportunities = opportunities
        self.company = company

    def companies(self) -> list[str]:
        return sorted({o.company for o in self.opportunities()}, key=str.casefold)

    def roles(self) -> list[str]:
        company = self.company().casefold().strip()
        opportunities = self.opportunities()
        same_company = [o.role for o in opportunities if o.company.casefold() == company]
        return same_company or [o.role for o in opportunities]

    def suggester(self, kind: Kind) -> KnownValues | None:
        if kind is Kind.COMPANY:
            return KnownValues(self.companies)
        if kind is Kind.ROLE:
            return KnownValues(self.roles)
        return None


class AnswerArea(TextArea):
    """An answer of several lines, drawn again once it has re-wrapped to a new width.

    Textual 8.2.8 paints a resized TextArea before its Resize event re-wraps the text, and
    nothing paints it again: the old wrapping stays on screen (a word cut, a fragment
    repeated on the next line) until a key is typed. A terminal's real size arrives after
    the first frame, so a resumed answer at 80×24 showed it at once.
    """

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh)


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
    """One card of a CARDS question: an interviewer's business card, a question asked."""

    def __init__(self, spec: CardSpec, card: dict[str, str], number: int) -> None:
        super().__init__(classes="card")
        self.spec = spec
        self.card = card
        self.border_title = f"{spec.noun} {number}"

    def compose(self) -> ComposeResult:
        labels = dict(self.spec.fields)
        for row in self.spec.rows:
            with Horizontal(classes="card-row"):
                for key in row:
                    if key in self.spec.choices:
                        value = str(self.card.get(key) or self.spec.defaults.get(key, ""))
                        control: Widget = choice_select(
                            self.spec.choices[key], value, prefix=self.spec.prefix.get(key, "")
                        )
                        control.add_class(f"card-{key}")
                    else:
                        control = Input(
                            str(self.card.get(key) or ""),
                            placeholder=labels[key],
                            classes=f"card-{key}",
                            select_on_focus=False,
                        )
                    control.border_title = labels[key] if key not in self.spec.choices else ""
                    yield control
        yield Static(classes="field-error")
        yield Button("Remove this card", classes="remove-card", variant="default", compact=True)

    def on_mount(self) -> None:
        self._suggest_address()

    @on(Input.Changed, ".card-name, .card-title")
    def _suggest_address(self) -> None:
        """An interviewer's "Address as" shows what the draft will say unless something
        else is typed: the rule's answer from the name and title ("Dr. Brontë")."""
        if not self.query(".card-address_as"):
            return
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
        label = dict(self.spec.fields).get(field_name, field_name)
        text = Content(f"⚠ {label} {message}")  # Content: user text is never markup
        line.update(text)
        culprits = self.query(f".card-{field_name}")
        if not culprits:  # (a rule over the whole card: the first field takes the blame)
            culprits = self.query(".card-row > *")
        culprit = culprits.first()
        culprit.add_class("-invalid")
        return culprit

    @property
    def raw(self) -> dict[str, str]:
        values = {}
        for key, _ in self.spec.fields:
            control = self.query_one(f".card-{key}")
            values[key] = (
                select_value(control)
                if isinstance(control, Select)
                else (control.value if isinstance(control, Input) else "")
            )
        return values


class Cards(Vertical):
    """Zero or more cards of one kind, with buttons to add and remove them."""

    @dataclass
    class Changed(Message):
        cards: Cards

    def __init__(
        self,
        spec: CardSpec,
        cards: list[dict[str, str]],
        *,
        met_before: Callable[[], Sequence[Interviewer]] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.spec = spec
        self.initial = cards or [{}]
        self.met_before = met_before  # interviewers met in earlier rounds, to add in one go

    def compose(self) -> ComposeResult:
        for number, card in enumerate(self.initial, start=1):
            yield CardForm(self.spec, card, number)
        with Horizontal(classes="card-buttons"):
            yield ActNowButton(self.add_card, self.spec.add_label, classes="add-card", compact=True)
            if self.met_before is not None:
                yield Button("+ Someone you met before…", classes="add-met", compact=True)

    @on(Button.Pressed, ".add-met")
    def _choose_met(self, event: Button.Pressed) -> None:
        """The interviewers of the earlier rounds not on a card yet; the one chosen gets a
        card filled in (the cursor on it, to check)."""
        from debrief.questionnaire import card_of_interviewer
        from debrief.ui.screens.dialogs import ChoiceScreen

        event.stop()
        on_cards = {card.get("name", "").strip().casefold() for card in self.raw}
        met = self.met_before() if self.met_before is not None else []
        people = [p for p in met if p.name.casefold() not in on_cards]
        if not people:
            self.notify("Everyone you met before already has a card here.")
            return
        by_name = {person.name: person for person in people}

        async def chosen(name: str | None) -> None:
            if name in by_name:
                blank = [c for c in self.query(CardForm) if not self.spec.filled(c.raw)]
                if blank:  # (the empty first card makes way)
                    await blank[0].remove()
                await self.add_card(card_of_interviewer(by_name[name]))

        choices = [(p.name, ", ".join(x for x in (p.name, p.title) if x)) for p in people]
        self.app.push_screen(ChoiceScreen("Add someone you met before", choices, ""), chosen)

    @property
    def raw(self) -> list[dict[str, str]]:
        return [card.raw for card in self.query(CardForm)]

    def show_problems(self) -> Widget | None:
        """Flag every card's problem; returns the first control at fault, if any."""
        problems = self.spec.errors(self.raw)
        culprits = [
            card.show_problem(problems.get(i)) for i, card in enumerate(self.query(CardForm))
        ]
        return next((c for c in culprits if c is not None), None)

    async def add_card(self, card: dict[str, str] | None = None) -> None:
        """Add a card (empty, or filled: someone met before) and put the cursor in it."""
        form = CardForm(self.spec, card or {}, len(self.query(CardForm)) + 1)
        await self.mount(form, before=self.query_one(".card-buttons"))
        for number, each in enumerate(self.query(CardForm), start=1):
            each.border_title = f"{self.spec.noun} {number}"
        self.screen.set_focus(form.query_one(Input))  # (now: the next key is on its way)
        self.post_message(self.Changed(self))

    @on(Button.Pressed, ".add-card")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_card()  # (clicked: Enter acts through `ActNowButton.act`)

    @on(Button.Pressed, ".remove-card")
    async def remove_card(self, event: Button.Pressed) -> None:
        event.stop()
        card = event.button.parent
        if isinstance(card, CardForm):
            await card.remove()
        for number, remaining in enumerate(self.query(CardForm), start=1):
            remaining.border_title = f"{self.spec.noun} {number}"
        self.query_one(".add-card", Button).focus()
        self.post_message(self.Changed(self))


def build_control(
    question: Question,
    raw: Raw,
    known: KnownValues | None,
    met_before: Callable[[], Sequence[Interviewer]] | None = None,
) -> Widget:
    """The widget that edits one question, prefilled with its raw answer."""
    control_id = f"q-{question.key}"
    if question.kind in INPUT_KINDS:
        options: dict[str, Any] = dict(
            placeholder=question.placeholder,
            id=control_id,
            # Typing into a field adds to what is there; only the fields prefilled with a
            # default (the date with now, the currency with the profile's) are selected so
            # that typing replaces them.
            select_on_focus=question.kind in (Kind.WHEN, Kind.CURRENCY) and bool(raw),
        )
        if known is not None:
            return CompletingInput(str(raw or ""), known=known, **options)
        return Input(str(raw or ""), **options)
    if question.kind is Kind.TEXT:
        return AnswerArea(
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
    if question.kind is Kind.CARDS and question.card is not None:
        return Cards(question.card, list(raw or []), met_before=met_before, id=control_id)
    raise ValueError(f"no control for {question.kind}")


class FieldRow(Vertical):
    """Label, control, note and error line for one question."""

    @dataclass
    class Edited(Message):
        row: FieldRow
        key: str
        raw: Any

    def __init__(
        self,
        question: Question,
        raw: Raw,
        known: KnownValues | None = None,
        *,
        met_before: Callable[[], Sequence[Interviewer]] | None = None,
    ) -> None:
        super().__init__(classes=f"field field-{question.kind.value}", id=f"row-{question.key}")
        self.question = question
        self.control = build_control(question, raw, known, met_before)

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
        if isinstance(control, Cards):
            return control.raw
        raise TypeError(control)

    def show_error(self, message: str | None) -> None:
        if isinstance(self.control, Cards):
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
        if isinstance(target, Cards):
            flagged = target.query(".card-row > .-invalid")
            target = flagged.first() if flagged else target.query(Input).first()
        self.screen.set_focus(target)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(SelectionList.SelectedChanged)
    @on(RatingPicker.Changed)
    @on(Cards.Changed)
    def _report_edit(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Edited(self, self.question.key, self.raw))

    @on(Select.Changed)
    def _report_choice(self) -> None:
        """(Left to bubble on: a choice moves the form on, `form.FormKeys`.)"""
        self.post_message(self.Edited(self, self.question.key, self.raw))
