"""steppe settings: configured only through environment variables (see docs/settings.md).

The embedded defaults (SQLite, a file cache, local media) need nothing but Python; setting
DATABASE_URL / REDIS_URL switches to PostgreSQL / Redis without code changes.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STEPPE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Production = behind TLS on the public internet: secure cookies, HSTS, a real secret key.
PRODUCTION = env_bool("STEPPE_PRODUCTION")
DEBUG = env_bool("DJANGO_DEBUG")


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when STEPPE_PRODUCTION is on.")
    # Local/demo runs: a random key kept beside the database so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        # Several server workers may start at once on a fresh VAR_DIR: the key is written whole to
        # a private file first and then linked into place, so no process ever reads a half-written
        # (empty) key, and the first link wins for every process.
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        draft = VAR_DIR / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        draft.write_text(secrets.token_urlsafe(50))
        draft.chmod(0o600)
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "news",
    "pagecache",
    "syndication",
    "fx",
    "wordpress",
    "translit",
    "lite",
    "ops",
    "scheduling",
    "discovery",
    "readership",
    "sitesearch",
    "twofactor",
    "newsletter",  # the email newsletter: double opt-in, issues from the admin, batched sends
    "mirror",  # static copies for mirrors (export_static), Onion-Location, mirror links
    "telegram",  # articles posted to the newsroom's Telegram channels
    "breaking",  # the breaking-news banner, one per language
    "live",  # live coverage pages and their entries
    "takedown",  # articles taken down for legal reasons: 410 Gone
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # backup codes
    "backups",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: /healthz, /readyz, /metrics; request ids, request logs and metrics (ops app).
    "ops.middleware.OpsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: the header depends on the request's scheme, which the cache key lacks.
    "mirror.middleware.OnionLocationMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "lite.middleware.LiteModeMiddleware",  # ?lite=1: text-first pages, cached as their own entries
    "steppe.headers.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "translit.script.UzbekScriptMiddleware",  # Uzbek pages in Latin or Cyrillic (?script=cyrl)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor authentication (twofactor app): OTPMiddleware marks sessions verified with a code;
    # ours sends editors who owe one to the verify (or, with STEPPE_REQUIRE_2FA, set-up) page.
    "django_otp.middleware.OTPMiddleware",
    "twofactor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After the redirects in this list, so it sees a 404 first: a taken-down article's address
    # answers 410 Gone (inside the page cache, which caches it) and no Redirect can replace it.
    "takedown.middleware.TakedownMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "steppe.urls"
WSGI_APPLICATION = "steppe.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE") or "60"),  # empty means the default
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while the worker or an editor writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if DATABASES["default"]["CONN_MAX_AGE"] is None:
        # No never-closed connections on SQLite: each request opens and closes its own instead.
        DATABASES["default"]["CONN_MAX_AGE"] = 0

# An optional read replica: anonymous page reads go there, everything else to the primary
# (steppe/dbrouter.py; docs/deploy.md "Read replica").
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["steppe.dbrouter.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("STEPPE_CACHE_PREFIX", "steppe")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that logs and carries on when Redis is down (pages render uncached).
            "BACKEND": "steppe.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("STEPPE_REDIS_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("STEPPE_REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    # A file cache is shared by every worker process of one machine, unlike local memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Wagtail writes every rendition it hands out to this cache, on every render. Pages prefetch their
# renditions (a fixed number of queries, tests/news/test_query_budget.py), so those writes bought
# nothing and cost 14 file writes (or Redis round trips) per article.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("STEPPE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after STEPPE_LOGIN_FAILURE_LIMIT failed logins from one
# address, that address is locked out of logging in for STEPPE_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("STEPPE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("STEPPE_LOGIN_COOLOFF_MINUTES", "30")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind STEPPE_PROXY_COUNT reverse proxies (1 in production) the reader's address is the one
# the outermost proxy appended to X-Forwarded-For; earlier entries can be forged by the client.
STEPPE_PROXY_COUNT = int(os.environ.get("STEPPE_PROXY_COUNT", "1" if PRODUCTION else "0"))
AXES_CLIENT_IP_CALLABLE = "steppe.hardening.client_ip"
# Two-factor authentication (TOTP) is optional for each editor; this makes it compulsory.
STEPPE_REQUIRE_2FA = env_bool("STEPPE_REQUIRE_2FA")

# Languages: the seven of the region are supported; STEPPE_LANGUAGES says which this site uses.
ALL_LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("tk", _("Turkmen")),
]
_site_languages = env_list("STEPPE_LANGUAGES", "en,ru")
_unknown = set(_site_languages) - {code for code, _name in ALL_LANGUAGES}
if _unknown:
    raise ImproperlyConfigured(f"STEPPE_LANGUAGES has unsupported codes: {sorted(_unknown)}")
LANGUAGES = [(code, name) for code, name in ALL_LANGUAGES if code in _site_languages]
LANGUAGE_CODE = _site_languages[0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# No automatic aliases in the other languages: an untranslated page must be absent there, never the
# source text under /ru/ (README "Languages"). Translating a page copies its missing parents instead.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("STEPPE_TIME_ZONE", "Asia/Almaty")

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("STEPPE_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Media on S3-compatible object storage (AWS S3, MinIO, Ceph, R2, …) when a bucket is set.
STEPPE_S3_BUCKET = os.environ.get("STEPPE_S3_BUCKET", "")
if STEPPE_S3_BUCKET:
    from botocore.config import Config as _BotoConfig

    STEPPE_S3_ENDPOINT_URL = os.environ.get("STEPPE_S3_ENDPOINT_URL", "") or None
    STEPPE_S3_CUSTOM_DOMAIN = os.environ.get("STEPPE_S3_CUSTOM_DOMAIN", "") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": STEPPE_S3_BUCKET,
            "endpoint_url": STEPPE_S3_ENDPOINT_URL,
            "region_name": os.environ.get("STEPPE_S3_REGION", "") or None,
            "access_key": os.environ.get("STEPPE_S3_ACCESS_KEY_ID", "") or None,
            "secret_key": os.environ.get("STEPPE_S3_SECRET_ACCESS_KEY", "") or None,
            "location": os.environ.get("STEPPE_S3_PREFIX", "media").strip("/"),
            "custom_domain": STEPPE_S3_CUSTOM_DOMAIN,
            "url_protocol": os.environ.get("STEPPE_S3_URL_PROTOCOL", "https:"),
            "addressing_style": os.environ.get("STEPPE_S3_ADDRESSING_STYLE", "") or None,
            # Media are public: plain URLs a CDN can cache, no signatures that expire.
            "querystring_auth": env_bool("STEPPE_S3_SIGNED_URLS"),
            "default_acl": os.environ.get("STEPPE_S3_ACL", "") or None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            "client_config": _BotoConfig(connect_timeout=5, read_timeout=20, retries={"max_attempts": 3}),
        },
    }
    # Pages show images from the bucket's (or the CDN's) host: allow it in the CSP below.
    if STEPPE_S3_CUSTOM_DOMAIN:
        _S3_IMG_HOST = (
            f"{STORAGES['default']['OPTIONS']['url_protocol']}//{STEPPE_S3_CUSTOM_DOMAIN.split('/')[0]}"
        )
    elif STEPPE_S3_ENDPOINT_URL:
        from urllib.parse import urlsplit as _urlsplit

        _S3_IMG_HOST = "{0.scheme}://{0.netloc}".format(_urlsplit(STEPPE_S3_ENDPOINT_URL))
    else:
        _S3_IMG_HOST = "https://*.amazonaws.com"
else:
    _S3_IMG_HOST = ""
WHITENOISE_MAX_AGE = 3600
# The demo and small installs serve media from the app (S3/CDN at scale; see docs/deploy.md).
STEPPE_SERVE_MEDIA = env_bool("STEPPE_SERVE_MEDIA", default=True)

WAGTAIL_SITE_NAME = os.environ.get("STEPPE_SITE_NAME", "The Steppe Courier")
WAGTAILADMIN_BASE_URL = os.environ.get("STEPPE_BASE_URL", "http://127.0.0.1:8000")
STEPPE_ADMIN_PATH = os.environ.get("STEPPE_ADMIN_PATH", "admin").strip("/") or "admin"
WAGTAILIMAGES_IMAGE_MODEL = "news.NewsImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "news.forms.NewsImageForm"  # unreadable files: a form error, not a 500
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# A workflow's final approval publishes, except an embargoed article: scheduled for the embargo's end.
WAGTAIL_FINISH_WORKFLOW_ACTION = "news.embargo.finish_workflow"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        # lang-xx: mark a quoted passage's language (news/wagtail_hooks.py), <span lang="xx">.
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
            + [f"lang-{code}" for code, _name in ALL_LANGUAGES]
        },
    }
}

# Page cache for anonymous readers (pagecache app) and the HTTP caching headers it sends.
STEPPE_PAGE_CACHE = env_bool("STEPPE_PAGE_CACHE", default=True)
STEPPE_PAGE_CACHE_SECONDS = int(os.environ.get("STEPPE_PAGE_CACHE_SECONDS", "600"))
# The query parameters pages use, in the order the site's links write them: only these key the
# page cache (and nginx's, deploy/nginx/steppe.conf); tracking (?utm_source=, ?fbclid=) and unknown
# parameters are dropped before a page is rendered. Page number, Uzbek script, lite mode, feed
# page, the search form, the rates converter, a WordPress import's old addresses.
STEPPE_PAGE_CACHE_QUERY_PARAMS = [
    "page", "script", "lite", "p", "q", "country", "section", "date_from", "date_to", "language", "order",
    "amount", "from", "to",
    # WordPress's own query addresses, which imported redirects answer (wordpress.importer).
    "page_id", "cat", "tag", "author", "m", "attachment_id", "post_type", "lang",
]  # fmt: skip
# Paths whose whole query string (less tracking parameters) keys the cache: the JSON API checks
# its parameters itself.
STEPPE_PAGE_CACHE_WHOLE_QUERY = ["/api/"]
STEPPE_PAGE_CACHE_EXCLUDE = [f"/{STEPPE_ADMIN_PATH}/", "/documents/", "/media/", "/static/", "/_util/"]
STEPPE_BROWSER_MAX_AGE = int(os.environ.get("STEPPE_BROWSER_MAX_AGE", "60"))
STEPPE_CDN_MAX_AGE = int(os.environ.get("STEPPE_CDN_MAX_AGE", "300"))
STEPPE_STALE_WHILE_REVALIDATE = int(os.environ.get("STEPPE_STALE_WHILE_REVALIDATE", "60"))
STEPPE_STALE_IF_ERROR = int(os.environ.get("STEPPE_STALE_IF_ERROR", "86400"))

# A CDN or reverse proxy to purge on publish (see docs/deploy.md), e.g.
# STEPPE_PURGE_URL=http://127.0.0.1:8080 for the shipped nginx config.
if os.environ.get("STEPPE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["STEPPE_PURGE_URL"],
        }
    }
    WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
    # Wagtail's frontend-cache app purges on publish and for the redirects it creates, queueing a
    # task whether or not there is a target: installed only when there is one. Before pagecache,
    # whose ready() drops its page purges (pagecache.signals purges the page and its listings).
    INSTALLED_APPS.insert(INSTALLED_APPS.index("pagecache"), "wagtail.contrib.frontend_cache")

STEPPE_ARTICLES_PER_PAGE = int(os.environ.get("STEPPE_ARTICLES_PER_PAGE", "12"))

# Suggested articles, most read and search (README "Discovery").
STEPPE_SUGGESTIONS_SNAPSHOT = os.environ.get(
    "STEPPE_SUGGESTIONS_SNAPSHOT", str(VAR_DIR / "suggestions-index.pickle")
)
STEPPE_COUNT_VIEWS = env_bool("STEPPE_COUNT_VIEWS", default=True)
STEPPE_VIEWS_FLUSH_ON_READ = env_bool("STEPPE_VIEWS_FLUSH_ON_READ", default=True)
STEPPE_SEARCH_PER_PAGE = int(os.environ.get("STEPPE_SEARCH_PER_PAGE", "10"))

# Official exchange rates (fx app; README "Exchange rates"). Sources by short name; the CBR
# cross-check is fetched first. STEPPE_FX_BASE_URLS is JSON {"nbk": "http://mirror"} (tests, proxies).
STEPPE_FX_SOURCES = env_list("STEPPE_FX_SOURCES", "cbr,nbk,nbkr,cbu,nbt,cbt")
STEPPE_FX_BASE_URLS = os.environ.get("STEPPE_FX_BASE_URLS", "")
STEPPE_FX_TIMEOUT = float(os.environ.get("STEPPE_FX_TIMEOUT", "10"))
STEPPE_FX_MAX_JUMP_PCT = os.environ.get("STEPPE_FX_MAX_JUMP_PCT", "5")
STEPPE_FX_CROSS_TOLERANCE_PCT = os.environ.get("STEPPE_FX_CROSS_TOLERANCE_PCT", "1")

# Security: safe defaults everywhere, HTTPS-only settings in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
STEPPE_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# Public pages: no inline script or style at all, nothing from other hosts. The Wagtail admin
# (which needs inline scripts) is excluded and keeps its own protections.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{STEPPE_ADMIN_PATH}/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": [
            "'self'",
            "data:",
            *([_S3_IMG_HOST] if _S3_IMG_HOST else []),
            *env_list("STEPPE_CSP_IMG_HOSTS", ""),
        ],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("STEPPE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("STEPPE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("STEPPE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    # Wagtail's live preview shows the page in a same-origin frame, so X-Frame-Options stays
    # SAMEORIGIN (and CSP frame-ancestors 'self'); other sites still cannot frame any page.
    SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])

# Logs: one JSON object per line in production (ops/logs.py), plain text otherwise. Every request
# gets a line of its own (logger steppe.request) with its id, path, status and duration.
STEPPE_LOG_FORMAT = os.environ.get("STEPPE_LOG_FORMAT", "json" if PRODUCTION else "plain")
if STEPPE_LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured("STEPPE_LOG_FORMAT must be json or plain")
STEPPE_LOG_REQUESTS = env_bool("STEPPE_LOG_REQUESTS", default=STEPPE_LOG_FORMAT == "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "ops.logs.RequestIdFilter"},
        "quiet_task_progress": {"()": "ops.logs.QuietTaskProgress"},
    },
    "formatters": {
        "plain": {
            "()": "ops.logs.LabelledFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {"()": "ops.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": STEPPE_LOG_FORMAT,
            "filters": ["request_id"]
            + (
                ["quiet_task_progress"]
                if STEPPE_LOG_FORMAT == "plain" and not env_bool("STEPPE_LOG_TASKS")
                else []
            ),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("STEPPE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "steppe.request": {"level": "INFO" if STEPPE_LOG_REQUESTS else "ERROR"},
    },
}

# Prometheus metrics at /metrics (ops/metrics.py): from these addresses (direct connections, not
# through a proxy) or with `Authorization: Bearer $STEPPE_METRICS_TOKEN`.
STEPPE_METRICS_ALLOW = env_list("STEPPE_METRICS_ALLOW", "127.0.0.1,::1")
STEPPE_METRICS_TOKEN = os.environ.get("STEPPE_METRICS_TOKEN", "")
STEPPE_METRICS_FLUSH_SECONDS = float(os.environ.get("STEPPE_METRICS_FLUSH_SECONDS", "5"))

# Periodic jobs (scheduling app, `manage.py run_scheduler`): JSON changes to scheduling/jobs.py.
STEPPE_SCHEDULE = os.environ.get("STEPPE_SCHEDULE", "")

# Telegram channels (telegram app, docs/telegram.md): off without a bot token. Channels per
# language as JSON {"en": "@steppe_en", "ru": "@steppe_ru"} (or en=@steppe_en,ru=@steppe_ru).
STEPPE_TELEGRAM_BOT_TOKEN = os.environ.get("STEPPE_TELEGRAM_BOT_TOKEN", "")
STEPPE_TELEGRAM_CHANNELS = os.environ.get("STEPPE_TELEGRAM_CHANNELS", "")
STEPPE_TELEGRAM_API_URL = os.environ.get("STEPPE_TELEGRAM_API_URL", "") or "https://api.telegram.org"
STEPPE_TELEGRAM_TIMEOUT = os.environ.get("STEPPE_TELEGRAM_TIMEOUT", "") or "10"
STEPPE_TELEGRAM_RETRY_SECONDS = os.environ.get("STEPPE_TELEGRAM_RETRY_SECONDS", "") or "10"
STEPPE_TELEGRAM_MAX_ATTEMPTS = os.environ.get("STEPPE_TELEGRAM_MAX_ATTEMPTS", "") or "8"
STEPPE_TELEGRAM_MAX_AGE_HOURS = os.environ.get("STEPPE_TELEGRAM_MAX_AGE_HOURS", "") or "24"

# Email (the newsletter's confirmations and issues; docs/newsletter.md). SMTP when EMAIL_HOST is
# set (or in production); otherwise mails are printed on the task worker's output, so `make run`
# shows them without a mail server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST or PRODUCTION
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")  # TLS from the first byte, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT") or "30")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or f"{WAGTAIL_SITE_NAME} <newsletter@localhost>"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# Newsletter sending (newsletter app): messages a second (0: as fast as the server takes them),
# messages per SMTP connection, a pause between connections, and how long one task sends before
# it hands the worker back (the next slice is queued). Lease: how long a sender that went silent
# keeps an issue before another takes over.
STEPPE_NEWSLETTER_RATE = float(os.environ.get("STEPPE_NEWSLETTER_RATE") or "10")
STEPPE_NEWSLETTER_BATCH_SIZE = max(int(os.environ.get("STEPPE_NEWSLETTER_BATCH_SIZE") or "100"), 1)
STEPPE_NEWSLETTER_BATCH_PAUSE = float(os.environ.get("STEPPE_NEWSLETTER_BATCH_PAUSE") or "0")
STEPPE_NEWSLETTER_SLICE_SECONDS = float(os.environ.get("STEPPE_NEWSLETTER_SLICE_SECONDS") or "30")
STEPPE_NEWSLETTER_LEASE_SECONDS = float(os.environ.get("STEPPE_NEWSLETTER_LEASE_SECONDS") or "120")
STEPPE_NEWSLETTER_RETRY_SECONDS = float(os.environ.get("STEPPE_NEWSLETTER_RETRY_SECONDS") or "60")
# An address that takes unsubscribe requests by mail, added to List-Unsubscribe (optional).
STEPPE_NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get("STEPPE_NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
# Subscribe form limits: confirmation mails per address an hour, requests per client address an hour.
STEPPE_NEWSLETTER_ADDRESS_LIMIT = int(os.environ.get("STEPPE_NEWSLETTER_ADDRESS_LIMIT") or "3")
STEPPE_NEWSLETTER_IP_LIMIT = int(os.environ.get("STEPPE_NEWSLETTER_IP_LIMIT") or "20")

# Alternate addresses for blocked readers (mirror app, docs/mirrors.md): the onion service's base URL,
# sent as Onion-Location on HTTPS pages, and the mirrors the footer links to (comma-separated URLs).
STEPPE_ONION_LOCATION = os.environ.get("STEPPE_ONION_LOCATION", "")
STEPPE_MIRROR_URLS = env_list("STEPPE_MIRROR_URLS", "")
