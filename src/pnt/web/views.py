"""The web shell: home, health check, login and the dashboard per role."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pnt.accounts.models import Role
from pnt.accounts.scoping import scope_for
from pnt.buddies.models import Volunteer
from pnt.geo.models import Region
from pnt.offer.models import Activity
from pnt.trajectories.models import Newcomer, Trajectory


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    return redirect("public_catalogue")


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


# The dashboard shown first when a user has several roles.
ROLE_ORDER = [
    Role.ADMIN,
    Role.COORDINATOR,
    Role.COACH,
    Role.MUNICIPAL_OFFICER,
    Role.COUNSELLOR,
    Role.PROVIDER_STAFF,
]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    role = next((r for r in ROLE_ORDER if r in scope.roles), None)
    if role is None and scope.is_admin:
        role = Role.ADMIN
    newcomers = Newcomer.objects.visible_to(request.user)
    activities = Activity.objects.manageable_by(request.user)
    follows_newcomers = role in (Role.ADMIN, Role.COORDINATOR, Role.COACH, Role.COUNSELLOR)
    context = {
        "follows_newcomers": follows_newcomers,
        "work": _work_to_do(request.user, scope) if follows_newcomers else {},
        "role": role,
        "role_label": Role(role).label if role else "",
        "regions": Region.objects.filter(pk__in=scope.region_ids)
        if not scope.is_admin
        else Region.objects.all(),
        "newcomer_count": newcomers.count(),
        # Provider staff do not learn how their participants' trajectories stand.
        "trajectory_counts": {}
        if role == Role.PROVIDER_STAFF
        else dict(
            Trajectory.objects.filter(newcomer__in=newcomers)
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        ),
        "activity_count": activities.count(),
        "published_count": activities.filter(status=Activity.Status.PUBLISHED).count(),
        "draft_count": activities.filter(status=Activity.Status.DRAFT).count(),
        "volunteer_count": Volunteer.objects.visible_to(request.user).count(),
        "recent_newcomers": newcomers.select_related("municipality", "trajectory").order_by(
            "-created_at"
        )[:8],
        "my_activities": activities.select_related("municipality")
        .annotate(
            taken=Count(
                "enrolments",
                filter=Q(enrolments__status__in=["offered", "confirmed", "attending"]),
            )
        )
        .order_by("-updated_at")[:8],
        "status_choices": Trajectory.Status.choices,
    }
    return render(request, "web/dashboard.html", context)


def _work_to_do(user, scope) -> dict[str, int]:
    """What waits for a coach: stuck newcomers, waiting lists, requests from the catalogue."""
    from pnt.placerequests.models import PlaceRequest
    from pnt.trajectories import queries as trajectory_queries
    from pnt.trajectories.models import Enrolment

    any_flag = Q()
    for kind in trajectory_queries.STUCK_KINDS:
        any_flag |= Q(**{f"flag_{kind}": True})
    return {
        "stuck": trajectory_queries.caseload(user).filter(any_flag).count(),
        "waiting": Enrolment.objects.filter(
            newcomer__in=Newcomer.objects.visible_to(user), status=Enrolment.Status.WAITING
        )
        .values("newcomer")
        .distinct()
        .count(),
        "requests": PlaceRequest.objects.visible_to(user)
        .filter(status=PlaceRequest.Status.NEW)
        .count()
        if scope.is_admin or scope.area_municipality_ids
        else None,
    }
