"""A URLconf with one view that fails, to see the 500 page a user would get."""

from django.urls import path

from kansrijk.urls import urlpatterns as project_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug with a young person's name in it: Sem de Vries")


urlpatterns = [path("stuk/", failing_view), *project_urlpatterns]
