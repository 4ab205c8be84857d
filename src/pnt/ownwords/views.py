"""Pages of own-words matching: the public "describe what you like" box, and the coach's
view of a newcomer's own words (suggested interests to confirm, closest activities)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pnt import matching
from pnt.accounts.audit import record_access
from pnt.matching import embedding
from pnt.offer import queries as offer_queries
from pnt.offer.cards import cards
from pnt.offer.models import Activity
from pnt.offer.vocabulary import Theme
from pnt.ownwords import queries, services
from pnt.trajectories import queries as trajectory_queries
from pnt.trajectories.models import Newcomer

RESULTS = 12


class WordsForm(forms.Form):
    words = forms.CharField(
        label=gettext_lazy("In your own words, in any language"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
    )


class ConfirmInterestsForm(forms.Form):
    tags = forms.MultipleChoiceField(choices=Theme.choices, required=False)


def public_own_words(request: HttpRequest) -> HttpResponse:
    """Public activities ranked by how close they are to the visitor's words (no login).

    The words are not stored. An htmx request gets the results fragment only.
    """
    form = WordsForm(request.GET)
    words = form.cleaned_data["words"].strip() if form.is_valid() else ""
    found = []
    if words:
        public = offer_queries.public_activities()
        hits = queries.rank_activities(
            words, list(public.values_list("pk", flat=True)), limit=RESULTS
        )
        by_pk = (
            Activity.objects.select_related("provider", "municipality")
            .defer("municipality__outline")
            .in_bulk([h.activity_id for h in hits])
        )
        rows = offer_queries.fill_places([by_pk[h.activity_id] for h in hits])
        found = list(
            zip(hits, cards(rows, language=request.LANGUAGE_CODE, staff=False), strict=True)
        )
    context = {"form": form, "words": words, "found": found, "semantic": embedding.available()}
    template = "ownwords/_matches.html" if request.htmx else "ownwords/public_matches.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _newcomer(request: HttpRequest, pk: int) -> Newcomer:
    """A newcomer whose file the user may change (provider staff never): 404 otherwise."""
    if trajectory_queries.is_provider_only(request.user):
        raise Http404
    newcomer = (
        trajectory_queries.newcomers(request.user)
        .select_related("municipality", "intake", "trajectory")
        .defer("municipality__outline")
        .filter(pk=pk)
        .first()
    )
    if newcomer is None:
        raise Http404
    return newcomer


@login_required
def newcomer_own_words(request: HttpRequest, pk: int) -> HttpResponse:
    """The newcomer's own words: interests they suggest, and the activities closest to them."""
    newcomer = _newcomer(request, pk)
    record_access(user=request.user, action="view", obj=newcomer, detail="own words")
    intake = getattr(newcomer, "intake", None)
    labels = dict(Theme.choices)
    suggested = [(slug, labels[slug]) for slug in queries.suggested_tags(newcomer)]
    context = {
        "newcomer": newcomer,
        "words": intake.own_words if intake else "",
        "suggested": suggested,
        "fits": _fits(newcomer),
        "semantic": embedding.available(),
    }
    return render(request, "ownwords/newcomer_own_words.html", context)


def _fits(newcomer: Newcomer) -> list[dict]:
    """The best fits in reach with the ``own_words`` part, each with its reasons."""
    from pnt.trajectories import matching_adapter
    from pnt.trajectories.matching_reasons import reason_texts

    ctx = matching_adapter.newcomer_context(matching_adapter.load_newcomer(newcomer.pk))
    rows = matching_adapter.activities_in_reach(ctx.profile, exclude=ctx.open_activity_ids)
    own = queries.own_words_for(newcomer, [a.pk for a in rows])
    if not rows or own is None:
        return []
    profiles = [matching_adapter.activity_profile(a, a.capacity - a.taken) for a in rows]
    weights = matching_adapter.weights_for_newcomer(newcomer)
    result = matching.recommend(ctx.profile, profiles, n=6, own_words=own, weights=weights)
    by_pk = {a.pk: a for a in rows}
    out = []
    for r in result.top:
        phrase = next((x.params["phrase"] for x in r.reasons if x.code == matching.OWN_WORDS), "")
        others = [x for x in r.reasons if x.code != matching.OWN_WORDS]
        texts = reason_texts(matching_adapter.reason_dicts(others))
        out.append({"activity": by_pk[r.activity], "fit": r.fit, "phrase": phrase, "texts": texts})
    return out


@login_required
@require_POST
def newcomer_own_words_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach confirms suggested interests: they join the structured profile."""
    newcomer = _newcomer(request, pk)
    form = ConfirmInterestsForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["tags"]:
        messages.error(request, _("Choose the interests to add."))
        return redirect("newcomer_own_words", pk=newcomer.pk)
    try:
        services.confirm_interests(
            newcomer=newcomer, by=request.user, tags=form.cleaned_data["tags"]
        )
    except services.OwnWordsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The interests are added to the profile."))
    return redirect("newcomer_own_words", pk=newcomer.pk)
