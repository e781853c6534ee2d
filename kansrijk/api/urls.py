from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

from . import views


class SchemaView(SpectacularAPIView):
    permission_classes = [AllowAny]
    authentication_classes = []


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files, its set-up script a separate file (CSP: no inline code)."""

    permission_classes = [AllowAny]
    authentication_classes = []
    template_name = "api/swagger_ui.html"


app_name = "api"

# Mounted at /api/ (kansrijk/urls.py).
urlpatterns = [
    path("v1/referrals/", views.ReferralListCreate.as_view(), name="referrals"),
    path("v1/referrals/<uuid:uuid>/", views.ReferralDetail.as_view(), name="referral"),
    path("schema/", SchemaView.as_view(), name="schema"),
    # Swagger UI's own stylesheet draws its icons as data: images; the docs page allows those,
    # and still no script or style from anywhere but us.
    path("docs/", csp_update({"img-src": ["data:"]})(DocsView.as_view(url_name="api:schema")), name="docs"),
]
