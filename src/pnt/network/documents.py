"""Uploaded documents of the network (agreements, attachments, deliverables): checked for
type and size on the way in, and served only through scoped views on the way out.

Files live under MEDIA_ROOT with random names; pnt publishes no URL for MEDIA_ROOT, so the
only way to a document is a view that first finds its object in the user's scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext as _

from pnt.network.errors import NetworkError

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Kind:
    content_type: str
    magic: tuple[bytes, ...]


ZIP = (b"PK\x03\x04",)
KINDS = {
    ".pdf": Kind("application/pdf", (b"%PDF-",)),
    ".docx": Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".odt": Kind("application/vnd.oasis.opendocument.text", ZIP),
    ".xlsx": Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".pptx": Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    ".png": Kind("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": Kind("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": Kind("image/jpeg", (b"\xff\xd8\xff",)),
}
# Agreements and deliverables are documents; practices may also carry pictures and sheets.
DOCUMENTS = (".pdf", ".docx", ".odt")
ATTACHMENTS = tuple(KINDS)


def check_upload(upload: UploadedFile, allowed: tuple[str, ...] = DOCUMENTS) -> str:
    """The content type of an acceptable upload; raises :class:`NetworkError` when the file
    is too large, of a type not allowed, or not what its name says (checked on its first
    bytes, not on what the browser claims)."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in allowed:
        names = ", ".join(s.lstrip(".").upper() for s in allowed)
        raise NetworkError(
            _("This type of file is not accepted; use %(types)s.") % {"types": names}
        )
    if upload.size is None or upload.size > MAX_BYTES:
        raise NetworkError(_("The file is larger than 10 MB."))
    if upload.size == 0:
        raise NetworkError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = KINDS[suffix]
    if not any(head.startswith(magic) for magic in kind.magic):
        raise NetworkError(
            _("The file is not a real %(type)s file.") % {"type": suffix[1:].upper()}
        )
    return kind.content_type


def original_name(upload: UploadedFile) -> str:
    return PurePath(upload.name or "document").name[:200]


def serve(field_file, name: str, content_type: str) -> FileResponse:
    """The stored file as a download, under its original name; never rendered inline."""
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=True,
        filename=name or PurePath(field_file.name).name,
        content_type=content_type or "application/octet-stream",
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
