"""Debrief: reflect right after a job interview, and act on it."""

import importlib.util
import sys

__version__ = "0.1.0"


def _load_dateutil_parser_when_used() -> None:
    """pendulum imports dateutil's parser (~25 ms of a ~0.4 s start-up) for free-form
    dates only, which Debrief parses when someone types one (`dates.parse_when`). Make
    that import lazy, as the standard library's `LazyLoader` recipe does: the module is
    loaded at its first use."""
    if "dateutil.parser" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("dateutil.parser")
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dateutil.parser"] = module
    spec.loader.exec_module(module)
    # As the package's attribute too: `from dateutil import parser` then takes it as it
    # is, where the import machinery would look at its __spec__ and so load it.
    sys.modules["dateutil"].parser = module  # type: ignore[attr-defined]


_load_dateutil_parser_when_used()
