from django.contrib import admin
from django.urls import include, path

from kansrijk.accounts import views as accounts_views
from kansrijk.core import health
from kansrijk.work import views as work_views

# Paths are Dutch (the users read them) and carry UUIDs, never names or other personal data.
urlpatterns = [
    path("gezondheid/", health.live, name="health_live"),
    path("gezondheid/gereed/", health.ready, name="health_ready"),
    path("", work_views.home, name="home"),
    path("werk/", work_views.work, name="work"),
    path("werk/niet-bezorgde-e-mails/", work_views.failed_mail, name="failed_mail"),
    path("inloggen/", accounts_views.LoginView.as_view(), name="login"),
    path("inloggen/tweestaps/", include("kansrijk.accounts.urls")),
    path("account/", include("kansrijk.accounts.account_urls")),
    path("uitloggen/", accounts_views.LogoutView.as_view(), name="logout"),
    path("taal/", include("django.conf.urls.i18n")),
    path("interventies/", include("kansrijk.interventions.urls")),
    path("aanmeldingen/", include("kansrijk.triage.urls")),
    path("regio/", include("kansrijk.organisations.urls")),
    path("verwijzer/", include("kansrijk.portal.urls")),
    path("verwijzers/uitnodigen/", accounts_views.invitation_create, name="invitation_create"),
    path("uitnodiging/<str:token>/", accounts_views.invitation_accept, name="invitation_accept"),
    # Under /uitnodiging/<token>/ so that the access logs mask its token as the invitation's
    # (deploy/gunicorn.conf.py, deploy/nginx/kansrijk.conf).
    path(
        "uitnodiging/<str:token>/wachtwoord/",
        accounts_views.password_reset_accept,
        name="password_reset_accept",
    ),
    path("rapportages/", include("kansrijk.reports.urls")),
    path("auditlog/", include("kansrijk.auditlog.urls")),
    path("privacyverzoeken/", include("kansrijk.rights.urls")),
    path("importeren/", include("kansrijk.interchange.urls")),
    path("", include("kansrijk.evaluations.urls")),
    path("", include("kansrijk.privacy.urls")),
    path("api/", include("kansrijk.api.urls")),
    path("admin/login/", accounts_views.admin_login),
    path("admin/", admin.site.urls),
]
