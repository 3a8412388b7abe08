"""Persistence: the only package that touches TinyDB."""
