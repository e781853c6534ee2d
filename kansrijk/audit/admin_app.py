from django.contrib.admin.apps import AdminConfig


class KansrijkAdminConfig(AdminConfig):
    """`django.contrib.admin` with `KansrijkAdminSite` (kansrijk/audit/admin_site.py) as
    `admin.site`: listed in settings.INSTALLED_APPS instead of "django.contrib.admin"."""

    default_site = "kansrijk.audit.admin_site.KansrijkAdminSite"
