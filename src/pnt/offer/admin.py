from django.contrib import admin

from pnt.offer.models import Activity, Provider, ProviderContact


class ProviderContactInline(admin.TabularInline):
    model = ProviderContact
    extra = 0


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    inlines = [ProviderContactInline]
    list_display = ["name", "kind", "municipality"]
    search_fields = ["name"]
    list_filter = ["kind"]
    autocomplete_fields = ["municipality"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "type", "municipality", "status", "capacity"]
    list_filter = ["type", "status"]
    search_fields = ["title"]
    autocomplete_fields = ["provider", "municipality"]
