"""The keyboard model, in words: shown above the keys in F1, and quoted in the README
(a test keeps the two the same)."""

FORM_KEYS = """\
**In a form** (the questionnaire, the profile, a dialog)

- **Enter** goes to the next field; past a step's last field, to the next step (in a
  dialog, to its main button).
- **Tab** and **Shift+Tab** move between fields too.
- In an answer of several lines **Enter** starts a new line; **Tab** leaves it.
- A drop-down opens with **Space**; choosing moves on to the next field.
- **Ctrl+S** saves (the questionnaire shows its review first). **Esc** closes: an
  unfinished reflection is kept as a draft, and **n** on the home screen picks it up.
"""

LIST_KEYS = """\
**In a list** (follow-ups, reflections)

- One-letter keys act on the highlighted line and say what they did; the footer offers
  only those that act on it (on an interview ahead, only **Enter**). **u** undoes, and the
  highlight goes to what it brought back.
- After a form closes, keys that change something wait until you move the highlight or
  pause for a second: typing that runs on changes nothing. The other way round too: an
  edit opened by a key (**e**) takes no typing from that same run until you pause.
- **F1** shows every key of the screen; **Ctrl+P** finds any command by name.
"""
