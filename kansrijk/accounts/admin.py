from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "region", "organisation", "is_active"]
    list_select_related = ["region", "organisation"]
    list_filter = ["role", "region", "is_active"]
    autocomplete_fields = ["region", "organisation", "municipalities", "schools"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation", "municipalities", "schools"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Role in Kansrijk"), {"fields": ["role", "region", "organisation"]}),
    ]
