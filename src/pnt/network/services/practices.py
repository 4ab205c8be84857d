"""The library of good practices and their attachments."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from pnt.accounts.models import User
from pnt.geo.models import Region
from pnt.network.documents import ATTACHMENTS, check_upload, original_name
from pnt.network.errors import NetworkError
from pnt.network.models import Action, Practice, PracticeAttachment, PracticeTheme
from pnt.offer.models import Activity

PRACTICE_FIELDS = ("title", "summary", "where", "contact", "effort", "results", "shared")


@transaction.atomic
def create_practice(
    *,
    region: Region,
    by: User,
    themes: Iterable[str] = (),
    activities: Iterable[Activity] = (),
    actions: Iterable[Action] = (),
    **fields,
) -> Practice:
    """A practice in the region's library, linked to activities of the offer and to
    actions of the region's plan."""
    themes = list(dict.fromkeys(themes))
    if set(themes) - set(PracticeTheme.values):
        raise NetworkError(_("Unknown theme."))
    actions = list(actions)
    if any(a.pillar.plan.region_id != region.pk for a in actions):
        raise NetworkError(_("Link only actions of this network's plan."))
    practice = Practice.objects.create(
        region=region,
        themes=themes,
        created_by=by,
        **{k: v for k, v in fields.items() if k in PRACTICE_FIELDS},
    )
    practice.activities.set(list(activities))
    practice.actions.set(actions)
    return practice


@transaction.atomic
def add_attachment(*, practice: Practice, by: User, upload: UploadedFile) -> PracticeAttachment:
    """Attach a file (PDF, office document or picture, at most 10 MB), checked on its
    content; raises :class:`NetworkError` otherwise."""
    content_type = check_upload(upload, ATTACHMENTS)
    name = original_name(upload)
    attachment = PracticeAttachment(
        practice=practice, name=name, content_type=content_type, size=upload.size,
        uploaded_by=by,
    )  # fmt: skip
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment
