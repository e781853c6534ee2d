from django.contrib import admin

from .models import Municipality, Neighbourhood, ReferrerOrganisation, Region, School


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_select_related = ["municipality"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "brin", "municipality"]
    list_select_related = ["municipality"]
    list_filter = ["municipality__region"]
    search_fields = ["name", "brin"]
    autocomplete_fields = ["municipality"]


@admin.register(ReferrerOrganisation)
class ReferrerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_select_related = ["municipality"]
    list_filter = ["kind", "municipality__region"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality", "school"]
