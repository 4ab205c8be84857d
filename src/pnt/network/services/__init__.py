"""Every write of the network space: one named function per action, keyword-only, one
transaction each. Split by subject; import them all from here."""

from pnt.network.services.funding import (
    accept_deliverable,
    add_deliverable,
    attach_report,
    change_application_status,
    create_application,
    hand_in_deliverable,
)
from pnt.network.services.meetings import (
    add_action_point,
    add_agenda_item,
    add_case_discussion,
    agenda_from_open_actions,
    change_action_point,
    create_group,
    edit_agenda,
    plan_meeting,
    record_decision,
    reschedule_action_point,
    save_minutes,
    update_group,
    update_meeting,
)
from pnt.network.services.partners import (
    add_contact,
    create_agreement,
    create_partner,
    renew_agreement,
    update_agreement,
    update_partner,
)
from pnt.network.services.plan import (
    add_indicator,
    add_pillar,
    create_action,
    create_plan,
    update_action,
)
from pnt.network.services.practices import add_attachment, create_practice
from pnt.network.services.reminders import (
    remind_action_points,
    remind_deliverables,
    remind_expiring_agreements,
    send_network_reminders,
)

__all__ = [
    "accept_deliverable",
    "add_action_point",
    "add_agenda_item",
    "add_attachment",
    "add_case_discussion",
    "add_contact",
    "add_deliverable",
    "add_indicator",
    "add_pillar",
    "attach_report",
    "agenda_from_open_actions",
    "change_action_point",
    "change_application_status",
    "create_action",
    "create_agreement",
    "create_application",
    "create_group",
    "create_partner",
    "create_plan",
    "create_practice",
    "edit_agenda",
    "hand_in_deliverable",
    "plan_meeting",
    "record_decision",
    "remind_action_points",
    "remind_deliverables",
    "remind_expiring_agreements",
    "renew_agreement",
    "reschedule_action_point",
    "save_minutes",
    "send_network_reminders",
    "update_action",
    "update_agreement",
    "update_group",
    "update_meeting",
    "update_partner",
]
