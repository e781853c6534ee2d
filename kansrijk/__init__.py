"""Kansrijk: case management and reporting for Halt's preventive interventions."""

# The Celery application is loaded with Django, so shared_task uses it (kansrijk/celery.py).
from .celery import app as celery_app

__all__ = ["celery_app"]
