"""A draft for a follow-up, for its person and channel (an email, a LinkedIn message, a
letter or a call script): edit it, copy it, save it to a file, mark it sent.

Never lose a word: an edited draft is kept in the journal's drafts file as it is typed
(within a second, and when the screen closes) and comes back when the follow-up is opened
again, until it is done or skipped; Ctrl+N goes back to the generated text."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Label, Static, TextArea

from debrief.actions.followups import change_followup
from debrief.dates import Clock, format_day, plural
from debrief.followups import describe, due_phrase, mark_done
from debrief.model import (
    Channel,
    FollowUp,
    FollowUpKind,
    Interviewer,
    NoteDraft,
    Opportunity,
    Reflection,
    followup_id,
)
from debrief.names import has_gap
from debrief.notes import LINKEDIN_LIMIT, Draft, draft_for, recipients
from debrief.store.journal import Journal, JournalError
from debrief.text import file_name
from debrief.ui.guard import closing_a_typed_screen
from debrief.ui.messages import Undoable
from debrief.ui.widgets.fields import AnswerArea
from debrief.ui.widgets.footer import KeysFooter

HELP = (
    "Nothing is sent from Debrief: copy it (ctrl+o) or save it (ctrl+s), send it your way, "
    "then mark it sent (ctrl+r)."
)


KEPT = "Your edited draft, kept as you type it · ctrl+n: back to the generated text"
KEEP_DELAY = 1.0  # seconds after the last keystroke before the edited draft is written

NO_PROFILE = (
    "Your name and contact details are missing, so the draft is not signed: press F6 to "
    "fill in your profile, and the draft is signed when you come back."
)


def default_file_name(kind: FollowUpKind, company: str, person: str) -> str:
    return file_name(kind.value, company, person, suffix=".txt")


class DraftScreen(Screen[None]):
    """Subject and body, editable; nothing is sent from here: you send it your way."""

    HELP_TEXT = HELP
    SENT_TITLE = "Marked sent"

    BINDINGS = [
        Binding("escape", "dismiss", "Back", id="draft.back"),
        Binding("ctrl+r", "sent", "Mark sent", id="draft.sent", tooltip="Mark this follow-up done"),
        Binding(
            "ctrl+o",
            "copy",
            "Copy",
            id="draft.copy",
            tooltip="Copy subject and text to the clipboard",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save to file",
            id="draft.save",
            tooltip="Write the draft to a text file",
        ),
        Binding(
            "ctrl+t",
            "tone",
            "Formal / friendly",
            id="draft.tone",
            tooltip="Switch the tone (while unedited)",
        ),
        Binding(
            "ctrl+g",
            "recipient",
            "Send to…",
            id="draft.recipient",
            tooltip="Address it to another interviewer, or the recruiter (while unedited)",
        ),
        Binding(
            "ctrl+n",
            "regenerate",
            "Generated text",
            id="draft.regenerate",
            tooltip="Drop your edits and go back to the text Debrief wrote",
        ),
    ]

    def __init__(self, journal: Journal, followup_id: str, clock: Clock) -> None:
        super().__init__()
        self.journal = journal
        self.followup_id = followup_id
        self.clock = clock
        self.formal = True
        self.recipient: Interviewer | None = None  # chosen instead of the follow-up's person
        self.generated: Draft | None = None
        self._keep_timer: Timer | None = None
        self._kept: tuple[str, str] | None = None  # (subject, body) as last written to the file
        self._latest: Draft | None = None  # the draft as last typed

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="draft"):
            yield Static(id="draft-about")
            yield Static(id="draft-hint")
            yield Static(Content.styled(KEPT, "$text-muted"), id="draft-kept")
            yield Static(id="draft-to")
            yield Label("Subject", classes="field-label", id="subject-label")
            yield Input(id="subject", select_on_focus=False)  # (Tab then typing wiped it)
            yield Label("Text", classes="field-label")
            yield AnswerArea(id="body", soft_wrap=True, show_line_numbers=False)
            yield Static(id="draft-count")
            yield Static(Content(self.HELP_TEXT), id="draft-help")
        yield KeysFooter()

    def on_mount(self) -> None:
        item, _, opportunity = self._records()
        self.title = describe(item)
        about = f"{describe(item)} · {opportunity.title} · {due_phrase(item, self.clock())}"
        self.query_one("#draft-about", Static).update(Content(about))
        kept = self.journal.note_draft(item.id)
        if kept is not None:
            self.formal = kept.formal
            _, reflection, _ = self._records()
            named = [p for p in recipients(reflection, opportunity) if p.name == kept.to]
            self.recipient = named[0] if named and kept.to != item.person else None
        self._fill()
        if kept is not None:
            self._kept = (kept.subject, kept.body)
            self.query_one("#subject", Input).value = kept.subject
            self.query_one("#body", TextArea).load_text(kept.body)
        self._show_kept()
        self.query_one("#body", TextArea).focus()

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close; what is still being typed must not act on the screen underneath, and
        what was typed is kept."""
        closing_a_typed_screen(self.app)
        self.keep_edits()
        return super().dismiss(result)

    def on_unmount(self) -> None:
        """The app quitting with the draft open: its edits are kept too (as last typed:
        the fields are gone by now)."""
        self.keep_edits()

    @on(TextArea.Changed, "#body")
    @on(Input.Changed, "#subject")
    def _typed(self) -> None:
        """Keep the edits within a second of the last keystroke, not at every one."""
        self._latest = self.current
        self._show_kept()
        if self._keep_timer is not None:
            self._keep_timer.stop()
        self._keep_timer = self.set_timer(KEEP_DELAY, self.keep_edits)

    def _show_kept(self) -> None:
        self.query_one("#draft-kept").display = self.edited

    @property
    def edited(self) -> bool:
        return self.generated is not None and self.current != self.generated

    def keep_edits(self) -> None:
        """Write the draft as edited to the drafts file (or forget it once it is back to
        the generated text), if it changed since last written; a failure is said, and the
        text stays on screen."""
        if self._keep_timer is not None:
            self._keep_timer.stop()
            self._keep_timer = None
        item = self.journal.followup(self.followup_id)
        draft = self._latest
        if draft is None or self.generated is None or item is None or not item.pending:
            return  # (nothing typed; or done, skipped or gone: nothing to keep)
        wanted = (draft.subject, draft.body) if draft != self.generated else None
        if wanted == self._kept:
            return
        try:
            if wanted is None:
                self.journal.discard_note_draft(item.id)
            else:
                to = self.recipient.name if self.recipient else ""
                note = NoteDraft(item.id, *wanted, self.clock(), to=to, formal=self.formal)
                self.journal.save_note_draft(note)
        except JournalError as error:
            self.notify(f"Your edits could not be kept: {error}", severity="error", markup=False)
            return
        self._kept = wanted

    def action_regenerate(self) -> None:
        """Back to the generated text; the edited draft is no longer kept."""
        if not self.edited:
            self.notify("The draft is as Debrief wrote it.", timeout=2)
            return
        self._fill()
        self._latest = self.current
        self.keep_edits()
        self._show_kept()
        self.notify("Back to the generated text (your edits were dropped).", timeout=3)

    def on_screen_resume(self) -> None:
        """Back from the profile (F6): sign the draft with it, if it is still as written.
        Back from another screen where its interview was deleted: nothing left to send."""
        if not self._still_there():
            self.notify(
                "That follow-up is no longer in the journal (its interview was deleted): "
                "its draft is closed.",
                timeout=5,
            )
            self.dismiss(None)
            return
        if self.generated is not None and self.current == self.generated:
            self._fill()

    def _still_there(self) -> bool:
        item = self.journal.followup(self.followup_id)
        reflection = item and self.journal.reflection(item.reflection_id)
        return bool(reflection and self.journal.opportunity(reflection.opportunity_id))

    def _records(self) -> tuple[FollowUp, Reflection, Opportunity]:
        item = self.journal.followup(self.followup_id)
        assert item is not None
        reflection = self.journal.reflection(item.reflection_id)
        assert reflection is not None
        opportunity = self.journal.opportunity(reflection.opportunity_id)
        assert opportunity is not None
        return item, reflection, opportunity

    def _fill(self) -> None:
        item, reflection, opportunity = self._records()
        first_check = followup_id(item.reflection_id, "status_check:1")
        rounds = self.journal.rounds(opportunity.id)
        self.generated = draft = draft_for(
            item,
            reflection,
            opportunity,
            self.journal.settings(),
            self.clock(),
            formal=self.formal,
            earlier=self.journal.followup(first_check) if item.key.endswith(":2") else None,
            to=self.recipient,
            rounds=rounds,
            followups=[f for r in rounds for f in self.journal.followups(r.id)],
        )
        self.query_one("#draft-to", Static).update(
            Content.from_markup("[b]$heading[/b] $to", heading=draft.heading, to=draft.to)
        )
        emailed = draft.channel is Channel.EMAIL
        for widget_id in ("#subject-label", "#subject"):
            self.query_one(widget_id).display = emailed
        self.query_one("#subject", Input).value = draft.subject
        self.query_one("#body", TextArea).load_text(draft.body)
        hint = self.query_one("#draft-hint", Static)
        hint.display = not self.journal.settings().name
        hint.update(Content(NO_PROFILE))
        self._count()

    @on(TextArea.Changed, "#body")
    def _count(self) -> None:
        """On LinkedIn, how many characters the message has of the 300 allowed, as typed."""
        count = self.query_one("#draft-count", Static)
        linkedin = self.generated is not None and self.generated.channel is Channel.LINKEDIN
        count.display = linkedin
        if not linkedin:
            return
        length = len(self.query_one("#body", TextArea).text)
        if length <= LINKEDIN_LIMIT:
            count.update(Content.styled(f"{length} / {LINKEDIN_LIMIT} characters", "$text-muted"))
        else:
            over = length - LINKEDIN_LIMIT
            count.update(
                Content.styled(
                    f"{length} / {LINKEDIN_LIMIT} characters: {over} too many for LinkedIn",
                    "bold $error",
                )
            )

    @property
    def current(self) -> Draft:
        assert self.generated is not None
        return dataclasses.replace(
            self.generated,
            subject=self.query_one("#subject", Input).value,
            body=self.query_one("#body", TextArea).text,
        )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.current.text)
        self.notify(
            "Copied to the clipboard (if your terminal allows it; ctrl+s saves a file instead).",
            title="Copied",
        )

    def _edited(self, switching: str) -> bool:
        """True (and said) when the user has edited the draft: writing it again would lose it."""
        if self.edited:
            self.notify(
                f"You have edited the draft: {switching} would lose your edits "
                "(ctrl+n goes back to the generated text first).",
                severity="warning",
            )
            return True
        return False

    def action_tone(self) -> None:
        if self._edited("switching the tone"):
            return
        self.formal = not self.formal
        self._fill()
        self.notify("Formal tone." if self.formal else "Friendly tone.", timeout=2)

    def action_recipient(self) -> None:
        from debrief.ui.screens.dialogs import ChoiceScreen

        if self._edited("changing whom it is to"):
            return
        _, reflection, opportunity = self._records()
        people = {person.name: person for person in recipients(reflection, opportunity)}
        current = self.recipient.name if self.recipient else self._records()[0].person
        if not set(people) - {current}:
            self.notify(
                "Nobody else to send it to: add the recruiter with i (job details) "
                "in the journal, or interviewers to the reflection."
            )
            return

        def chosen(name: str | None) -> None:
            if name in people:
                self.recipient = people[name]
                self._fill()

        choices = [(name, ", ".join(x for x in (name, p.title) if x)) for name, p in people.items()]
        self.app.push_screen(ChoiceScreen("Send it to…", choices, current), chosen)

    def action_save(self) -> None:
        from debrief.ui.screens.dialogs import save_to_new_file

        item, _, opportunity = self._records()
        suggested = Path.home() / default_file_name(item.kind, opportunity.company, item.person)
        text = (self.current.text + "\n").encode()
        save_to_new_file(
            self.app, "Save the draft", suggested, lambda: text, "Draft saved", journal=self.journal
        )

    def action_sent(self) -> None:
        item, reflection, _ = self._records()
        now = self.clock()
        try:
            undo = change_followup(self.journal, item, mark_done(item, now), now)
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        what = f"Done: {describe(item)}."
        self.post_message(Undoable(what, lambda: undo(self.clock())))
        caveats = [
            *(["It still had a [fill in …] gap."] if has_gap(self.current.text) else []),
            *([early] if (early := too_early(item, reflection, now)) else []),
        ]
        undoes = "If it is not sent yet, u undoes." if caveats else "(u undoes)"
        self.notify(
            " ".join([what, *caveats, undoes]),
            title=self.SENT_TITLE,
            severity="warning" if caveats else "information",
            markup=False,
        )
        self.dismiss()


class CallScreen(DraftScreen):
    """A call script: a call is made, not sent, and nothing is dialled from here."""

    HELP_TEXT = "Nothing is dialled from Debrief: make the call, then mark it done (ctrl+r)."
    SENT_TITLE = "Marked called"
    BINDINGS = [
        Binding("ctrl+r", "sent", "Mark called", id="draft.sent", tooltip="Mark this call made"),
    ]


def draft_screen(journal: Journal, followup_id: str, clock: Clock) -> DraftScreen:
    """The screen for a follow-up's draft: a call script's says what a call needs."""
    item = journal.followup(followup_id)
    by_phone = item is not None and (
        item.kind is FollowUpKind.CALL or item.channel is Channel.PHONE
    )
    return (CallScreen if by_phone else DraftScreen)(journal, followup_id, clock)


def too_early(item: FollowUp, reflection: Reflection, now: datetime) -> str:
    """A gentle word when a status check goes before the date they said they would reply
    by (the advice: check a few days after it); "" otherwise."""
    named = reflection.reply_by
    if item.kind is not FollowUpKind.STATUS_CHECK or named is None or now.date() >= named:
        return ""
    days = (named - now.date()).days
    return (
        f"They said they would reply by {format_day(named)}, {plural(days, 'day')} from now: "
        "a check before then can read as impatient."
    )
