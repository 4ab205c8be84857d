"""The `pnt` console script: Django's management commands with pnt's settings.

`pnt demo` migrates, loads the demo region and serves it; `pnt serve` serves; every other
Django command works as usual (`pnt migrate`, `pnt seed --scale flanders`, …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pnt.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "pnt"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
