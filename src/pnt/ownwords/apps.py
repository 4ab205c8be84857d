from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OwnWordsConfig(AppConfig):
    """A newcomer's own words, in any language, matched to the Dutch-language offer."""

    name = "pnt.ownwords"
    verbose_name = _("Own words")

    def ready(self) -> None:
        from pnt.ownwords import signals

        signals.connect()
