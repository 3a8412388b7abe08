"""What a user does, in one place: the use cases that combine the domain's rules with the
store (save a reflection and plan it, act on a follow-up, record a reply, schedule,
import, merge, unlock). The screens and the shell commands both call these; neither
writes to the journal itself."""
