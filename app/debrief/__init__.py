"""Debrief: reflect right after a job interview, and act on it."""

import importlib
import sys
import types

__version__ = "0.1.0"


class _ParserOnFirstUse(types.ModuleType):
    """Stands in for `dateutil.parser` until one of its names is read: then the real
    module is loaded and its names copied in, so that what holds the stand-in (pendulum)
    reads them as from the module itself."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # (so that the import below loads the real one)
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


def _load_dateutil_parser_when_used() -> None:
    """pendulum imports dateutil's parser (~25 ms of a ~0.3 s start-up) for free-form
    dates only, which Debrief parses when someone types one (`dates.parse_when`). Make
    that import lazy. (The standard library's `LazyLoader` does the same but needs
    `importlib.util`, itself ~4 ms to import and otherwise unused at start-up.)"""
    if "dateutil.parser" in sys.modules:
        return
    try:
        import dateutil  # type: ignore[import-untyped]
    except ImportError:
        return
    stand_in = _ParserOnFirstUse("dateutil.parser")
    sys.modules["dateutil.parser"] = stand_in
    # As the package's attribute too: `from dateutil import parser` then takes it as it is.
    dateutil.parser = stand_in


_load_dateutil_parser_when_used()
