"""CSS parsed once and kept for the next run: the same look, no parse, and a kept file that
is not trustworthy (foreign, writable by others, damaged, of another Textual) is parsed
around, never believed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import StylesheetParseError

from debrief.store.journal import Journal
from debrief.ui import stylesheet as styles_module
from debrief.ui.app import make_app
from debrief.ui.stylesheet import KeepParsedStylesheet, ParsedStyles
from tests.samples import fixed_clock, full_reflection, opportunity

CSS = "Screen { background: $surface; } #agenda { height: 1fr; color: $accent; }"
SIZE = (120, 36)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What Textual's own parser was asked to parse, by where the CSS came from."""
    seen: list[str] = []
    real = textual_stylesheet.parse

    def counted(scope: str, css: str, read_from: tuple[str, str], **options: Any) -> Any:
        seen.append(read_from[1] or Path(read_from[0]).name)
        return real(scope, css, read_from, **options)

    monkeypatch.setattr(textual_stylesheet, "parse", counted)
    return seen


def sheet(path: Path, variables: dict[str, str] | None = None) -> KeepParsedStylesheet:
    stylesheet = KeepParsedStylesheet(
        variables=variables or App().get_css_variables(), kept=ParsedStyles(path)
    )
    stylesheet.add_source(CSS, read_from=("app.tcss", ""))
    return stylesheet


def test_what_one_run_parsed_the_next_takes_as_it_was(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "styles.pickle"
    first = sheet(path)
    first.parse()
    assert parses == ["app.tcss"]
    assert first.kept is not None
    first.kept.save()
    second = sheet(path)
    second.parse()
    assert parses == ["app.tcss"]  # not parsed again
    assert second.css == first.css and "height: 1fr" in second.css


def test_other_variables_parse_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "styles.pickle"
    first = sheet(path)
    first.parse()
    assert first.kept is not None
    first.kept.save()
    other = App()
    other.theme = "textual-light"
    second = sheet(path, other.get_css_variables())
    second.parse()
    assert parses == ["app.tcss", "app.tcss"]
    assert second.css != first.css  # (another theme's colours)


def kept_then(path: Path, damage: str) -> None:
    first = sheet(path)
    first.parse()
    assert first.kept is not None
    first.kept.save()
    if damage == "writable by others":
        path.chmod(0o666)
    elif damage == "not a pickle":
        path.write_bytes(b"\x00 not what was written")
    elif damage == "another textual":
        stored = pickle.loads(path.read_bytes())
        stored["stamp"] = (*stored["stamp"][:-1], 0)
        path.write_bytes(pickle.dumps(stored))
    elif damage == "damaged rules":
        stored = pickle.loads(path.read_bytes())
        stored["rules"] = {key: b"\x80\x05junk" for key in stored["rules"]}
        path.write_bytes(pickle.dumps(stored))


@pytest.mark.parametrize(
    "damage", ["writable by others", "not a pickle", "another textual", "damaged rules"]
)
def test_a_kept_file_not_to_be_trusted_is_parsed_around_then_replaced(
    tmp_path: Path, parses: list[str], damage: str
) -> None:
    path = tmp_path / "styles.pickle"
    kept_then(path, damage)
    second = sheet(path)
    second.parse()
    assert parses == ["app.tcss", "app.tcss"]  # parsed, not loaded
    assert "height: 1fr" in second.css
    assert second.kept is not None
    second.kept.save()
    assert path.stat().st_mode & 0o777 == 0o600
    sheet(path).parse()
    assert parses == ["app.tcss", "app.tcss"]  # what replaced it serves


def test_css_with_an_error_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "styles.pickle"
    broken = KeepParsedStylesheet(variables=App().get_css_variables(), kept=ParsedStyles(path))
    broken.add_source("Screen { colour: red; }", read_from=("app.tcss", ""))
    with pytest.raises(StylesheetParseError):
        broken.parse()
    assert broken.kept is not None
    broken.kept.save()
    assert not path.exists()


def test_a_folder_that_refuses_the_file_costs_only_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "not a folder"
    blocked.write_text("")
    stylesheet = sheet(blocked / "styles.pickle")
    stylesheet.parse()
    assert stylesheet.kept is not None
    stylesheet.kept.save()  # (no error: nothing to write into)
    assert "height: 1fr" in stylesheet.css


def test_temporaries_of_a_killed_writer_are_cleared_by_the_next(tmp_path: Path) -> None:
    """A run killed while writing the file leaves its temporary; the next write removes
    it (once it is a minute old: a second window may be writing at that moment)."""
    killed = tmp_path / ".styles.pickle.0123abcd.tmp"
    killed.write_bytes(b"half a pickle")
    os.utime(killed, (1_000_000_000, 1_000_000_000))
    writing = tmp_path / ".styles.pickle.4567ef01.tmp"
    writing.write_bytes(b"being written")
    stylesheet = sheet(tmp_path / "styles.pickle")
    stylesheet.parse()
    assert stylesheet.kept is not None
    stylesheet.kept.save()
    assert not killed.exists() and writing.exists()
    assert (tmp_path / "styles.pickle").exists()


async def test_the_app_looks_the_same_on_kept_styles_and_parses_nothing(
    tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "journal.json"
    job = opportunity()
    Journal.open(path).save_reflection(full_reflection(job.id), job)
    styles = tmp_path / "cache" / "styles.pickle"
    looks = []
    for _ in range(2):
        parses.clear()
        app = make_app(Journal.open(path), clock=fixed_clock, styles_path=styles)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            looks.append(app.export_screenshot())
        assert styles.exists() and os.stat(styles).st_mode & 0o777 == 0o600
    assert parses == []  # the second run's every CSS source came from the file
    assert looks[1] == looks[0]


def test_the_command_keeps_styles_in_the_user_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert styles_module.default_styles_path() == tmp_path / "debrief" / "styles.pickle"
