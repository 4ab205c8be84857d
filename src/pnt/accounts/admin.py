from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from pnt.accounts.models import ApiToken, AuditEntry, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["region", "municipality", "provider"]


@admin.register(User)
class PntUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    fieldsets = UserAdmin.fieldsets + (("pnt", {"fields": ("preferred_language",)}),)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "read_only", "created_at", "revoked_at"]
    readonly_fields = ["key_hash", "prefix", "last_used_at"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "object_type", "object_id", "via"]
    list_filter = ["action", "via", "object_type"]
    search_fields = ["object_id", "user__username"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
