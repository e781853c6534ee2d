import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve on unsafe production settings.
from kansrijk.core.checks import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start()
