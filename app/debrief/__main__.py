"""`python -m debrief` runs the same entry point as the `debrief` command."""

from debrief.cli import main

raise SystemExit(main())
