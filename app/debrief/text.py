"""Showing user text safely in a terminal, whatever it contains."""

from __future__ import annotations

import re
import unicodedata

# Control characters would reach the terminal raw (an ESC could restyle the screen, a
# bidi override make a line read backwards): C0 codes become their visible "control
# pictures" (ESC shows as ␛), C1 codes and the bidi embeddings, overrides and isolates
# (U+202A–U+202E, U+2066–U+2069) the replacement character �.
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_VISIBLE_CONTROLS = (
    {code: 0x2400 + code for code in range(0x20)}
    | {0x7F: 0x2421}
    | {code: 0xFFFD for code in [*range(0x80, 0xA0), *BIDI_CONTROLS]}
)
# What an iCalendar TEXT value may not hold (RFC 5545: CONTROL, and the bidi controls
# for the terminal a calendar may be printed on); tab and newline stay, escaped by it.
_UNSAFE_IN_CALENDARS = {
    code: None for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS]
} | {0x09: 0x09, 0x0A: 0x0A}


def printable(text: str) -> str:
    """`text` with every control character made visible instead of obeyed."""
    return text.translate(_VISIBLE_CONTROLS)


_VISIBLE_CONTROLS_KEEPING_LINES = _VISIBLE_CONTROLS | {0x09: 0x09, 0x0A: 0x0A}


def printable_lines(text: str) -> str:
    """`printable`, but newlines and tabs still lay the text out (a whole document)."""
    return text.translate(_VISIBLE_CONTROLS_KEEPING_LINES)


def calendar_safe(text: str) -> str:
    """`text` without the control characters a calendar value may not carry."""
    return text.translate(_UNSAFE_IN_CALENDARS)


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) as single spaces, controls made visible."""
    return printable(" ".join(text.split()))


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: wide (CJK, emoji) count 2, combining marks 0."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int, *, align_right: bool = False) -> str:
    """Exactly `width` cells: cut with an ellipsis when too long, padded when short."""
    line = one_line(text)
    if cell_width(line) > width:
        kept, used = [], 0
        for char in line:
            used += cell_width(char)
            if used > width - 1:
                break
            kept.append(char)
        line = "".join(kept) + "…"
    padding = " " * (width - cell_width(line))
    return padding + line if align_right else line + padding


def md_escape(text: str, *, newline: str = "  \n") -> str:
    """User text shown literally in Markdown: characters that would format are escaped.

    `newline` joins the lines: a hard break in a paragraph, `<br>` inside a table cell.
    """
    escaped = "".join("\\" + c if c in "\\`*_[]<>#|~" else c for c in text)
    return newline.join(_escape_line_start(line) for line in escaped.split("\n"))


def _escape_line_start(line: str) -> str:
    """A line that Markdown would read as a list item or a quote gets its marker escaped."""
    stripped = line.lstrip()
    marker = stripped[:1]
    numbered = stripped.split(".", 1)[0].isdigit() and "." in stripped[:10]
    if marker in ("-", "+") or numbered:
        indent = line[: len(line) - len(stripped)]
        if numbered:
            number, rest = stripped.split(".", 1)
            return f"{indent}{number}\\.{rest}"
        return f"{indent}\\{stripped}"
    return line


_NOT_IN_FILE_NAMES = re.compile(r"[\W_]+")


def file_name(*words: str, suffix: str) -> str:
    """A file name made of `words`, lower case: letters of any script kept whole (NFC, so
    "Zoë" stays "zoë"), everything else (spaces, slashes, dots, controls) one hyphen."""
    text = unicodedata.normalize("NFC", " ".join(words)).lower()
    return _NOT_IN_FILE_NAMES.sub("-", text).strip("-") + suffix
