"""The flows together, and which one carries out each request a screen posts
(`messages.Request`): the app holds one `Flows` and hands every request here, so a new
request is a case below, not another handler in the app."""

from __future__ import annotations

from debrief.ui import messages
from debrief.ui.flows import Host
from debrief.ui.flows.ahead import Ahead
from debrief.ui.flows.moving import Moving
from debrief.ui.flows.opportunity import OpportunityActions
from debrief.ui.flows.pages import Pages
from debrief.ui.flows.reflecting import Reflecting


class Flows:
    """The app's flows, each with one job (see the package's docstring)."""

    def __init__(self, host: Host) -> None:
        self.reflecting = Reflecting(host)
        self.opportunity = OpportunityActions(host)
        self.ahead = Ahead(host)
        self.moving = Moving(host)
        self.pages = Pages(host)

    async def carry_out(self, request: messages.Request) -> None:
        match request:
            case messages.ReflectOnInterview(interview_id):
                await self.reflecting.reflect_on_interview(interview_id)
            case messages.EditReflection(reflection_id):
                await self.reflecting.edit(reflection_id)
            case messages.KeepUnsavedAnswers(reason, text):  # Esc, and no file has them
                self.reflecting.close_unsaved(reason, text)
            case messages.PrepareInterview(interview_id):
                self.ahead.prepare(interview_id)
            case messages.EditJobDetails(reflection_id):
                self.opportunity.edit_details(reflection_id)
            case messages.ChangeStatus(reflection_id):
                self.opportunity.change_status(reflection_id)
            case messages.RecordReply(reflection_id):
                self.opportunity.record_reply(reflection_id)
            case messages.DeleteReflection(reflection_id):
                self.opportunity.delete(reflection_id)
            case messages.UndoDelete():
                self.opportunity.undo_delete()
            case messages.Undoable():
                self.opportunity.remember(request)
            case messages.UndoLast():
                self.opportunity.undo_last()
