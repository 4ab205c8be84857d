"""The network's own work in the demo: Rivo's partners and agreements, its steering group
and a working group with decisions and action points, the action plan with live
indicators, a few good practices and the AMIF funding with its deliverables.

    add_network_demo(region, users)  → counts of what was made

`users` maps demo usernames to users (``world.staff.logins``); missing logins are skipped.
Run it after the offer, the people and the buddy project, so the live figures have data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pnt.geo.models import Region
from pnt.network import queries, services
from pnt.network.models import Action, FundingProgramme, Group, Partner
from pnt.offer.models import Activity, Provider

# (name, sector, role in the network) of the wider partners, besides the providers.
WIDER = [
    ("Welzijnsschakels Rivierenland", "welfare", "Toeleiding van gezinnen in armoede."),
    ("Sportregio Rivierenland", "sport", "Sportclubs als onthaalfiguur; Samen Doen-sport."),
    ("Kinderopvang De Speelboot", "childcare", "Opvang tijdens activiteiten van ouders."),
    ("Vrijwilligerspunt Mechelen", "volunteering", "Vrijwilligerswerk voor nieuwkomers."),
    ("Bouwbedrijf Van Loock", "company", "Kennismakingsstages op de werf."),
]


def add_network_demo(region: Region, users: dict, *, today: dt.date | None = None) -> Counter:
    """Generate the network space of the region (deterministic for the same data)."""
    today = today or timezone.localdate()
    coordinator = users.get("coordinator")
    counts: Counter = Counter()
    with transaction.atomic():
        partners = _partners(region, users, counts)
        _agreements(region, coordinator, partners, today, counts)
        plan_actions = _plan(region, coordinator, partners, today, counts)
        _meetings(region, users, partners, plan_actions, today, counts)
        _practices(region, coordinator, plan_actions, counts)
        _funding(region, coordinator, today, counts)
    return counts


def _partners(region: Region, users: dict, counts: Counter) -> dict[str, Partner]:
    by = users.get("coordinator")
    partners: dict[str, Partner] = {}
    for municipality in region.municipalities.current().order_by("name_nl"):
        partners[municipality.name_nl] = services.create_partner(
            region=region,
            by=by,
            name=f"Lokaal bestuur {municipality.name_nl}",
            tier=Partner.Tier.CORE,
            sector=Partner.Sector.LOCAL_GOVERNMENT,
            municipality=municipality,
            role="Gastgemeente en promotor." if municipality.pk == region.host_id else "",
        )
    agency = services.create_partner(
        region=region,
        by=by,
        name="Agentschap Integratie en Inburgering",
        tier=Partner.Tier.CORE,
        sector=Partner.Sector.INTEGRATION_AGENCY,
        role="Trajectbegeleiding; stem van de nieuwkomer in de stuurgroep.",
    )
    partners["agii"] = agency
    if users.get("counsellor"):
        services.add_contact(
            partner=agency,
            by=by,
            name=str(users["counsellor"]),
            function="Trajectbegeleider",
            user=users["counsellor"],
        )
    for name, sector, role in WIDER:
        partners[name] = services.create_partner(
            region=region, by=by, name=name, tier=Partner.Tier.WIDER, sector=sector, role=role
        )
    busiest = (
        Provider.objects.filter(municipality__regions=region, activities__status="published")
        .order_by("pk")
        .distinct()[:4]
    )
    for provider in busiest:
        partners[f"provider:{provider.pk}"] = services.create_partner(
            region=region,
            by=by,
            name=provider.name,
            tier=Partner.Tier.WIDER,
            sector=Partner.Sector.PROVIDER,
            provider=provider,
            role="Aanbieder van PNT-activiteiten.",
        )
    for key, username in (("Mechelen", "officer.mechelen"), ("Putte", "officer.putte")):
        user = users.get(username)
        if user is not None and key in partners:
            services.add_contact(
                partner=partners[key],
                by=by,
                name=str(user),
                function="Beleidsmedewerker integratie",
                email=user.email,
                user=user,
            )
    counts["network partners"] += len(partners)
    return partners


def _agreements(region, coordinator, partners, today, counts) -> None:
    core = [p for p in partners.values() if p.tier == Partner.Tier.CORE]
    services.create_agreement(
        region=region,
        by=coordinator,
        kind="cooperation",
        title="Samenwerkingsovereenkomst regionaal netwerk 2023-2028",
        parties=core,
        starts_on=dt.date(2023, 1, 1),
        ends_on=dt.date(2028, 12, 31),
        notice_days=180,
    )
    # Ends soon: the renewal reminder is due (it shows on the network's overview).
    services.create_agreement(
        region=region,
        by=coordinator,
        kind="covenant",
        title="Convenant kinderopvang tijdens activiteiten",
        parties=[partners["Kinderopvang De Speelboot"], partners["agii"]],
        starts_on=today - dt.timedelta(days=700),
        ends_on=today + dt.timedelta(days=45),
        notice_days=60,
    )
    services.create_agreement(
        region=region,
        by=coordinator,
        kind="data_processing",
        title="Verwerkersovereenkomst pnt",
        parties=core[:3] + [partners["agii"]],
        starts_on=dt.date(2024, 3, 1),
    )
    counts["network agreements"] += 3


# (pillar, [(action, status, [(indicator name, live measure, target, typed value)])])
PLAN = [
    ("Het traject bekendmaken", [
        ("Aanbieders helpen publiceren op ikdoemee.be", "in_progress",
         [("Organisaties met gepubliceerd aanbod", "providers_with_offer", 60, None)]),
        ("Infosessies voor diensten van de gemeenten", "done",
         [("Infosessies gegeven", "", 12, 12)]),
    ]),
    ("Het aanbod laten groeien", [
        ("Regionaal buddyproject Compagnons starten", "in_progress",
         [("Plaatsen in buddyprojecten", "buddy_places", 60, None),
          ("Actieve buddyduo's", "active_buddy_pairs", 40, None)]),
        ("Gezinsvriendelijk aanbod in elke gemeente", "delayed",
         [("Gemeenten met een gezinsactiviteit", "municipalities_with_family_activity", 0, None)]),
        ("Een praattafel in elke gemeente", "in_progress",
         [("Gemeenten met een praattafel", "municipalities_with_conversation_table", 0, None)]),
    ]),
    ("Toeleiden en doorstromen", [
        ("Vrijwilligerswerk door nieuwkomers", "planned",
         [("Nieuwkomers die vrijwilligerswerk doen", "newcomers_volunteering", 30, None)]),
        ("Gerichte toeleiding via de sociale diensten", "in_progress",
         [("Nieuwkomers in een traject", "newcomers_in_trajectory", 500, None)]),
    ]),
]  # fmt: skip


def _plan(region, coordinator, partners, today, counts) -> dict[str, Action]:
    plan = services.create_plan(
        region=region,
        by=coordinator,
        title=f"Actieplan {region.name} 2023-2028",
        vision="Elke nieuwkomer vindt in de eigen gemeente een netwerk dat blijft.",
        starts_on=dt.date(2023, 1, 1),
        ends_on=dt.date(2028, 12, 31),
    )
    every = region.municipalities.current().count()
    actions: dict[str, Action] = {}
    for pillar_title, rows in PLAN:
        pillar = services.add_pillar(plan=plan, by=coordinator, title=pillar_title)
        for title, status, indicators in rows:
            action = services.create_action(
                pillar=pillar,
                by=coordinator,
                title=title,
                status=status,
                owner=coordinator,
                starts_on=dt.date(2023, 9, 1),
                ends_on=dt.date(2026, 12, 31),
            )
            for name, measure, target, typed in indicators:
                services.add_indicator(
                    action=action,
                    by=coordinator,
                    name=name,
                    measure=measure,
                    target=Decimal(target or every),
                    manual_value=None if typed is None else Decimal(typed),
                )
            actions[title] = action
            counts["plan actions"] += 1
    return actions


def _meetings(region, users, partners, plan_actions, today, counts) -> None:
    coordinator = users.get("coordinator")
    officers = [users[u] for u in ("officer.mechelen", "officer.putte") if users.get(u)]
    steering = services.create_group(
        region=region,
        by=coordinator,
        kind=Group.Kind.STEERING,
        name=f"Stuurgroep {region.name}",
        purpose="Strategie, opvolging van het actieplan en afstemming tussen de besturen.",
        members=[u for u in [coordinator, users.get("counsellor"), *officers] if u],
        partners=[partners["agii"], *[p for p in partners.values() if p.municipality_id][:4]],
    )
    working = services.create_group(
        region=region,
        by=coordinator,
        kind=Group.Kind.WORKING,
        name="Werkgroep Ontmoeting",
        purpose="Praattafels, Samen Doen en het buddyproject: casussen en goede praktijken.",
        members=[u for u in [coordinator, users.get("coach"), users.get("provider")] if u],
    )
    march = _at(today - dt.timedelta(days=75), 14)
    past = services.plan_meeting(
        group=steering,
        by=coordinator,
        starts_at=march,
        title="Stuurgroep voorjaar",
        place="Stadhuis Mechelen",
    )
    buddy = plan_actions["Regionaal buddyproject Compagnons starten"]
    services.add_agenda_item(meeting=past, by=coordinator, title=buddy.title, action=buddy)
    services.record_decision(
        meeting=past,
        by=coordinator,
        text="Compagnons breidt uit naar Putte, Berlaar en Nijlen, waar nog geen buddy's zijn.",
        action_points=[
            {
                "title": "Vrijwilligers werven in Putte",
                "owner": officers[-1] if officers else None,
                "owner_partner": None if officers else partners["agii"],
                "due_on": today - dt.timedelta(days=4),
            },
            {
                "title": "Flyer Compagnons vertalen (Oekraïens, Arabisch)",
                "owner": coordinator,
                "due_on": today + dt.timedelta(days=20),
            },
        ],
    )
    done = services.record_decision(
        meeting=past,
        by=coordinator,
        text="De infosessies voor de sociale diensten lopen verder.",
        action_points=[
            {
                "title": "Data infosessies vastleggen",
                "owner": coordinator,
                "due_on": today - dt.timedelta(days=30),
            }
        ],
    )
    for point in done.action_points.all():
        services.change_action_point(action_point=point, by=coordinator, status="done")
    services.save_minutes(meeting=past, by=coordinator, minutes="Aanwezig: alle besturen en AgII.")
    upcoming = services.plan_meeting(
        group=steering,
        by=coordinator,
        starts_at=_at(today + dt.timedelta(days=14), 14),
        title="Stuurgroep najaar",
        place="Stadhuis Mechelen",
    )
    services.agenda_from_open_actions(
        meeting=upcoming,
        by=coordinator,
        action_points=list(queries.open_action_points(steering)),
        actions=list(queries.open_actions(steering)[:3]),
    )
    services.plan_meeting(
        group=working,
        by=coordinator,
        starts_at=_at(today + dt.timedelta(days=9), 10),
        title="Werkgroep Ontmoeting",
        place="Bibliotheek Lier",
    )
    counts["network meetings"] += 3


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


PRACTICES = [
    ("Compagnons: duo's op gedeelde interesses", "buddy", ["buddy", "volunteering"],
     "Stad Mechelen en AgII", "Een coach (0,5 VTE), een intake per vrijwilliger, twee "
     "opvolgmomenten per duo.", "Negen op tien duo's halen de zes maanden."),
    ("Praattafel in de bibliotheek", "conversation_table", ["conversation", "follow_on"],
     "Bibliotheek Lier", "Een lokaal, vier vrijwilligers, thema's per week.",
     "Wekelijks twintig deelnemers; een derde stroomt door naar een vereniging."),
    ("Gezinsnamiddag met kinderopvang", "family", ["family", "barriers"],
     "Gemeente Duffel", "Opvang door De Speelboot, gratis met UiTPAS.",
     "Moeders die eerder niet konden, komen nu mee."),
    ("Samen Doen: wandelen en koken", "samen_doen", ["samen_doen", "welcome"],
     "Vzw Ontmoeting Bornem", "Een vaste begeleider en een budget voor ingrediënten.",
     "Taal volgt vanzelf; deelnemers nemen buren mee."),
]  # fmt: skip


def _practices(region, coordinator, plan_actions, counts) -> None:
    buddy_action = plan_actions["Regionaal buddyproject Compagnons starten"]
    for title, activity_type, themes, where, effort, results in PRACTICES:
        activities = (
            Activity.objects.published()
            .filter(municipality__regions=region, type=activity_type)
            .order_by("pk")[:2]
        )
        services.create_practice(
            region=region,
            by=coordinator,
            title=title,
            summary=title,
            where=where,
            contact="netwerk@rivo.example",
            effort=effort,
            results=results,
            themes=themes,
            activities=activities,
            actions=[buddy_action] if activity_type == "buddy" else [],
            shared=activity_type in ("buddy", "family"),
        )
        counts["good practices"] += 1


def _funding(region, coordinator, today, counts) -> None:
    flanders, _ = FundingProgramme.objects.get_or_create(
        name="Regionale netwerken participatie (Vlaanderen)",
        defaults={"funder": FundingProgramme.Funder.FLANDERS},
    )
    amif, _ = FundingProgramme.objects.get_or_create(
        name="AMIF", defaults={"funder": FundingProgramme.Funder.EUROPE}
    )
    programme_grant = services.create_application(
        region=region,
        by=coordinator,
        programme=flanders,
        title="Werkingsmiddelen netwerk",
        amount_requested=Decimal("180000"),
        starts_on=dt.date(2023, 1, 1),
        ends_on=dt.date(2028, 12, 31),
        owner=coordinator,
    )
    services.change_application_status(
        application=programme_grant,
        by=coordinator,
        status="granted",
        amount_granted=Decimal("180000"),
    )
    services.add_deliverable(
        application=programme_grant,
        by=coordinator,
        title="Jaarverslag aan Vlaanderen",
        due_on=today + dt.timedelta(days=18),
    )
    amif_application = services.create_application(
        region=region,
        by=coordinator,
        programme=amif,
        title="Compagnons in de kleine gemeenten",
        amount_requested=Decimal("95000"),
        starts_on=dt.date(today.year, 1, 1),
        ends_on=dt.date(today.year + 1, 12, 31),
        submit_by=today + dt.timedelta(days=40),
        owner=coordinator,
    )
    services.add_deliverable(
        application=amif_application,
        by=coordinator,
        title="Tussentijds inhoudelijk rapport",
        due_on=today + dt.timedelta(days=120),
    )
    counts["funding applications"] += 2
