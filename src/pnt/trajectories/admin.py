from django.contrib import admin

from pnt.trajectories.models import Enrolment, Newcomer, Trajectory


@admin.register(Newcomer)
class NewcomerAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "municipality", "obliged"]
    search_fields = ["last_name", "first_name"]
    autocomplete_fields = ["municipality"]


admin.site.register(Trajectory)
admin.site.register(Enrolment)
