"""Writing a reflection: starting one (new, from an interview that just ended, or picking
up a draft), editing a saved one, one questionnaire at a time, and never losing the
answers on the way out (a draft, else the clipboard or another file)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.actions.reflections import discard_draft
from debrief.dates import plural
from debrief.model import Draft, Interview, Reflection, new_id
from debrief.ui.flows import Host

if TYPE_CHECKING:
    from debrief.ui.screens.reflect import ReflectScreen
    from debrief.ui.screens.resume import Choice

NUDGE = "interview:"  # a choice that reflects on a scheduled interview, before its id


class Reflecting:
    """The questionnaire's comings and goings; `open` is the one being written, if any,
    with the mode (place) it was started in."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.open: tuple[str, ReflectScreen] | None = None
        self.answers_kept: str | None = None  # unsaved answers copied or written elsewhere

    # --- starting -------------------------------------------------------------------------

    async def start(self) -> None:
        """`n`: a new reflection; or, when there are drafts or interviews just over, the
        choice between them."""
        if await self.back_to_open():
            return
        journal = self.host.journal
        drafts = journal.drafts()
        nudges = self._unreflected()
        if not drafts and not nudges:
            await self.open_questionnaire(self._new_draft())
        elif not drafts and len(nudges) == 1:
            await self.reflect_on_interview(nudges[0].id)
        elif len(drafts) == 1 and not nudges and not self._is_edit(drafts[0]):
            self._ask_about_draft(
                drafts[0], discard_label="Discard it, start afresh", on_discard=self._start_afresh
            )
        else:
            self._choose_draft(drafts, offer_new=True, nudges=nudges)

    def _unreflected(self) -> list[Interview]:
        """Interviews that are over, not reflected on, and with no draft started from them."""
        from debrief.interviews import schedule

        journal = self.host.journal
        started = {draft.interview_id for draft in journal.drafts()}
        over = schedule(journal.interviews(), self.host.clock()).to_reflect
        return [interview for interview in over if interview.id not in started]

    async def reflect_on_interview(self, interview_id: str) -> None:
        """The questionnaire prefilled with the scheduled interview (or the draft already
        started from it)."""
        from debrief.questionnaire import answers_from_interview

        if await self.back_to_open():
            return
        journal = self.host.journal
        started = [d for d in journal.drafts() if d.interview_id == interview_id]
        if started:
            await self.open_questionnaire(started[0])
            return
        interview = journal.interview(interview_id)
        opportunity = journal.opportunity(interview.opportunity_id) if interview else None
        if interview is None or opportunity is None:
            return
        context = self.host.answer_context()
        draft = Draft(
            answers=answers_from_interview(interview, opportunity, context),
            started_at=context.now,
            updated_at=context.now,
            reflection_id=new_id(),
            interview_id=interview_id,
        )
        await self.open_questionnaire(draft, fresh=True)

    async def edit(self, reflection_id: str) -> None:
        """Reopen the questionnaire on a saved reflection (offering an unsaved edit back first)."""
        from debrief.questionnaire import answers_from_reflection

        if await self.back_to_open():
            return
        journal = self.host.journal
        pending = [d for d in journal.drafts() if d.reflection_id == reflection_id]
        if pending:
            self._ask_about_draft(
                pending[0], discard_label="Discard those changes", on_discard=None
            )
            return
        reflection = journal.reflection(reflection_id)
        opportunity = journal.opportunity(reflection.opportunity_id) if reflection else None
        if reflection is None or opportunity is None:
            return
        context = self.host.answer_context()
        draft = Draft(
            answers=answers_from_reflection(reflection, opportunity, context),
            started_at=context.now,
            updated_at=context.now,
            reflection_id=reflection_id,
        )
        await self.open_questionnaire(draft, fresh=True)

    def offer_unfinished_draft(self) -> None:
        """At start: the draft (or drafts) a previous session left."""
        drafts = self.host.journal.drafts()
        if len(drafts) == 1:
            self._ask_about_draft(drafts[0], discard_label="Discard it", on_discard=None)
        elif drafts:
            self._choose_draft(drafts, offer_new=False)

    async def back_to_open(self) -> bool:
        """One questionnaire at a time: if one is open, go back to it instead."""
        if self.open is None:
            return False
        mode, _ = self.open
        await self.host.go(mode)
        self.host.notify(
            "You are already writing a reflection: here it is. Esc closes it (the draft is kept)."
        )
        return True

    # --- drafts ---------------------------------------------------------------------------

    def _is_edit(self, draft: Draft) -> bool:
        return self.host.journal.reflection(draft.reflection_id or "") is not None

    def _choose_draft(
        self, drafts: Sequence[Draft], *, offer_new: bool, nudges: Sequence[Interview] = ()
    ) -> None:
        """Every kept draft (new reflections and edits) to pick one up, every interview
        over and not reflected on; or a new one."""
        from debrief.interviews import ended_phrase, interview_title
        from debrief.ui.screens.dialogs import ChoiceScreen
        from debrief.ui.screens.resume import describe_draft

        now = self.host.clock()
        by_id = {draft.id: draft for draft in drafts}
        choices = [
            (draft.id, ("Edit of " if self._is_edit(draft) else "") + describe_draft(draft, now))
            for draft in drafts
        ]
        for interview in nudges:
            opportunity = self.host.journal.opportunity(interview.opportunity_id)
            title = interview_title(interview, opportunity)
            choices.append(
                (NUDGE + interview.id, f"Reflect on {title} ({ended_phrase(interview, now)})")
            )
        if offer_new:
            choices.append(("new", "Start a new reflection"))

        async def chosen(value: str | None) -> None:
            if value == "new":
                await self._start_afresh()
            elif value is not None and value.startswith(NUDGE):
                await self.reflect_on_interview(value.removeprefix(NUDGE))
            elif value in by_id:
                self._ask_about_draft(by_id[value], discard_label="Discard it", on_discard=None)

        if drafts and nudges:
            title = "Unfinished reflections, and interviews to reflect on"
        elif drafts:
            title = f"{plural(len(drafts), 'unfinished reflection')}: pick one up"
        else:
            title = "Which interview?"
        self.host.show(ChoiceScreen(title, choices, ""), chosen)

    def _ask_about_draft(
        self, draft: Draft, *, discard_label: str, on_discard: Callable[[], object] | None
    ) -> None:
        from debrief.ui.screens.resume import ResumeDraftScreen

        async def decided(choice: Choice | None) -> None:
            if choice == "resume":
                await self.open_questionnaire(draft)
            elif choice == "discard":
                discard_draft(self.host.journal, draft.id)
                self.host.reload_view()  # (home's banner named the draft)
                if on_discard is None:
                    self.host.notify("Draft discarded.")
                else:
                    result = on_discard()
                    if asyncio.iscoroutine(result):
                        await result

        screen = ResumeDraftScreen(
            draft, self.host.clock(), discard_label=discard_label, editing=self._is_edit(draft)
        )
        self.host.show(screen, decided)

    async def _start_afresh(self) -> None:
        await self.open_questionnaire(self._new_draft())

    def _new_draft(self) -> Draft:
        context = self.host.answer_context()
        return Draft(
            answers={}, started_at=context.now, updated_at=context.now, reflection_id=new_id()
        )

    # --- the questionnaire ----------------------------------------------------------------

    async def open_questionnaire(self, draft: Draft, *, fresh: bool = False) -> None:
        """Push the questionnaire and wait until it is mounted, so no keystroke goes astray."""
        from debrief.ui.screens.reflect import ReflectScreen  # loaded when first needed

        editing = self._is_edit(draft)
        screen = ReflectScreen(
            self.host.journal, draft, self.host.answer_context, fresh=fresh or not draft.answers
        )
        self.open = (self.host.current_mode, screen)

        def done(reflection: Reflection | None) -> None:
            self.open = None
            if reflection is not None:
                self._announce_saved(reflection, editing=editing)

        await self.host.show(screen, done)

    def _announce_saved(self, reflection: Reflection, *, editing: bool) -> None:
        journal = self.host.journal
        opportunity = journal.opportunity(reflection.opportunity_id)
        title = opportunity.title if opportunity else "your interview"
        if editing:
            self.host.notify(
                f"{title}: your changes are saved.", title="Reflection updated", markup=False
            )
            return
        rounds = len(journal.rounds(reflection.opportunity_id))
        self.host.notify(
            f"{title}, round {rounds}. Well done for writing it down.",
            title="Reflection saved",
            markup=False,
        )

    # --- never losing the answers ----------------------------------------------------------

    def flush(self) -> str | None:
        """Save the open questionnaire's draft now; why its answers are in no file, if
        they are not."""
        return None if self.open is None else self.open[1].flush_draft()

    def unsaved_answers(self) -> tuple[str, str] | None:
        """Why the open answers are in no file, and the answers as text; None when they
        are safe (in a draft, or already copied or written elsewhere)."""
        problem = self.flush()
        if problem is None or self.open is None:
            return None
        text = self.open[1].answers_text()
        return None if text == self.answers_kept else (problem, text)

    def close_unsaved(self, reason: str, text: str) -> None:
        """Esc on a questionnaire whose answers are in no file: first offer to keep them."""
        questionnaire = self.open

        def close() -> None:
            if questionnaire is not None:
                questionnaire[1].dismiss(None)

        if text == self.answers_kept:
            close()
            return
        self.offer_to_keep(reason, text, give_up_label="Close and lose them", give_up=close)

    def offer_to_keep(
        self, reason: str, text: str, *, give_up_label: str, give_up: Callable[[], object]
    ) -> None:
        """Copy the answers to the clipboard, write them to a new file, or give up."""
        from debrief.ui.screens.dialogs import KeepAnswersScreen

        host = self.host

        def kept() -> None:
            self.answers_kept = text

        def chosen(choice: str | None) -> None:
            if choice == "copy":
                host.copy_to_clipboard(text)
                kept()
                host.notify(
                    "Your answers are on the clipboard: paste them somewhere safe. "
                    "Ctrl+Q again quits.",
                    title="Answers copied",
                    timeout=15,
                )
            elif choice == "file":
                stamp = host.clock().format("YYYY-MM-DD-HHmm")
                suggested = Path.home() / f"debrief-answers-{stamp}.txt"
                host.save_file("Save your answers", suggested, text.encode, "Answers saved", kept)
            elif choice == "discard":
                give_up()

        host.show(KeepAnswersScreen(reason, give_up_label=give_up_label), chosen)
