from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfferConfig(AppConfig):
    name = "pnt.offer"
    verbose_name = _("Offer")
