"""Authentication backends: password logins are throttled by django-axes."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class ThrottledBackend(AxesStandaloneBackend):
    """Refuses a login while its username and address are locked out (django-axes).

    Axes needs the request to know the address. An authentication without a request (the
    test client's ``login()``, the shell) has no address to throttle: this backend then
    steps aside and the model backend that follows decides, as without axes.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
