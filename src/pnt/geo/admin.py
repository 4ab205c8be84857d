from django.contrib import admin

from pnt.geo.models import Municipality, Region


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["nis_code", "name_nl", "valid_from", "valid_until", "successor"]
    search_fields = ["nis_code", "name_nl", "name_fr"]
    list_filter = ["province_code"]
    exclude = ["outline"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "host"]
    filter_horizontal = ["municipalities"]
    search_fields = ["name"]
