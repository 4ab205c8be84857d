"""pnt settings: one file, read from environment variables with safe defaults."""

from __future__ import annotations

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("PNT_VAR_DIR", PROJECT_DIR / "var"))


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: str) -> int:
    raw = os.environ.get(name, default)
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def envlist(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


SUPPORTED_DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}


def _redacted(url: str) -> str:
    """The URL with its password hidden, fit for an error message or a log."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def database_from_env(url: str | None) -> dict:
    """Build the database settings; a malformed DATABASE_URL is a clear start-up error."""
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "pnt.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    if "://" not in url:
        raise ImproperlyConfigured(
            f"DATABASE_URL is malformed: {_redacted(url)!r}. Expected e.g. "
            "postgres://user:password@127.0.0.1:5432/pnt or sqlite:///path/to/file.sqlite3"
        )
    scheme = url.split("://", 1)[0].lower()
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL names an unsupported database {scheme!r}: pnt runs on PostgreSQL "
            "(postgres://user:password@host:5432/name) or SQLite (sqlite:///path/to/file)."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises several types for bad input
        raise ImproperlyConfigured(
            f"DATABASE_URL is malformed: {_redacted(url)!r} ({exc})."
        ) from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(
            f"DATABASE_URL names an unsupported database: {_redacted(url)!r}."
        )
    if config["ENGINE"] == "django.db.backends.postgresql" and not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL has no database name: {_redacted(url)!r}.")
    return config


DEBUG = envbool("DEBUG", "false")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and envbool("PNT_PRODUCTION", "false"):
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: S105
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "pnt.geo",
    "pnt.accounts",
    "pnt.offer",
    "pnt.trajectories",
    "pnt.buddies",
    "pnt.placerequests",
    "pnt.reporting",
    "pnt.network",
    "pnt.outreach",
    "pnt.privacy",
    "pnt.ownwords",
    "pnt.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pnt.accounts.two_factor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pnt.web.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",  # last: renders the lockout page
]

ROOT_URLCONF = "pnt.urls"
WSGI_APPLICATION = "pnt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pnt.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(os.environ.get("DATABASE_URL"))}
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
]
# Password logins go through django-axes (throttling) first.
AUTHENTICATION_BACKENDS = [
    "pnt.accounts.backends.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = envint("PNT_LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("PNT_LOGIN_COOLOFF_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True  # keep failed attempts only (data minimisation)
AXES_VERBOSE = False
# Two-factor authentication (TOTP) for every staff role; off in DEBUG and for `make demo`.
PNT_STAFF_2FA = envbool("PNT_STAFF_2FA", "false" if DEBUG else "true")
OTP_TOTP_ISSUER = os.environ.get("PNT_OTP_ISSUER", "pnt")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
]
# Staff pages are offered in Dutch and English; newcomer pages in all five languages.
STAFF_LANGUAGES = ["nl", "en"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pnt@localhost")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Periodic jobs enqueued by `pnt scheduler` (pnt.web.schedule): name → (task, seconds).
PNT_SCHEDULE = {
    "expire_offers": ("pnt.trajectories.tasks.expire_offers", 15 * 60),
    "session_reminders": ("pnt.trajectories.tasks.send_session_reminders", 60 * 60),
    "buddy_follow_up_reminders": ("pnt.buddies.tasks.send_follow_up_reminders", 24 * 60 * 60),
    "anonymise_expired": ("pnt.privacy.tasks.anonymise_expired", 24 * 60 * 60),
    "own_words_catch_up": ("pnt.ownwords.tasks.embed_stale_activities", 60 * 60),
    "follow_on_check_ins": ("pnt.outreach.tasks.send_check_ins", 24 * 60 * 60),
    "network_reminders": ("pnt.network.tasks.send_network_reminders", 24 * 60 * 60),
    "feedback_invitations": ("pnt.reporting.tasks.send_feedback_invitations", 24 * 60 * 60),
    "quarter_hours": ("pnt.trajectories.tasks.rebuild_quarter_hours", 24 * 60 * 60),
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("PNT_PRODUCTION", "false"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Months after a trajectory ends (or a volunteer stops) before the record is anonymised.
PNT_RETENTION_MONTHS = envint("PNT_RETENTION_MONTHS", "24")
# Uploaded files (signed proofs, imports): at most this many megabytes.
PNT_UPLOAD_MAX_MB = envint("PNT_UPLOAD_MAX_MB", "5")
FILE_UPLOAD_PERMISSIONS = 0o600
SESSION_COOKIE_AGE = envint("PNT_SESSION_HOURS", "10") * 60 * 60

# Aggregates shown outside a coach's own scope hide counts below this number.
PNT_SUPPRESSION_THRESHOLD = envint("PNT_SUPPRESSION_THRESHOLD", "5")

# LOG_FORMAT=json writes one JSON object per line (for a log collector); plain otherwise.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "pnt.privacy.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get(
                "LOG_FORMAT", "json" if envbool("PNT_PRODUCTION", "false") else "plain"
            ),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every login at INFO; lockouts come at WARNING.
    "loggers": {"axes": {"level": "WARNING"}},
}
