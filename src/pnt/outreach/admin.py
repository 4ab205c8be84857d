from django.contrib import admin

from pnt.outreach.models import CheckIn, FollowOn, InfoPage, InfoPageVersion, LeadsTo, RegularOffer


class CheckInInline(admin.TabularInline):
    model = CheckIn
    extra = 0
    exclude = ["key_hash"]
    readonly_fields = [
        "months", "due_on", "coach_reminded_at", "sent_at", "answered_at", "answered_by",
    ]  # fmt: skip


@admin.register(FollowOn)
class FollowOnAdmin(admin.ModelAdmin):
    list_display = ["newcomer", "occasion", "destination", "recorded_on"]
    list_filter = ["occasion", "destination"]
    raw_id_fields = ["newcomer", "pair", "activity", "recorded_by"]
    inlines = [CheckInInline]


@admin.register(RegularOffer)
class RegularOfferAdmin(admin.ModelAdmin):
    list_display = ["activity", "marked_at"]
    raw_id_fields = ["activity", "marked_by"]


@admin.register(LeadsTo)
class LeadsToAdmin(admin.ModelAdmin):
    list_display = ["activity", "regular"]
    raw_id_fields = ["activity", "regular", "created_by"]


class InfoPageVersionInline(admin.TabularInline):
    model = InfoPageVersion
    extra = 0
    fields = ["language", "number", "title", "is_published", "created_at"]
    readonly_fields = fields


@admin.register(InfoPage)
class InfoPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "audience", "order"]
    inlines = [InfoPageVersionInline]
