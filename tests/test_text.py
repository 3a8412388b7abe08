"""Names and words made from user text: file names keep every script, plurals read right."""

from __future__ import annotations

import pytest

from debrief.dates import plural
from debrief.text import file_name


@pytest.mark.parametrize(
    "words, expected",
    [
        (("thank_you", "Globex", "Zoë Brontë"), "thank-you-globex-zoë-brontë.txt"),
        (("thank_you", "Globex", "Zoe\u0308 Bronte\u0308"), "thank-you-globex-zoë-brontë.txt"),
        (("status_check", "東京 Systems", "佐藤"), "status-check-東京-systems-佐藤.txt"),
        (("thank_you", "../../etc", "a/b\\c"), "thank-you-etc-a-b-c.txt"),
        (("thank_you", "Acme\x1b[31m", "\u202eevil"), "thank-you-acme-31m-evil.txt"),
    ],
)
def test_file_names_keep_letters_of_any_script_and_drop_only_unsafe_characters(
    words: tuple[str, ...], expected: str
) -> None:
    assert file_name(*words, suffix=".txt") == expected


def test_plurals_read_right() -> None:
    assert plural(1, "round") == "1 round"
    assert plural(2, "round") == "2 rounds"
    assert plural(0, "opportunity", "opportunities") == "0 opportunities"
