"""Demo and benchmark data: a deterministic Rivierenland, or all of Flanders.

The commands `pnt seed` and `pnt demo` are thin faces over these functions.
"""

from pnt.web.demo.generator import SeedError, existing_data, fingerprint, reset, seed
from pnt.web.demo.users import DEMO_LOGINS, DEMO_PASSWORD, LoginRow, login_table
from pnt.web.demo.world import SCALES

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "SCALES",
    "LoginRow",
    "SeedError",
    "existing_data",
    "fingerprint",
    "login_table",
    "reset",
    "seed",
]
