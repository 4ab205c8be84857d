"""Factories for tests: every object a test needs, with plausible defaults."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from pnt.accounts.models import Membership, Role, User
from pnt.buddies.models import Volunteer
from pnt.geo.models import Municipality, Region
from pnt.offer.models import Activity, Provider
from pnt.trajectories.models import Enrolment, Newcomer, Trajectory

TEST_PASSWORD = "correct-horse-battery-staple"


def municipality(nis_code: str) -> Municipality:
    """A municipality of the reference geography loaded for the test session."""
    return Municipality.objects.get(nis_code=nis_code)


def region(slug: str = "rivierenland") -> Region:
    return Region.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def user_with_role(role: str, **scope) -> User:
    """A user holding one membership, e.g. `user_with_role("coach", region=r)`."""
    user = UserFactory()
    Membership.objects.create(user=user, role=role, **scope)
    if role == Role.ADMIN:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Vereniging {n}")
    kind = Provider.Kind.ASSOCIATION
    municipality = factory.LazyFunction(lambda: municipality("12025"))
    email = factory.Sequence(lambda n: f"info{n}@vereniging.example")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    description = "Samen koken en praten."
    type = "samen_doen"
    themes = factory.LazyFunction(lambda: ["cooking"])
    goals = factory.LazyFunction(lambda: ["meet_people"])
    municipality = factory.LazyAttribute(lambda a: a.provider.municipality)
    latitude = factory.LazyAttribute(lambda a: a.municipality.latitude)
    longitude = factory.LazyAttribute(lambda a: a.municipality.longitude)
    schedule_kind = Activity.ScheduleKind.WEEKLY
    weekday = 1
    start_time = dt.time(18, 0)
    end_time = dt.time(20, 0)
    start_date = factory.LazyFunction(lambda: timezone.localdate())
    end_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=120))
    hours_per_session = Decimal("2")
    total_hours = Decimal("20")
    capacity = 10
    status = Activity.Status.PUBLISHED
    validated_at = factory.LazyFunction(timezone.now)


class NewcomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Newcomer
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"newcomer{n}@example.org")
    municipality = factory.LazyFunction(lambda: municipality("12025"))
    languages = factory.LazyFunction(lambda: ["ar"])
    dutch_level = 1
    birth_year = 1990
    obligation_start = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=60))
    interests = factory.LazyFunction(lambda: ["cooking"])
    trajectory = factory.RelatedFactory(
        f"{__name__}.TrajectoryFactory", factory_related_name="newcomer"
    )


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    newcomer = factory.SubFactory(NewcomerFactory, trajectory=None)
    status = Trajectory.Status.SEARCHING


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    newcomer = factory.SubFactory(NewcomerFactory)
    activity = factory.SubFactory(ActivityFactory)
    status = Enrolment.Status.CONFIRMED


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.Sequence(lambda n: f"volunteer{n}@example.org")
    municipality = factory.LazyFunction(lambda: municipality("12025"))
    interests = factory.LazyFunction(lambda: ["football", "cooking"])
    languages = factory.LazyFunction(lambda: ["nl", "en"])
    status = Volunteer.Status.AVAILABLE
    consent_at = factory.LazyFunction(timezone.now)
