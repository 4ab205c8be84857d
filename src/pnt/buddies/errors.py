"""The domain error of the buddy project: its message is fit to show to the person."""

from __future__ import annotations


class BuddyError(ValueError):
    """A rule of the buddy project was broken; ``str(error)`` is the message for the user."""
