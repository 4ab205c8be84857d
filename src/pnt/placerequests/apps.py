from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlaceRequestsConfig(AppConfig):
    name = "pnt.placerequests"
    verbose_name = _("Requests from the public catalogue")
