from django.urls import path

from . import views

app_name = "interchange"

# The job's uuid is the only thing an address says about an import.
urlpatterns = [
    path("", views.jobs, name="jobs"),
    path("<uuid:uuid>/", views.job, name="job"),
    path("<uuid:uuid>/voortgang/", views.job_progress, name="job_progress"),
    path("<uuid:uuid>/importeren/", views.job_confirm, name="job_confirm"),
]
