from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Neighbourhood, ReferrerOrganisation, Region, RegionPage, School


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


@admin.register(RegionPage)
class RegionPageAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "slug", "is_published", "updated_at"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["region"]
    fieldsets = [
        (None, {"fields": ["region", "title", "slug", "is_published"]}),
        (
            _("Text"),
            {"fields": ["introduction", "for_whom", "why", "approach", "parents", "ending", "how_to_refer"]},
        ),
        (_("Contact person"), {"fields": ["contact_name", "contact_phone", "contact_email"]}),
    ]
