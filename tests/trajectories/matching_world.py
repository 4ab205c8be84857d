"""Demo-like people and activities for the matching tests, in Rivierenland.

Mechelen is the centre; Sint-Katelijne-Waver lies 7 km away, Bornem 16 km. A newcomer on a
bike reaches 8 km, so Bornem is out of reach for them.
"""

from __future__ import annotations

import datetime as dt

from pnt.trajectories.models import Intake, Newcomer
from tests.factories import ActivityFactory, NewcomerFactory, ProviderFactory, municipality

MECHELEN, SKW, BORNEM, PUTTE = "12025", "12035", "12007", "12029"


def intake_for(newcomer: Newcomer, **answers) -> Intake:
    defaults = {
        "mobility": "bike",
        "max_km": 8,
        "availability": ["tue-evening", "thu-evening", "sat-morning"],
        "talents": [],
    }
    return Intake.objects.create(newcomer=newcomer, **{**defaults, **answers})


def cook_who_bikes(**details) -> Newcomer:
    """Samira lives in Mechelen, loves cooking, bikes up to 8 km and speaks a little Dutch."""
    defaults = {
        "first_name": "Samira",
        "last_name": "Benali",
        "municipality": municipality(MECHELEN),
        "interests": ["cooking"],
        "goals": ["meet_people"],
        "dutch_level": 1,
    }
    newcomer = NewcomerFactory(**{**defaults, **details})
    intake_for(newcomer)
    return newcomer


def activity_in(nis_code: str, title: str, **fields):
    provider = ProviderFactory(name=f"Vereniging {title}", municipality=municipality(nis_code))
    defaults = {
        "provider": provider,
        "title": title,
        "type": "samen_doen",
        "themes": ["cooking"],
        "goals": ["meet_people"],
        "dutch_level": 0,
        "weekday": 1,  # Tuesday
        "start_time": dt.time(18, 0),
        "end_time": dt.time(20, 0),
    }
    return ActivityFactory(**{**defaults, **fields})


def cooking_nearby(**fields):
    return activity_in(MECHELEN, "Samen koken Mechelen", **fields)


def conversation_table_across_the_region(**fields):
    defaults = {
        "type": "conversation_table",
        "themes": ["language"],
        "goals": ["learn_dutch", "meet_people"],
        "weekday": 3,
    }
    return activity_in(BORNEM, "Praattafel Bornem", **{**defaults, **fields})
