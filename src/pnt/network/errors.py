"""The domain error of the network's own work: its message is fit to show to the person."""

from __future__ import annotations


class NetworkError(ValueError):
    """A rule of the network space was broken; ``str(error)`` is the message for the user."""
