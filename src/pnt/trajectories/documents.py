"""Documents of the trajectory: proof of participation and final overview (PDF), CSV export."""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string
from django.utils import timezone, translation

from pnt.trajectories.models import PNT_HOURS, Newcomer, ParticipationProof


def _pdf(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # imported late: WeasyPrint loads pango on import

    with translation.override("nl"):
        html = render_to_string(template, {**context, "printed_at": timezone.now()})
        css = render_to_string("trajectories/pdf/pdf.css")
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])


def proof_pdf(proof: ParticipationProof) -> bytes:
    """The proof of participation: who, which activity, the hours and dates, the
    provider's confirmation (name and time) and the counsellor's acceptance."""
    from pnt.trajectories.models import Attendance

    attended = (
        Attendance.objects.filter(
            enrolment__newcomer=proof.newcomer,
            enrolment__activity=proof.activity,
            status=Attendance.Status.PRESENT,
        )
        .select_related("session")
        .order_by("session__date")
    )
    return _pdf(
        "trajectories/pdf/proof.html",
        {
            "proof": proof,
            "newcomer": proof.newcomer,
            "activity": proof.activity,
            "attended": attended,
        },
    )


def overview_pdf(newcomer: Newcomer, lines: list[dict]) -> bytes:
    """The final overview once 40 hours are reached: every activity with its hours."""
    counted = sum((line["hours"] for line in lines if line["counts"]), start=0)
    return _pdf(
        "trajectories/pdf/overview.html",
        {
            "newcomer": newcomer,
            "trajectory": newcomer.trajectory,
            "lines": lines,
            "counted": counted,
            "pnt_hours": PNT_HOURS,
        },
    )


CSV_COLUMNS = [
    "newcomer_id", "first_name", "last_name", "birth_year", "municipality_nis_code",
    "obligation_start", "compulsory", "pnt_started_on", "completed_on", "days_until_start",
    "hours",
]  # fmt: skip


def completed_csv(trajectories) -> str:
    """Completed trajectories for the agency's records, with the agreed columns."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for t in trajectories:
        n = t.newcomer
        writer.writerow([
            n.pk, n.first_name, n.last_name, n.birth_year or "", n.municipality.nis_code,
            n.obligation_start or "", "yes" if t.compulsory else "no", t.pnt_started_on or "",
            t.completed_on or "", "" if t.days_until_start is None else t.days_until_start,
            t.hours,
        ])  # fmt: skip
    return out.getvalue()
