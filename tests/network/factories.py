"""Factories of the network's own work (partners, meetings, the plan, funding)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from pnt.network.models import (
    Action,
    ActionPoint,
    Agreement,
    Deliverable,
    FundingApplication,
    FundingProgramme,
    Group,
    Indicator,
    Meeting,
    Partner,
    Pillar,
    Plan,
    Practice,
)
from tests.factories import region


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    region = factory.LazyFunction(lambda: region("rivierenland"))
    name = factory.Sequence(lambda n: f"Partner {n}")
    tier = Partner.Tier.WIDER
    sector = Partner.Sector.WELFARE


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    region = factory.LazyFunction(lambda: region("rivierenland"))
    kind = Agreement.Kind.COOPERATION
    title = factory.Sequence(lambda n: f"Samenwerkingsovereenkomst {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=700))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))
    notice_days = 90

    @factory.post_generation
    def parties(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.parties.set(extracted)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        skip_postgeneration_save = True

    region = factory.LazyFunction(lambda: region("rivierenland"))
    kind = Group.Kind.STEERING
    name = factory.Sequence(lambda n: f"Stuurgroep {n}")

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.set(extracted)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    title = factory.Sequence(lambda n: f"Vergadering {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))


class ActionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPoint

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Actiepunt {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    region = factory.LazyFunction(lambda: region("rivierenland"))
    title = factory.Sequence(lambda n: f"Actieplan {n}")
    starts_on = dt.date(2023, 1, 1)
    ends_on = dt.date(2028, 12, 31)


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Pijler {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    pillar = factory.SubFactory(PillarFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    status = Action.Status.IN_PROGRESS


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    name = "Plaatsen in buddyprojecten"
    measure = "buddy_places"
    target = Decimal("50")


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    region = factory.LazyFunction(lambda: region("rivierenland"))
    title = factory.Sequence(lambda n: f"Praktijk {n}")
    summary = "Een goede praktijk."
    where = "Mechelen"
    themes = factory.LazyFunction(lambda: ["buddy"])


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme
        django_get_or_create = ("name",)

    name = "AMIF"
    funder = FundingProgramme.Funder.EUROPE


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    region = factory.LazyFunction(lambda: region("rivierenland"))
    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Aanvraag {n}")
    amount_requested = Decimal("120000")
    starts_on = dt.date(2025, 1, 1)
    ends_on = dt.date(2026, 12, 31)
    status = FundingApplication.Status.GRANTED


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    application = factory.SubFactory(ApplicationFactory)
    title = factory.Sequence(lambda n: f"Tussentijds rapport {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
    remind_days = 21
