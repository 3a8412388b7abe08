"""Interviews ahead: scheduling one, and preparing the next."""

from __future__ import annotations

from debrief.model import Interview
from debrief.ui.flows import Host


class Ahead:
    def __init__(self, host: Host) -> None:
        self.host = host

    def prepare(self, interview_id: str) -> None:
        from debrief.ui.screens.prep import PrepScreen

        self.host.show(PrepScreen(self.host.journal, interview_id, self.host.answer_context))

    def prepare_next(self) -> None:
        """The nearest interview ahead's preparation; with none, the before-you-leave card."""
        from debrief.interviews import schedule
        from debrief.ui.screens.checklist import ChecklistScreen

        host = self.host
        journal = host.journal
        ahead = schedule(journal.interviews(), host.clock(), journal.opportunities()).upcoming
        if ahead:
            self.prepare(ahead[0].id)
        else:
            host.show(ChecklistScreen(host.journal))

    def schedule(self) -> None:
        from debrief.interviews import interview_title, when_phrase
        from debrief.ui.screens.schedule import ScheduleScreen

        host = self.host

        def scheduled(interview: Interview | None) -> None:
            if interview is None:
                return
            opportunity = host.journal.opportunity(interview.opportunity_id)
            when = when_phrase(interview.start, host.clock())
            host.notify(
                f"{interview_title(interview, opportunity)}, {when}: on your agenda, "
                "b prepares it.",
                markup=False,
            )
            host.reload_view()

        host.show(ScheduleScreen(host.journal, host.answer_context), scheduled)
