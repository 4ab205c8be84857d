from django.contrib import admin

from pnt.buddies.models import Volunteer


@admin.register(Volunteer)
class VolunteerAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "municipality", "status"]
    search_fields = ["last_name", "first_name"]
