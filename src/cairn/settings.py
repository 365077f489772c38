"""Django settings for Cairn, all from environment variables with safe defaults.

Every variable read here is documented in README.md (a test checks that).
"""

from __future__ import annotations

import os

import environ

from cairn.email_config import parse_email_url
from cairn.home import cairn_home, secret_key

env = environ.Env()

CAIRN_HOME = cairn_home()
SECRET_KEY = os.environ.get("SECRET_KEY") or secret_key(CAIRN_HOME)
DEBUG = env.bool("DEBUG", default=False)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Behind TLS (set CAIRN_SECURE=1) cookies are HTTPS-only and HTTP redirects to HTTPS.
SECURE = env.bool("CAIRN_SECURE", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading is a hard-to-undo choice left to the operator: no deploy warning without it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.bool("CAIRN_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REGISTRATION = env.str("CAIRN_REGISTRATION", default="open")
if REGISTRATION not in ("open", "closed"):
    raise environ.ImproperlyConfigured("CAIRN_REGISTRATION must be 'open' or 'closed'")
CIRCLE_MAX = env.int("CAIRN_CIRCLE_MAX", default=5)
LOGIN_THROTTLE_ATTEMPTS = env.int("CAIRN_LOGIN_ATTEMPTS", default=5)
LOGIN_THROTTLE_MINUTES = env.int("CAIRN_LOGIN_LOCKOUT_MINUTES", default=15)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # the API's docs page, with its own copy of Swagger UI (no CDN)
    "cairn.accounts",
    "cairn.goals",
    "cairn.planning",
    "cairn.accountability",
    "cairn.careerdata",
    "cairn.portability",
    "cairn.webhooks",
    "cairn.web",
    # The operator's view (accounts, invitations, reminder queue). Last: its own
    # registration/ templates must not hide Cairn's password-reset pages.
    "django.contrib.admin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET, 304 for If-None-Match: API reads and calendar feeds poll cheaply.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cairn.accounts.middleware.TimezoneMiddleware",
    "cairn.web.middleware.NotFoundMiddleware",
]

ROOT_URLCONF = "cairn.urls"
WSGI_APPLICATION = "cairn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cairn.web.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{CAIRN_HOME / 'cairn.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the worker write side by side.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

_mailer = parse_email_url(env.str("EMAIL_URL", default="console://"))
MAILERS = {"default": _mailer}  # Django 6.1's mail settings (the one line Cairn supports)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Cairn <cairn@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = CAIRN_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at every start while it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cairn.web.storage.StaticStorage"},
}
# Tests and DEBUG serve straight from the apps' folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# `cairn serve` collects static files at start; anything else (tests, `cairn manage`)
# falls back to the unhashed names instead of failing.
WHITENOISE_MANIFEST_STRICT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("CAIRN_LOG_LEVEL", default="INFO")},
    "loggers": {"django": {"level": "INFO"}, "django.db.backends": {"level": "INFO"}},
}

# Webhooks go to public addresses only, unless the operator allows private ones (tests, a LAN).
WEBHOOKS_ALLOW_PRIVATE = env.bool("CAIRN_WEBHOOKS_ALLOW_PRIVATE", default=False)
