"""The network's part of the scoping matrix's world (tests/scoping). Registry entries are in
`scoping_registry.py`.

Rivierenland (Mechelen, Putte) and Kempen (Turnhout) each have a network space. Core
partners see their region's whole space: the coordinator and coach, the officers of Putte
and Mechelen (their local governments are members), and — through the agency's partner
record in Kempen — the counsellor, who is its contact person. Aster's staff are a wider
partner: their own partner record, the agreement Aster is a party to, the working group
they sit in, and practices shared with everyone.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from pnt.network.models import DeliverableReport, Partner
from tests.network.factories import (
    ActionFactory,
    ActionPointFactory,
    AgreementFactory,
    ApplicationFactory,
    DeliverableFactory,
    GroupFactory,
    IndicatorFactory,
    MeetingFactory,
    PartnerFactory,
    PillarFactory,
    PlanFactory,
    PracticeFactory,
)

SIGNED_IN = [
    "admin", "coordinator_rivierenland", "coach_rivierenland", "coach_kempen", "officer_putte",
    "officer_mechelen", "provider_staff_aster", "counsellor", "no_membership",
]  # fmt: skip
RIVIERENLAND_CORE = ("coordinator_rivierenland", "coach_rivierenland", "officer_putte",
                     "officer_mechelen")  # fmt: skip
KEMPEN_CORE = ("coach_kempen", "counsellor")
RIVIERENLAND_STAFF = ("coordinator_rivierenland", "coach_rivierenland")


def _table(rivierenland: set[str], kempen: set[str], **extra: set[str]) -> dict[str, set[str]]:
    """Core partners of each region see its objects; admins all; `extra` adds per role."""
    table = {role: set() for role in SIGNED_IN}
    table["admin"] = rivierenland | kempen
    for role in RIVIERENLAND_CORE:
        table[role] |= rivierenland
    for role in KEMPEN_CORE:
        table[role] |= kempen
    for role, keys in extra.items():
        table[role] |= keys
    return table


def _managed(rivierenland: set[str], kempen: set[str], **extra: set[str]) -> dict[str, set[str]]:
    """Changes: the region's coordinator and coaches (and admins)."""
    table = {role: set() for role in SIGNED_IN}
    table["admin"] = rivierenland | kempen
    for role in RIVIERENLAND_STAFF:
        table[role] |= rivierenland
    table["coach_kempen"] |= kempen
    for role, keys in extra.items():
        table[role] |= keys
    return table


ZONNEBLOEM = {"praktijk_zonnebloem"}
NETWORK_SEES = {
    "network_partner": _table(
        {"perenboom", "partner_aster"},
        {"agentschap_lindelaan"},
        provider_staff_aster={"partner_aster"},
    ),  # fmt: skip
    "network_managed_partner": _managed({"perenboom", "partner_aster"}, {"agentschap_lindelaan"}),
    "network_agreement": _table({"meidoorn"}, {"hazelaar"}, provider_staff_aster={"meidoorn"}),
    "network_managed_agreement": _managed({"meidoorn"}, {"hazelaar"}),
    "network_meeting": _table(
        {"kastanje", "esdoorn"}, {"lijsterbes"}, provider_staff_aster={"esdoorn"}
    ),
    "network_managed_meeting": _managed({"kastanje", "esdoorn"}, {"lijsterbes"}),
    "network_managed_group": _managed({"eikenlaan", "beukenhof"}, {"vlierbes"}),
    "network_action_point": _table({"notelaar"}, {"hulst"}),
    # Its owner (the officer of Mechelen) or the region's staff move a point along.
    "network_changeable_action_point": _managed(
        {"notelaar"}, {"hulst"}, officer_mechelen={"notelaar"}
    ),
    "network_plan": _table({"wilgenroos"}, {"duizendblad"}),
    "network_managed_plan": _managed({"wilgenroos"}, {"duizendblad"}),
    "network_managed_action": _managed({"sleedoorn"}, {"klaproos"}),
    # Zonnebloem is shared with everyone who has a role in pnt.
    "network_practice": _table(
        {"praktijk_madeliefje"} | ZONNEBLOEM,
        {"praktijk_korenbloem"},
        coach_kempen=ZONNEBLOEM,
        counsellor=ZONNEBLOEM,
        provider_staff_aster=ZONNEBLOEM,
    ),  # fmt: skip
    "network_managed_practice": _managed(
        {"praktijk_madeliefje", "praktijk_zonnebloem"}, {"praktijk_korenbloem"}
    ),  # fmt: skip
    "network_practice_attachment": _table(
        ZONNEBLOEM,
        set(),
        coach_kempen=ZONNEBLOEM,
        counsellor=ZONNEBLOEM,
        provider_staff_aster=ZONNEBLOEM,
    ),  # fmt: skip
    "network_application": _table({"vlinderbloem"}, {"pinksterbloem"}),
    "network_managed_application": _managed({"vlinderbloem"}, {"pinksterbloem"}),
    "network_deliverable": _table({"goudsbloem"}, {"boterbloem"}),
    "network_managed_deliverable": _managed({"goudsbloem"}, {"boterbloem"}),
    # Reports made for a deliverable: only for those who may make them.
    "network_deliverable_report": _managed({"goudsbloem"}, {"boterbloem"}),
}


def _document(name: str) -> str:
    """A small stored PDF, written once and reused by every run of the matrix."""
    path = f"network/scoping/{name}.pdf"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return path


def add_network(world) -> None:
    users = world.users
    rivierenland, kempen = (
        world.objects["region"]["rivierenland"],
        world.objects["region"]["kempen"],
    )
    partners = {
        "perenboom": PartnerFactory(region=rivierenland, name="Lokaal bestuur Perenboom",
                                    tier=Partner.Tier.CORE, sector="local_government"),
        "partner_aster": PartnerFactory(region=rivierenland, name="Netwerkpartner Asterhof",
                                        provider=world.objects["provider"]["aster"]),
        "agentschap_lindelaan": PartnerFactory(region=kempen, name="Agentschap Lindelaan",
                                               tier=Partner.Tier.CORE,
                                               sector="integration_agency"),
    }  # fmt: skip
    partners["agentschap_lindelaan"].contacts.create(name="Samira", user=users["counsellor"])
    for key, partner in partners.items():
        world.add("network_partner", key, partner, partner.name)
        world.add("network_managed_partner", key, partner, partner.name)

    for key, region, parties, title in [
        ("meidoorn", rivierenland, ["perenboom", "partner_aster"], "Overeenkomst Meidoorn"),
        ("hazelaar", kempen, ["agentschap_lindelaan"], "Overeenkomst Hazelaar"),
    ]:
        agreement = AgreementFactory(region=region, title=title,
                                     parties=[partners[p] for p in parties])  # fmt: skip
        agreement.document.name = _document(key)
        agreement.document_name, agreement.document_type = f"{key}.pdf", "application/pdf"
        agreement.save()
        world.add("network_agreement", key, agreement, title)
        world.add("network_managed_agreement", key, agreement, title)

    groups = {
        "eikenlaan": GroupFactory(region=rivierenland, name="Stuurgroep Eikenlaan"),
        "beukenhof": GroupFactory(region=rivierenland, kind="working", name="Werkgroep Beukenhof",
                                  members=[users["provider_staff_aster"]]),
        "vlierbes": GroupFactory(region=kempen, name="Stuurgroep Vlierbes"),
    }  # fmt: skip
    for key, group in groups.items():
        world.add("network_managed_group", key, group, group.name)
    meetings = {
        "kastanje": MeetingFactory(group=groups["eikenlaan"], title="Vergadering Kastanje"),
        "esdoorn": MeetingFactory(group=groups["beukenhof"], title="Vergadering Esdoorn"),
        "lijsterbes": MeetingFactory(group=groups["vlierbes"], title="Vergadering Lijsterbes"),
    }
    for key, meeting in meetings.items():
        world.add("network_meeting", key, meeting, meeting.title)
        world.add("network_managed_meeting", key, meeting, meeting.title)
    points = {
        "notelaar": ActionPointFactory(meeting=meetings["kastanje"], title="Actiepunt Notelaar",
                                       owner=users["officer_mechelen"]),
        "hulst": ActionPointFactory(meeting=meetings["lijsterbes"], title="Actiepunt Hulst",
                                    owner=None, owner_partner=partners["agentschap_lindelaan"]),
    }  # fmt: skip
    for key, point in points.items():
        world.add("network_action_point", key, point, point.title)
        world.add("network_changeable_action_point", key, point, point.title)
    _add_plans(world, rivierenland, kempen)
    _add_library(world, rivierenland, kempen)


def _add_plans(world, rivierenland, kempen) -> None:
    for key, action_key, region, title, action_title in [
        ("wilgenroos", "sleedoorn", rivierenland, "Actieplan Wilgenroos", "Actie Sleedoorn"),
        ("duizendblad", "klaproos", kempen, "Actieplan Duizendblad", "Actie Klaproos"),
    ]:
        plan = PlanFactory(region=region, title=title)
        action = ActionFactory(pillar=PillarFactory(plan=plan, number=1), title=action_title)
        IndicatorFactory(action=action, measure="buddy_places", target=Decimal("50"))
        world.add("network_plan", key, plan, title)
        world.add("network_managed_plan", key, plan, title)
        world.add("network_managed_action", action_key, action, action_title)


def _add_library(world, rivierenland, kempen) -> None:
    practices = {
        "praktijk_madeliefje": PracticeFactory(region=rivierenland, title="Praktijk Madeliefje"),
        "praktijk_zonnebloem": PracticeFactory(region=rivierenland, title="Praktijk Zonnebloem",
                                               shared=True),
        "praktijk_korenbloem": PracticeFactory(region=kempen, title="Praktijk Korenbloem"),
    }  # fmt: skip
    for key, practice in practices.items():
        world.add("network_practice", key, practice, practice.title)
        world.add("network_managed_practice", key, practice, practice.title)
    attachment = practices["praktijk_zonnebloem"].attachments.create(
        file=_document("zonnebloem"), name="Bijlage Zonnebloem.pdf",
        content_type="application/pdf", size=15,
    )  # fmt: skip
    world.add("network_practice_attachment", "praktijk_zonnebloem", attachment, attachment.name)
    for key, deliverable_key, region, title, deliverable_title in [
        (
            "vlinderbloem",
            "goudsbloem",
            rivierenland,
            "Aanvraag Vlinderbloem",
            "Levering Goudsbloem",
        ),
        ("pinksterbloem", "boterbloem", kempen, "Aanvraag Pinksterbloem", "Levering Boterbloem"),
    ]:
        application = ApplicationFactory(region=region, title=title)
        deliverable = DeliverableFactory(application=application, title=deliverable_title)
        deliverable.document.name = _document(deliverable_key)
        deliverable.document_name, deliverable.document_type = "rapport.pdf", "application/pdf"
        deliverable.save()
        world.add("network_application", key, application, title)
        world.add("network_managed_application", key, application, title)
        world.add("network_deliverable", deliverable_key, deliverable, deliverable_title)
        world.add("network_managed_deliverable", deliverable_key, deliverable, deliverable_title)
        report = DeliverableReport.objects.create(
            deliverable=deliverable, kind=DeliverableReport.Kind.REPORT_PDF, quarter="2024-Q2",
            scope_label=region.name, file=_document(f"rapport-{deliverable_key}"),
            file_name=f"pnt-{deliverable_key}-2024-Q2.pdf", content_type="application/pdf",
            size=15,
        )  # fmt: skip
        world.add("network_deliverable_report", deliverable_key, report, report.file_name)
