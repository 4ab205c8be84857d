"""Domain errors of the trajectories: each carries a message fit to show to the person."""

from __future__ import annotations


class TrajectoryError(ValueError):
    """A rule of the trajectory was broken; ``str(error)`` is the message for the user."""


class EnrolmentError(TrajectoryError):
    """An enrolment cannot change the way that was asked."""


class DuplicateNewcomer(TrajectoryError):
    """The intake looks like a person already on record; ``matches`` lists them."""

    def __init__(self, message: str, matches: list) -> None:
        super().__init__(message)
        self.matches = matches
