"""Background work of the matching (django-tasks): computing an allocation round."""

from __future__ import annotations

from django_tasks import task


@task()
def run_allocation_round(round_id: int) -> str:
    """Compute one queued allocation round; returns its status. Idempotent: a round that
    is no longer queued (computed, discarded) is left alone."""
    from pnt.trajectories.allocation_services import compute_allocation_round

    return compute_allocation_round(round_id=round_id).status
