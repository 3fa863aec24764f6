"""Settings shared by every environment. Values come from the environment; with none set,
the site runs on SQLite under var/ with a local-memory cache."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

from portal.editor import EXTENSION_MODULES as EDITOR_EXTENSION_MODULES
from portal.i18n.languages import DJANGO_LANGUAGES, STORED_CODES

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

# Development-only key; the production settings refuse to start without SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-local-development-only"
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # before admin, as its documentation requires
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "corsheaders",
    "reversion",
    "axes",
    "django_prose_editor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal",
    "staff",
    "schemes",
    "events",
    "notices",
    "weather",
    "assistant",
    "alerts",
]

MIDDLEWARE = [
    "portal.middleware.RequestLogMiddleware",
    "portal.middleware.HeadWithoutBodyMiddleware",
    "portal.errors.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # The open data API is read from other sites' pages: CORS headers on every answer, 304s too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the page cache, so a request it answers counts towards the API's limit.
    "portal.api.middleware.ApiRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.i18n.middleware.LanguageMiddleware",
    # Before anything reads a parameter: control characters and lone surrogates are a 400.
    "portal.input.InputCleanerMiddleware",
    # Inside LanguageMiddleware, outside the Simplified conversion: /sc/ is stored converted.
    "portal.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.i18n.middleware.SimplifiedConversionMiddleware",
    "portal.middleware.MethodNotAllowedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.SecondFactorMiddleware",
    "staff.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "weather.middleware.WeatherRefreshMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.staff.StaffAdminMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "weather.context_processors.weather",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (psycopg 3) when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared Redis when REDIS_URL is set, so workers on several machines agree. It fails
# open (portal.cache): with Redis down, pages are served without it.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    # Without Redis, every process on the machine (gunicorn's workers, a management command
    # beside `make run`) shares one cache in files under var/cache (SQLite, by diskcache): the
    # content generation, rate-limit counters and the weather lock and readings stay the same
    # for all of them, and add/incr are atomic across processes.
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": env_str("LOCAL_CACHE_DIR") or str(VAR_DIR / "cache"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.05,
            # Pages (up to 512 KB) stay inside SQLite: as separate files each write cost ~10 ms.
            "OPTIONS": {"size_limit": 256 * 1024 * 1024, "disk_min_file_size": 1024 * 1024},
        }
    }
# Rendered template fragments ({% cache ... using="fragments" %}), in each process's own memory:
# parts of the page shell that are the same on every page of a language, and content fragments
# keyed by the content generation. Never shared, so never a network round trip per fragment.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# The page cache (portal.pagecache): anonymous pages are served from the cache while fresh;
# a stale copy stands in when the site answers 503. A CDN in front keeps them CDN_MAX_AGE.
PAGE_CACHE_FRESH_SECONDS = env_int("PAGE_CACHE_FRESH_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 600)
PAGE_CACHE_MAX_BYTES = 512 * 1024
CDN_MAX_AGE = env_int("CDN_MAX_AGE", 30)
# Saving these apps' or models' rows (sessions, sign-ins, second factors, the audit record,
# history bookkeeping, changes waiting for a publisher and review steps, alert subscriptions
# and deliveries, the assistant's question log) changes no public page. App labels, or
# "app_label.Model" for one model.
PAGE_CACHE_IGNORED_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "reversion",
    "sessions",
    "otp_totp",
    "otp_static",
    "staff",
    "alerts",
    "portal.AuditEntry",
    "portal.PassageVector",
    "portal.PendingRevision",
    "portal.ReviewRequest",
    "portal.PublishingStep",
    "portal.ReviewReminder",
    "portal.Link",
    "portal.LinkUse",
    "portal.ContentRemoval",  # written by the content change that moves the generation anyway
    "assistant.LoggedQuestion",
    "assistant.SuggestedPhrasing",
}

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "staff.validators.NotTheCurrentPasswordValidator"},
]

# Languages: the table lives in portal.i18n.languages.
LANGUAGE_CODE = "en"
LANGUAGES = DJANGO_LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Asia/Hong_Kong"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_LANGUAGES = STORED_CODES
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# An empty field shows the other stored language's text, marked with its own `lang`.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",), "en": ("zh-hant",), "zh-hant": ("en",)}

STATIC_URL = "static/"
# Collected files exist only in production builds (see production.py).
STATIC_ROOT = None
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Without collectstatic (make run, tests) whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site's root (/favicon.ico, /apple-touch-icon.png), by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "public"

# Security headers on every response, in every environment.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # A nonce appears only on responses that use it: the admin's rich-text editor needs an
        # inline import map and an inline <style>. Public pages keep 'self' alone.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

ADMIN_URL = env_str("ADMIN_URL", "admin/").strip("/") + "/"
# A refused form (expired or missing CSRF token) gets our page, in the page's language.
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"brief_disallowed_host": {"()": "portal.logs.BriefDisallowedHost"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # portal.requests writes the one access line per request instead.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"filters": ["brief_disallowed_host"]},
        # The link checks' requests: check_links reports what it found, not each request.
        "httpx": {"level": "WARNING"},
    },
}
FORMAT_MODULE_PATH = ["portal.formats"]

# Staff side. Only staff have sessions: the public site stores nothing in them.
# A staff session ends after this many seconds without a request.
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# Login throttling: 5 failures for one username from one address locks both out for a while.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
# A right password alone does not clear the failures: the one-time code counts too, and only
# a verified second factor clears them (staff.services.second_factor_verify).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "portal.staff.lockout_response"
# How many proxies (load balancers) add to X-Forwarded-For in front of the app: 0 trusts none.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "portal.staff.client_address"
AXES_VERBOSE = False
# Two-factor sign-in (django-otp): the name authenticator apps show next to the code.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Support for SMEs")
# The record of who did what keeps this many days (manage.py prune_audit deletes older entries).
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)

# The rich-text editor's own extensions (lang on a span, table captions): portal.editor.
DJANGO_PROSE_EDITOR_EXTENSIONS = EDITOR_EXTENSION_MODULES
# modeltranslation's tabbed admin loads jQuery UI from a CDN unless told otherwise: self-host.
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "portal/vendor/jquery-ui/jquery-ui-tabs.js"

# Site search and the assistant (portal/search/): dense retrieval with the sentence-embedding
# model in portal/search/embedding.py beside BM25 (off: lexical only). Each web process builds
# its index in a background thread and answers from the previous one meanwhile, unless
# SEARCH_BACKGROUND_BUILD is off (tests: the request that finds the index stale rebuilds it).
SEARCH_EMBEDDINGS = env_bool("SEARCH_EMBEDDINGS", True)
SEARCH_BACKGROUND_BUILD = env_bool("SEARCH_BACKGROUND_BUILD", True)
# The passage vectors of an index, as a file every process of the machine maps (held once,
# however many workers); empty: in each process's own memory.
SEARCH_MATRIX_DIR = env_str("SEARCH_MATRIX_DIR") or str(VAR_DIR / "search")

# Hong Kong Observatory weather (weather/): fetched out of band into the cache every
# WEATHER_REFRESH_SECONDS by a thread in each web process (one fetch at a time across them),
# unless WEATHER_BACKGROUND_REFRESH is off and `manage.py weather_refresh --every 600` runs.
HKO_WEATHER_URL = env_str(
    "HKO_WEATHER_URL", "https://data.weather.gov.hk/weatherAPI/opendata/weather.php"
)
WEATHER_BACKGROUND_REFRESH = env_bool("WEATHER_BACKGROUND_REFRESH", True)
WEATHER_REFRESH_SECONDS = env_int("WEATHER_REFRESH_SECONDS", 600)

# E-mail alerts (alerts/). SMTP when EMAIL_HOST is set; otherwise e-mails print to the console.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Support for SMEs <no-reply@localhost>")
# Where links in e-mails point: the public address of the site, without a trailing slash.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
ALERT_SIGNUPS_PER_HOUR = env_int("ALERT_SIGNUPS_PER_HOUR", 10)

# Review dates (portal.reviewdates): months from publishing, or from a publisher's "Mark
# reviewed", to an item's next review, per kind of content ("app_label.model"); others take
# CONTENT_REVIEW_DEFAULT_MONTHS. `manage.py content_review_reminders` (daily) tells publishers
# what is overdue or due within CONTENT_REVIEW_DUE_DAYS, each item at most once a week.
CONTENT_REVIEW_MONTHS = {
    "schemes.scheme": env_int("CONTENT_REVIEW_SCHEME_MONTHS", 6),
    "assistant.curatedanswer": env_int("CONTENT_REVIEW_ANSWER_MONTHS", 6),
    "notices.notice": env_int("CONTENT_REVIEW_NOTICE_MONTHS", 12),
    "portal.organisation": env_int("CONTENT_REVIEW_ORGANISATION_MONTHS", 12),
}
CONTENT_REVIEW_DEFAULT_MONTHS = env_int("CONTENT_REVIEW_DEFAULT_MONTHS", 12)
CONTENT_REVIEW_DUE_DAYS = env_int("CONTENT_REVIEW_DUE_DAYS", 14)

# Link checks (portal.linkcheck): `manage.py check_links` (daily) tries every outside link in
# published content, a few at a time, with a short timeout and a user agent that names the
# site and LINK_CHECK_CONTACT (an address site owners can write to about the checks).
LINK_CHECK_TIMEOUT_SECONDS = env_int("LINK_CHECK_TIMEOUT_SECONDS", 10)
LINK_CHECK_CONCURRENCY = env_int("LINK_CHECK_CONCURRENCY", 4)
LINK_CHECK_CONTACT = env_str("LINK_CHECK_CONTACT")
# A draft marked ready for review has its links checked in a thread after the response, unless
# they were checked within LINK_CHECK_FRESH_HOURS.
LINK_CHECK_BACKGROUND = env_bool("LINK_CHECK_BACKGROUND", True)
LINK_CHECK_FRESH_HOURS = env_int("LINK_CHECK_FRESH_HOURS", 24)
# None: any host. A set of host names: only those are fetched (the tests: loopback only).
LINK_CHECK_ONLY_HOSTS = None

# The open data API (/api/v1/, portal/api/): anonymous and read-only, so any site may read it
# from the browser (CORS for GET); each client address may make this many requests a minute.
API_REQUESTS_PER_MINUTE = env_int("API_REQUESTS_PER_MINUTE", 120)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "retry-after"]
CORS_PREFLIGHT_MAX_AGE = 86400
