"""Controlled vocabularies of the offer: activity types, themes, goals, Dutch levels.

Kept in code (not in tables) because the matching core, the pictograms and the
translations all depend on the same fixed list; changing it is a code change.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    BUDDY = "buddy", _("buddy project")
    CONVERSATION_TABLE = "conversation_table", _("conversation table")
    SAMEN_DOEN = "samen_doen", _("Samen Doen group activity")
    VOLUNTEERING = "volunteering", _("volunteering")
    PLACEMENT = "placement", _("introductory placement")
    SPORT = "sport", _("sport")
    CULTURE = "culture", _("culture")
    FAMILY = "family", _("family activity")
    OTHER = "other", _("other")


class Theme(models.TextChoices):
    """Interests and talents a newcomer can share with an activity or a buddy."""

    COOKING = "cooking", _("cooking")
    FOOTBALL = "football", _("football")
    SPORT = "sport", _("sport and exercise")
    WALKING = "walking", _("walking and nature")
    CYCLING = "cycling", _("cycling")
    MUSIC = "music", _("music and singing")
    DANCE = "dance", _("dance")
    ARTS = "arts", _("arts and crafts")
    SEWING = "sewing", _("sewing and textiles")
    GARDENING = "gardening", _("gardening")
    READING = "reading", _("reading and books")
    MUSEUMS = "museums", _("museums and heritage")
    CHILDREN = "children", _("children and family")
    CARE = "care", _("care and helping others")
    TECHNOLOGY = "technology", _("computers and technology")
    GAMES = "games", _("games")
    ANIMALS = "animals", _("animals")
    DIY = "diy", _("repairs and DIY")
    LANGUAGE = "language", _("languages and talking")
    WORK = "work", _("work and jobs")


class Goal(models.TextChoices):
    LEARN_DUTCH = "learn_dutch", _("practise Dutch")
    MEET_PEOPLE = "meet_people", _("meet people")
    MAKE_FRIENDS = "make_friends", _("make friends")
    LEARN_NEW = "learn_new", _("learn something new")
    VOLUNTEER = "volunteer", _("do volunteer work")
    PREPARE_WORK = "prepare_work", _("prepare for work")


class DutchLevel(models.IntegerChoices):
    """CEFR levels; an activity's needed level must not exceed the newcomer's."""

    NONE = 0, _("no Dutch needed")
    A1 = 1, "A1"
    A2 = 2, "A2"
    B1 = 3, "B1"
    B2 = 4, "B2"
