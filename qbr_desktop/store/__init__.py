"""Persistence: the only layer that knows SQL exists."""
