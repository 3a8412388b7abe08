"""Debrief: reflect right after a job interview, and act on it."""

__version__ = "0.1.0"
