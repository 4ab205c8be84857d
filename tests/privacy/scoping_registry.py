"""The scoping matrix's entries (tests/scoping) for data protection and the second factor.

Data subject requests and the audit log are for admins and regional coordinators only:
everyone else gets 404, and a coordinator only reaches the people of their own region
(`data_subject` in scoping_world.py: newcomers and volunteers alike).
"""

from __future__ import annotations

from tests.scoping.registry import Detail, Page, by_pk, per_role

HANDLERS = per_role(404, admin=200, coordinator_rivierenland=200)
HANDLERS_302 = per_role(404, admin=302, coordinator_rivierenland=302)


def _subject(**extra):
    from pnt.trajectories.models import Newcomer

    def kwargs(person) -> dict:
        kind = "newcomers" if isinstance(person, Newcomer) else "volunteers"
        return {"kind": kind, "pk": person.pk, **extra}

    return kwargs


PRIVACY_WEB = [
    Page("privacy_index", status=HANDLERS),
    Page("audit_log", status=HANDLERS),
    Page("audit_log_csv", status=HANDLERS),
    Detail("privacy_subject", "data_subject", _subject(), status=HANDLERS),
    # JSON here; the PDF and the access log (CSV) in tests/privacy/test_export.py.
    Detail("privacy_export", "data_subject", _subject(fmt="json"), status=HANDLERS),
    # Without the confirmation box ticked nothing is erased: back to the page.
    Detail("privacy_erase", "data_subject", _subject(), method="post", status=HANDLERS_302),
    # The second factor (enforcement is off in the matrix): setting up is for anyone signed
    # in; entering a code without a linked app leads to the set-up.
    Page("two_factor_setup"),
    Page("two_factor_verify", status=302),
]

PRIVACY_API = [
    Detail(
        "pnt_privacy_api_export_newcomer",
        "newcomer",
        by_pk("newcomer_id"),
        status=per_role(404, admin=200, coordinator_rivierenland=200),
    ),  # fmt: skip
    Detail(
        "pnt_privacy_api_export_volunteer",
        "volunteer",
        by_pk("volunteer_id"),
        status=per_role(404, admin=200, coordinator_rivierenland=200),
    ),  # fmt: skip
    Page("pnt_privacy_api_list_audit_entries", status=HANDLERS, anonymous=401),
]
