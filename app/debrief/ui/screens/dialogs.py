"""Small modal dialogs: confirm a destructive action, choose one of a few values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from debrief.ui.screens.form import FormKeys

if TYPE_CHECKING:
    from debrief.store.journal import Journal


class ConfirmScreen(ModalScreen[bool]):
    """ "Delete …?" with the safe answer focused; Enter on the focused button decides."""

    BINDINGS = [
        Binding("escape", "dismiss(False)", "Cancel", id="confirm.cancel"),
        Binding("y", "dismiss(True)", "Yes", show=False, id="confirm.yes"),
    ]

    def __init__(self, title: str, message: str, *, confirm_label: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            yield Static(Content(self.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm_label} (y)", id="confirm", variant="error")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")


def _column_widths(rows: list[list[str]]) -> list[int]:
    """The widest text of each column over `rows` (a row may have fewer parts)."""
    count = max(len(parts) for parts in rows)
    return [max((cell_len(p[i]) for p in rows if len(p) > i), default=0) for i in range(count)]


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one value from a short list; the current one is marked and highlighted. A
    label's tab-separated parts are columns (`"JSON\teverything, lossless"`): a long one
    wraps within its own column, never back under the marker."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            widths = _column_widths([label.split("\t") for _, label in self.choices])
            options = [
                Option(self._row(value, label.split("\t"), widths), id=value)
                for value, label in self.choices
            ]
            yield OptionList(*options, id="choices")

    def _row(self, value: str, parts: list[str], widths: list[int]) -> Content | Table:
        """One choice: its marker, then each part in its column (text shown literally)."""
        if len(widths) == 1:  # (one column: one line of text, wrapping under itself)
            return Content(("● " if value == self.current else "  ") + parts[0])
        row = Table.grid(padding=(0, 1))
        row.add_column(width=1)
        for width in widths[:-1]:
            row.add_column(width=width, no_wrap=True)
        row.add_column(ratio=1)
        cells = [Text(part) for part in parts] + [Text("")] * (len(widths) - len(parts))
        row.add_row(Text("●" if value == self.current else " "), *cells)
        return row

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        values = [value for value, _ in self.choices]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class PromptScreen(FormKeys, ModalScreen[str | None]):
    """Ask for one line of text; `check` returns a message when the answer won't do.
    Enter in the field answers (it is the dialog's only field)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="prompt.cancel")]

    def __init__(
        self,
        title: str,
        label: str,
        *,
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.label = label
        self.value = value
        self.placeholder = placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            yield Label(Content(self.label))
            yield Input(self.value, placeholder=self.placeholder, id="answer")
            yield Static(id="prompt-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK (enter)", id="ok", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        answer = self.query_one("#answer", Input)
        answer.focus()
        answer.cursor_position = len(answer.value)  # typing on adds to what is there

    def form_done(self) -> None:
        self._accept()

    @on(Button.Pressed, "#ok")
    def _accept(self) -> None:
        answer = self.query_one("#answer", Input).value
        if not self._show_problem(answer):
            self.dismiss(answer)

    def _show_problem(self, answer: str) -> bool:
        """Show what is wrong with `answer` (nothing when nothing is); whether anything is."""
        problem = self.check(answer) if self.check else None
        error = self.query_one("#prompt-error", Static)
        if problem:
            error.update(Content(f"⚠ {problem}"))
        error.display = bool(problem)
        return bool(problem)

    @on(Input.Changed, "#answer")
    def _recheck(self, event: Input.Changed) -> None:
        """A problem shown goes (or changes) as the answer is corrected, not at Enter."""
        if self.query_one("#prompt-error").display:
            self._show_problem(event.value)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def new_file_problem(text: str) -> str | None:
    """Why a path can't take a new file (an existing file is never overwritten), or None."""
    if not text.strip():
        return "Type a file name"
    target = Path(text).expanduser()
    if target.exists():
        return f"{target} exists already; choose another name"
    if not target.parent.is_dir():
        return f"There is no folder {target.parent}"
    return None


NOT_ENCRYPTED = " (not encrypted: your journal is, this file is not)"


def save_to_new_file(
    app: App[Any],
    title: str,
    suggested: Path,
    payload: Callable[[], bytes],
    done: str,
    on_saved: Callable[[], object] | None = None,
    *,
    journal: Journal,
) -> None:
    """Ask for a file name (never an existing file, nor one of `journal`'s own files by
    any name), write atomically, say how it went (and call `on_saved` once it is written):
    from an encrypted journal, that the file written is not encrypted."""
    from debrief.store.files import atomic_write, describe_os_error

    if journal.sealer is not None:
        done += NOT_ENCRYPTED

    def problem(text: str) -> str | None:
        own = journal.own_file(Path(text).expanduser()) if text.strip() else None
        if own is not None:
            return f"That is your journal's own file ({own.name}); choose another name"
        return new_file_problem(text)

    def chosen(text: str | None) -> None:
        if text is None:
            return
        target = Path(text).expanduser()
        try:
            atomic_write(target, payload(), keep_backup=False)
        except OSError as error:
            app.notify(
                f"Could not write {target}: {describe_os_error(error)}.",
                severity="error",
                markup=False,
            )
            return
        app.notify(f"Saved to {target}", title=done, markup=False)
        if on_saved is not None:
            on_saved()

    app.push_screen(
        PromptScreen(title, "File", value=str(suggested), check=problem), callback=chosen
    )


class KeepAnswersScreen(ModalScreen[str | None]):
    """The answers could not be saved, not even as a draft: copy them, write them to a file
    of the user's choosing, or (explicitly) give them up."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Stay", id="keep.stay"),
        Binding("c", "dismiss('copy')", "Copy", show=False, id="keep.copy"),
        Binding("s", "dismiss('file')", "Save to a file", show=False, id="keep.file"),
    ]

    def __init__(self, reason: str, *, give_up_label: str) -> None:
        super().__init__(classes="dialog-screen")
        self.reason = reason
        self.give_up_label = give_up_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                Content.styled("Your answers are not saved anywhere", "bold"),
                classes="dialog-title",
            )
            yield Static(
                Content(
                    f"Not even a draft could be written: {self.reason}\n\n"
                    "Free some space (each keystroke tries again), or keep your text now:"
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Copy them (c)", id="copy", variant="primary")
                yield Button("Save to a file… (s)", id="file")
                yield Button("Stay (esc)", id="stay")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.give_up_label, id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#copy", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "stay" else event.button.id)
