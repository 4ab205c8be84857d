from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "pnt.outreach"
    verbose_name = _("Follow-on, demand and information")

    def ready(self) -> None:
        # The public information pages are product content, like reference data: the first
        # migrate writes their initial text; later runs only add pages that are missing.
        post_migrate.connect(_seed_pages, sender=self)


def _seed_pages(sender, using: str = "default", **kwargs) -> None:
    from pnt.outreach.infopages import seed_pages

    seed_pages(using=using)
