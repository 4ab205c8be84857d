"""Checks on uploaded files: the kind is read from the content (not the name), the size is
bounded. Uploads are stored outside the static files and are only handed out by views that
check the scope; nothing under MEDIA_ROOT has a public URL."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The first bytes of each kind of file we accept.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
    "csv": {".csv", ".txt"},
    "json": {".json", ".jsonld"},
}
TEXT_KINDS = {"csv", "json"}


def _head(upload, size: int = 4096) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def kind_of(upload, allowed: Iterable[str]) -> str | None:
    """The first allowed kind the file's content and name agree with, or None."""
    name = (getattr(upload, "name", "") or "").lower()
    head = _head(upload)
    for kind in allowed:
        if not any(name.endswith(ext) for ext in EXTENSIONS[kind]):
            continue
        if kind in TEXT_KINDS:
            if b"\x00" in head:
                continue
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as error:
                # A multi-byte character cut at the end of the sample is fine.
                if error.start < len(head) - 4:
                    continue
            return kind
        if head.startswith(SIGNATURES[kind]):
            return kind
    return None


def upload_validator(*kinds: str, max_mb: int | None = None) -> Callable[[object], None]:
    """A form field validator accepting only these kinds of file, up to the size limit
    (settings.PNT_UPLOAD_MAX_MB unless given)."""

    def validate(upload) -> None:
        limit = (max_mb or settings.PNT_UPLOAD_MAX_MB) * 1024 * 1024
        if upload.size > limit:
            raise ValidationError(
                _("The file is too large: at most %(mb)s MB.")
                % {"mb": max_mb or settings.PNT_UPLOAD_MAX_MB}
            )
        if kind_of(upload, kinds) is None:
            raise ValidationError(
                _("This kind of file is not accepted. Accepted: %(kinds)s.")
                % {"kinds": ", ".join(k.upper() for k in kinds)}
            )

    return validate


# The validators the upload fields use.
signed_paper = upload_validator("pdf", "png", "jpeg")
import_file = upload_validator("csv", "json")
