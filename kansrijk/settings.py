"""Kansrijk settings: one file, read from the environment.

Every variable is documented in `.env.example`. Without any environment the project runs
for development on the embedded SQLite database.
"""

import os
import secrets
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# Production unless the environment says DEBUG=true (`make demo` and `make test` do). Without
# DEBUG, Kansrijk refuses to start while SECRET_KEY, ALLOWED_HOSTS or an https SITE_URL is
# missing (kansrijk/core/checks.py: a system check error, also run by wsgi.py and Celery).
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    # Development: a fixed, obviously unsafe key so sessions survive restarts. Production
    # without a key: a random one, so nothing is ever signed with a published key while the
    # check refuses to start.
    SECRET_KEY = (
        "insecure-development-key-do-not-use-in-production"  # noqa: S105
        if DEBUG
        else f"unset-{secrets.token_urlsafe(48)}"
    )
# Rotating the key: the new one in SECRET_KEY, the old ones here (comma-separated) until the
# sessions and links signed with them have expired (docs/deployment.md).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
# Addresses of our own reverse proxies (nginx): only from these is X-Forwarded-For believed
# (kansrijk/core/proxies.py). Empty (development): REMOTE_ADDR as it is.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")

INSTALLED_APPS = [
    # First: its createsuperuser replaces Django's (password validators without the prompt too).
    "kansrijk.accounts.strict_commands",
    # The admin with its audit hook and Kansrijk branding (kansrijk/audit/admin_site.py).
    "kansrijk.audit.admin_app.KansrijkAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Before Kansrijk's apps: axes' login-failure handler must run before ours, which reads
    # whether that attempt was refused by the lockout (kansrijk/accounts/signals.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kansrijk.core",
    "kansrijk.accounts",
    "kansrijk.organisations",
    "kansrijk.people",
    "kansrijk.referrals",
    "kansrijk.interventions",
    "kansrijk.reports",
    "kansrijk.evaluations",
    "kansrijk.audit",
    "kansrijk.outbox",
    "kansrijk.interchange",
    "kansrijk.retention",
    "kansrijk.work",
    "kansrijk.auditlog",
    "kansrijk.triage",
    "kansrijk.portal",
    "kansrijk.rights",
    "kansrijk.privacy",
    "kansrijk.demo",
    "kansrijk.api",
]

MIDDLEWARE = [
    # Behind nginx: the client's address from X-Forwarded-For, only when nginx sent it.
    "kansrijk.core.proxies.ForwardedForMiddleware",
    # First: every log line of the request carries its id (kansrijk/core/logs.py).
    "kansrijk.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names and far-future cache headers, compressed, from the app
    # servers themselves: no separate file server to keep in step.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The demo (DEBUG) answers a missing page with Kansrijk's Dutch 404 page, as production does.
    "kansrijk.core.middleware.FriendlyNotFoundMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kansrijk.core.middleware.SessionLifetimeMiddleware",
    "kansrijk.core.middleware.PrivateNoStoreMiddleware",
    # Halt staff who passed the password but not yet the second factor reach only the
    # two-step pages and logout.
    "kansrijk.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kansrijk.audit.middleware.AuditContextMiddleware",
    # Last, as axes documents: it turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kansrijk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kansrijk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "kansrijk.wsgi.application"

# DATABASE_URL unset: the embedded SQLite file in the project folder.
# postgres://user@host:port/name: PostgreSQL through psycopg 3.
# Persistent connections (DATABASE_CONN_MAX_AGE seconds) are checked before each request, so a
# database restart costs no error page.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'kansrijk.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A statement or a lock wait that runs away is stopped by the database (0 = no limit).
    _statement_ms = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 30_000)
    _lock_ms = env_int("DATABASE_LOCK_TIMEOUT_MS", 10_000)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={_statement_ms} -c lock_timeout={_lock_ms}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout keep the development server and a running import from
    # tripping over each other's locks; IMMEDIATE transactions take the write lock when they
    # begin, so two requests that both read and then write wait for each other instead of one
    # failing with "database is locked" (several logins at once on the demo).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# PostgreSQL: the application's role (docs/deployment.md, section 4). Set where the owner runs
# `migrate`, which then grants it row access and, on the audit log, SELECT and INSERT only.
DATABASE_APP_ROLE = env_str("DATABASE_APP_ROLE", "")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "kansrijk.accounts.validators.ContextWordsValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dates the Dutch way (26-11-2026) in both languages: Django's own nl formats write 26-1-2026
# and "26 januari 2026"; our format modules come first and override just the date formats.
FORMAT_MODULE_PATH = ["kansrijk.core.formats"]

# Staff log in with a password (kansrijk/accounts/views.py), then with a code from an authenticator
# app (kansrijk/accounts/): every role but the referrer, and everyone with admin access.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Axes checks every password attempt before the model backend does (it needs the request).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout: the fifth wrong password for one username from one address locks that combination,
# so the sixth attempt is refused even with the right password. Failures count while each
# comes within the cool-off of the last one; the lock lifts LOGIN_LOCKOUT_MINUTES after the
# last counted failure. Locking the combination (not the username alone) keeps an attacker
# elsewhere from locking a colleague out. The address is REMOTE_ADDR, as in the audit log.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked out do not extend the lock: it ends when the page says it does.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "kansrijk.accounts.views.locked_out"
# No start-up banner on every manage.py command; failures and lockouts are still logged.
AXES_VERBOSE = False

# The second factor: TOTP from an authenticator app, with single-use recovery codes.
OTP_TOTP_ISSUER = "Kansrijk"
# The admin lists devices for resetting them, never their secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Security. Production (DEBUG false) is HTTPS-only; development on http://127.0.0.1 works as is.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer's health checks may come over plain HTTP (kansrijk/core/health.py).
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, with whose each is in a column of its own, for the sessions page
# and "log out everywhere else" (kansrijk/accounts/sessions.py).
SESSION_ENGINE = "kansrijk.accounts.sessions"
# Staff sessions end after 30 minutes without activity: every request renews the 30 minutes.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# However active, a session ends this many seconds after the login (default 10 hours: a long
# working day); then both steps of the login again (kansrijk/core/middleware.py).
SESSION_MAX_LIFETIME_SECONDS = env_int("SESSION_MAX_LIFETIME_SECONDS", 10 * 60 * 60)
if env_str("SECURE_PROXY_SSL_HEADER", ""):
    # Only behind a proxy that sets this header itself, e.g. "HTTP_X_FORWARDED_PROTO".
    SECURE_PROXY_SSL_HEADER = (env_str("SECURE_PROXY_SSL_HEADER", ""), "https")
# Content-Security-Policy: only our own scripts, styles and images, no inline code at all (the
# templates have none; htmx's own indicator style is switched off in base.html), no framing,
# forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# E-mail. Development writes messages to the console (the default with DEBUG; SMTP without) or,
# with EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, to files in EMAIL_FILE_PATH.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds a connection to the mail server may hang before the attempt counts as failed. Mail is
# sent by the Celery worker from the outbox (kansrijk/outbox/), never inside a request.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# An undelivered message is tried again with back-off (1, 2, 4 ... minutes) this many times;
# delivered messages are removed after OUTBOX_KEEP_SENT_DAYS, undeliverable ones after
# OUTBOX_KEEP_FAILED_DAYS (the outbox holds addresses).
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 8)
OUTBOX_KEEP_SENT_DAYS = env_int("OUTBOX_KEEP_SENT_DAYS", 7)
OUTBOX_KEEP_FAILED_DAYS = env_int("OUTBOX_KEEP_FAILED_DAYS", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kansrijk <noreply@kansrijk.example.nl>")
# The address e-mails, evaluation links and printed QR codes link to; services that send mail
# have no request to build it from.
# Production must set an https address (kansrijk/core/checks.py).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
# Days an invitation link for a referrer account stays valid.
INVITATION_DAYS = env_int("INVITATION_DAYS", 7)

# The REST API for partner systems (kansrijk/api/): per-organisation tokens only, JSON only,
# throttled per token (and per address for requests without a valid one).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["kansrijk.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["kansrijk.api.permissions.IsOrganisationClient"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["kansrijk.api.parsers.KansrijkJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["kansrijk.api.throttling.OrganisationRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "organisation": env_str("API_THROTTLE_RATE", "120/minute"),
        # Calls without a valid key, per client address (kansrijk/api/throttling.py).
        "failed": env_str("API_FAILED_THROTTLE_RATE", "20/minute"),
    },
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kansrijk API",
    "DESCRIPTION": "Referrals of young people to Halt by partner systems, and their status.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar): no CDN, no inline code.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Production (DEBUG false) serves the files `collectstatic` wrote, compressed and with hashed
# names; development serves them from the apps as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

if DEBUG:
    # Development serves from the apps; WhiteNoise need not warn that collectstatic never ran.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

# Redis, shared by all application servers: the cache (API throttling counts, anything that
# must hold across processes). Without REDIS_URL (development) each process has its own.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Background work (Celery on Redis): delivering the outbox and the scheduled jobs. Without
# CELERY_BROKER_URL (the demo, the tests) a task runs in the process that queues it.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queueing after a commit must not hang a request on a broker that is down: one quick try,
# and the minute sweep delivers what was not queued.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
# Celery beat: one process for the whole installation (docs/deployment.md). Each job also takes
# a lock of its own (kansrijk/core/jobs.py), so a second beat or a manual run never overlaps.
CELERY_BEAT_SCHEDULE = {
    "outbox-deliver-due": {"task": "outbox.deliver_due", "schedule": 60.0},
    "outbox-clean": {"task": "outbox.clean", "schedule": crontab(hour=3, minute=15)},
    "evaluation-reminders": {"task": "evaluations.remind", "schedule": crontab(hour=9, minute=0)},
    "retention": {"task": "retention.apply", "schedule": crontab(hour=2, minute=30)},
    "clearsessions": {"task": "core.clearsessions", "schedule": crontab(hour=4, minute=0)},
    "import-jobs-expire": {"task": "interchange.expire", "schedule": crontab(minute=5)},
}
# Where the SQLite development setup keeps the job lock files (PostgreSQL uses advisory locks).
JOB_LOCK_DIR = env_str("JOB_LOCK_DIR", "/tmp")  # noqa: S108 - lock files only, no data
# A scheduled job's statements on PostgreSQL may run this long (kansrijk/core/jobs.py); a page's
# are limited by DATABASE_STATEMENT_TIMEOUT_MS.
JOB_STATEMENT_TIMEOUT_MS = env_int("JOB_STATEMENT_TIMEOUT_MS", 30 * 60 * 1000)

# Retention periods (docs/process.md §4); applied by the retention command.
RETENTION_ENDED_MONTHS = env_int("RETENTION_ENDED_MONTHS", 24)
RETENTION_REJECTED_MONTHS = env_int("RETENTION_REJECTED_MONTHS", 6)
# Days the libraries' own logs keep a row: django-axes' record of every login (user name,
# address, browser) and Django's admin log. Kansrijk's audit log records the same events for
# good; these copies serve a recent incident only. Applied by the retention command; axes'
# lockout counters go as soon as their cool-off has passed (docs/security.md §3).
SECURITY_LOGS_KEEP_DAYS = env_int("SECURITY_LOGS_KEEP_DAYS", 90)

# Logs go to stdout: one JSON object per line in production (LOG_FORMAT=json, the default when
# DEBUG is false), plain lines in development. Every line carries the request id
# (kansrijk/core/logs.py) and never personal data.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "kansrijk.core.logs.RequestIdFilter"},
        "private_paths": {"()": "kansrijk.core.logs.PrivatePathFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "kansrijk.core.logs.KansrijkJsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "private_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
