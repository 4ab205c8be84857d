"""The network's own work: partners and agreements, groups and meetings, the action plan,
good practices and funding. Split by subject; import every model from here."""

from pnt.network.models.funding import (
    Deliverable,
    DeliverableReport,
    FundingApplication,
    FundingProgramme,
)
from pnt.network.models.meetings import (
    ActionPoint,
    AgendaItem,
    CaseDiscussion,
    Decision,
    Group,
    Meeting,
)
from pnt.network.models.partners import Agreement, Partner, PartnerContact
from pnt.network.models.plan import Action, Indicator, Pillar, Plan
from pnt.network.models.practices import Practice, PracticeAttachment, PracticeTheme

__all__ = [
    "Action",
    "ActionPoint",
    "AgendaItem",
    "Agreement",
    "CaseDiscussion",
    "Decision",
    "Deliverable",
    "DeliverableReport",
    "FundingApplication",
    "FundingProgramme",
    "Group",
    "Indicator",
    "Meeting",
    "Partner",
    "PartnerContact",
    "Pillar",
    "Plan",
    "Practice",
    "PracticeAttachment",
    "PracticeTheme",
]
