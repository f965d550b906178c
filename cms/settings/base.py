"""Settings shared by every environment.

Values that differ between machines come from environment variables, read here
through the helpers in ``env``; ``dev``, ``test`` and ``production`` only add what is
specific to them. The README lists every variable with its default.
"""

import datetime
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from botocore.config import Config
from corsheaders.defaults import default_headers as cors_default_headers
from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE

from core.video_providers import oembed_providers, player_origins

from .env import env_bool, env_choice, env_int, env_list, env_networks, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local state of the embedded default: SQLite file, uploads, collected static files.
VAR_DIR = Path(env_str("CMS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The layers, bottom to top (README, "What is inside"): media, the shared core, the page
# apps, the headless API and content delivery, preview and webhooks, the project. The core
# comes first so that its templates override Wagtail's.
INSTALLED_APPS = [
    "core",
    "media",
    "home",
    "articles",
    "events",
    "projects",
    "alerts",
    "accessibility",
    "api",
    "delivery",
    "preview",
    "webhooks",
    "cms",
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Installed everywhere, idle without WAGTAILFRONTENDCACHE (see below); with it, page
    # changes and the redirects app purge the front-end cache.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # Translating pages and snippets in the admin (README, "Languages"); its locales app
    # replaces wagtail.locales (the "Sprachen" settings).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with the groups' descriptions in the admin (core.editorial.groups).
    "core.editorial.users.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    # Redoc's static files for the offline API docs page at /api/v2/docs/.
    "drf_spectacular_sidecar",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The template Wagtail's sitemap view renders lives in Django's sitemaps app.
    "django.contrib.sitemaps",
    # Wagtail's admin says "vor 3 Minuten" with this app's template tags; without the app
    # installed, its German catalogue is not loaded and the admin says "3 minutes ago".
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A body larger than any upload is refused from its Content-Length, unread.
    "cms.middleware.RequestSizeLimitMiddleware",
    # /healthz for load balancers and Varnish's probes, which ask by address, not host name.
    "cms.health.HealthCheckMiddleware",
    # Static files are answered here, before sessions or the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy and Permissions-Policy (README, "Browser policies"). Outside the
    # middleware below, so it sees the X-Frame-Options a view chose and cached API answers too.
    "cms.browser_policies.BrowserPoliciesMiddleware",
    # Answers CORS preflights before anything else looks at the request.
    "corsheaders.middleware.CorsMiddleware",
    # Names what each anonymous answer shows in its xkey header, for Varnish's purges; it
    # collects while the inner layers make the answer (delivery.middleware, cachetags).
    "delivery.middleware.CacheTagsMiddleware",
    # ETag on every GET, and 304 when the client already has the same answer.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address alone: /en/... English, everything else German (cms.language).
    "cms.language.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with the second factor too (django-otp), and
    # until then the admin asks for it and nothing else treats the session as signed in.
    "django_otp.middleware.OTPMiddleware",
    "cms.signin.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # GET and HEAD requests read the pages' view restrictions once, however many links,
    # related pages and rich text passages ask which pages visitors may see (core.visibility).
    "core.visibility.VisibilityScopeMiddleware",
    # Anonymous reads keep the parts they work out until content changes (core.fragments).
    "delivery.middleware.FragmentScopeMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a refused sign-in (a locked-out user name and client) into the lockout page.
    "axes.middleware.AxesMiddleware",
    # A view's uncaught error under /api/ becomes a JSON 500 with a request id
    # (api.errors). Its answer is made where the view's would be, so it passes every
    # middleware on the way out: CORS headers, never cached or marked public (not a 200).
    "api.errors.APIServerErrorMiddleware",
    "delivery.middleware.APICacheControlMiddleware",
    # Innermost, so a cached API answer skips only the view, not the headers above.
    "delivery.middleware.APIResponseCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Every template sits in its app; the core's come first (INSTALLED_APPS), so its
        # copies of Wagtail admin templates replace Wagtail's.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Logging: warnings and errors of every part, tracebacks included, go to stderr, where the
# container log collects them (`docker compose logs web`, next to gunicorn's access log).
# Django's defaults print nothing when DEBUG is off: they mail request errors to ADMINS,
# which this site has none of. A 500's entry names the request id its answer carries
# (api.errors); 4xx answers are in the access log already.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"}
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Instead of Django's own handlers (the console with DEBUG on, mail to ADMINS), its
        # records go to the root's.
        "django": {"handlers": [], "level": "WARNING"},
        "django.request": {"level": "ERROR"},
        # runserver's access log in development, which configuring "django" resets.
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}

# Database: SQLite in var/ unless DATABASE_URL names another server.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords of at least 12 characters, none from the list of common ones.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A session (an editor's sign-in, a visitor's entered page password) ends after this many
# hours without a request; each request starts the count again.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_HOURS", 8) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Sign-in throttling (django-axes, cms.signin): after SIGNIN_FAILURE_LIMIT wrong passwords for
# one user name from one client address, that pair is refused for SIGNIN_LOCKOUT_MINUTES, even
# with the right password; the admin's "Anmeldesperren" lists and lifts them. The counts live
# in the database, so every web container sees the same. Page passwords are throttled alike.
AUTHENTICATION_BACKENDS = [
    # Refuses locked-out sign-ins; as a ModelBackend it also loads the signed-in user.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A lockout ends SIGNIN_LOCKOUT_MINUTES after the attempt that caused it, however often the
# locked-out client tries again meanwhile: the time the message names holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "cms.signin.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
# Successful sign-ins are not logged by axes: failed attempts are what the review needs, and
# fewer personal data are kept.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
# The client address is the connection's, unless the connection comes from one of these
# proxies (addresses or networks, e.g. the stack's Varnish): then it is the right-most address
# in X-Forwarded-For that is not one of them.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
# Wagtail's sign-in form with a German label on the password field.
WAGTAILADMIN_USER_LOGIN_FORM = "cms.signin.forms.LoginForm"

# Two-factor sign-in for the admin (django-otp, cms.signin.two_factor): a code from an
# authenticator app after the password. Required for superusers and the groups listed here;
# everyone else may set it up in their account. Development and the tests switch the
# requirement off (dev.py, test.py); production keeps it.
TWO_FACTOR_REQUIRED = True
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", default=["Freigabe"])

# German is the admin language and the content's default; English pages live under /en/
# (README, "Languages"). The admin stays German whatever the browser asks for.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# The project's catalogs (locale/): the English of the website's strings, whose msgids are
# German, and the project's corrections to Wagtail's German admin. The .mo files are built,
# not committed: `make run` and `make test` compile them (README, "The website's words in
# German and English").
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates, times and numbers per language, with the website's named formats (cms/formats/).
FORMAT_MODULE_PATH = ["cms.formats"]

# core/static/ is found as the core app's own folder; collectstatic gathers every app's
# files into STATIC_ROOT, from where whitenoise serves them.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = env_str("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = VAR_DIR / "media"

# Media go to S3-compatible object storage when a bucket is named; the variable
# names are django-storages' own. Credentials are read by boto3 from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and never stored in settings.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
AWS_S3_FILE_OVERWRITE = False
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = False
# Storage timeouts: when S3 is slow or unreachable, an upload or a new rendition fails
# within seconds (the editor gets a message, the page leaves the image out) instead of
# hanging the request for minutes on botocore's defaults (60 s to connect, 60 s per read,
# up to 5 attempts). Worst case 2 × (2 s + 10 s), well below gunicorn's worker timeout.
AWS_S3_CLIENT_CONFIG = Config(
    connect_timeout=2,
    read_timeout=10,
    retries={"mode": "standard", "total_max_attempts": 2},
)

# django-storages' S3 storage and Django's file storage, except that files under private/
# (restricted documents, media.document_files) have no public URL.
STORAGES = {
    "default": {
        "BACKEND": (
            "media.storage.S3MediaStorage" if AWS_STORAGE_BUCKET_NAME else "media.storage.LocalMediaStorage"
        ),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Redis when REDIS_URL is set, shared by every web process; otherwise each process
# keeps a small cache in memory. Wagtail keeps its renditions' metadata in the
# "renditions" cache, so a new process need not ask the database for each image size.
REDIS_URL = env_str("REDIS_URL")


def _cache(key_prefix: str) -> dict:
    if not REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": key_prefix}
    return {
        "BACKEND": "delivery.cache.FailSoftRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": key_prefix,
        # A hung Redis must not hang requests: give up quickly and go on without it.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


CACHES = {"default": _cache("cms"), "renditions": _cache("renditions")}

# Background tasks: search and reference indexing, webhook deliveries, front-end cache
# purges and file deletions. "database" queues them in PostgreSQL for the worker
# (`manage.py db_worker`, django-tasks-db); "immediate" runs them inside the request,
# for the embedded default, which has no worker.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": env_choice("TASKS_BACKEND", TASK_BACKENDS, default="immediate")}}
# The scheduler deletes the worker's finished task results after this many days.
TASK_RESULTS_KEEP_DAYS = env_int("TASK_RESULTS_KEEP_DAYS", 14)

# API: how long clients and shared caches may keep an answer, and which other sites'
# front ends may read it from the browser (CORS, read-only).
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
# Anonymous API answers are kept in the cache until content changes (see
# delivery.content_version); the timeout only bounds memory use.
API_RESPONSE_CACHE = env_bool("API_RESPONSE_CACHE", True)
API_RESPONSE_CACHE_ALIAS = "default"
API_RESPONSE_CACHE_TIMEOUT = env_int("API_RESPONSE_CACHE_TIMEOUT", 3600)
# Parts of pages and API answers (a body, the navigation, a page's serialised fields) are
# worked out once per content change and kept here for every anonymous reader (core.fragments).
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
FRAGMENT_CACHE_ALIAS = "default"
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Browser apps revalidate what they keep (a 304 instead of the whole answer) and quote the
# request id of an error.
CORS_ALLOW_HEADERS = [*cors_default_headers, "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "X-Request-ID"]

# Headless preview: the app front end that shows an editor's draft ("{token}" marks where
# the preview token goes; empty: no app front end), and how long a preview token works.
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL")
HEADLESS_PREVIEW_MAX_AGE = env_int("HEADLESS_PREVIEW_MAX_AGE", 3600)

# Front-end cache: Varnish (deploy/varnish/) in front of the app, e.g. http://varnish:80.
# Publishing, unpublishing, moving or deleting a page purges every address that shows it,
# and changes to images, documents and directories ban the whole site (delivery.frontend_cache).
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "delivery.frontend_cache.VarnishBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Webhooks (webhooks/): seconds to wait for a receiver's answer, attempts per delivery,
# and the wait before the first retry; each further wait is four times the one before
# (30 s, 2 min, 8 min, 32 min, 2 h 8 min). Retries need the database task backend.
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 5)
# Receivers in the internal network webhooks may reach all the same (host names as in the
# endpoint's address); every other endpoint must resolve to public addresses only.
WEBHOOK_ALLOWED_HOSTS = env_list("WEBHOOK_ALLOWED_HOSTS")
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6)
WEBHOOK_RETRY_DELAY = env_int("WEBHOOK_RETRY_DELAY", 30)
# The scheduler deletes delivered and failed deliveries from the log after this many days.
WEBHOOK_DELIVERIES_KEEP_DAYS = env_int("WEBHOOK_DELIVERIES_KEEP_DAYS", 90)

# Browser policies (cms.browser_policies; README, "Browser policies"). The website's scripts
# and styles are this site's files, with no inline code; frames come only from the video
# block's players (core.video_providers). Images may also come from the media bucket's public
# address. The CSP_* variables add what an installation needs beyond that; they are not
# settings of their own (django-csp takes names starting with CSP_ for its old settings).
_extra_frame_src = env_list("CSP_EXTRA_FRAME_SRC")
_extra_img_src = env_list("CSP_EXTRA_IMG_SRC")
# Where browsers report violations (a report-uri endpoint); empty: they report nothing.
_report_uri = env_str("CSP_REPORT_URI")


def _origin(url: str) -> str:
    """The scheme and host of an absolute URL; empty for a path."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/')[0]}" if rest else ""


def _media_origins() -> list[str]:
    """Where image URLs point when they do not point to this site (see STORAGES)."""
    if not AWS_STORAGE_BUCKET_NAME:
        return [origin for origin in [_origin(MEDIA_URL)] if origin]
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}"]
    if AWS_S3_ENDPOINT_URL:
        return [_origin(AWS_S3_ENDPOINT_URL)]
    regional = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"]
    return [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com", *(regional if AWS_S3_REGION_NAME else [])]


_csp_common = {
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    **({"report-uri": [_report_uri]} if _report_uri else {}),
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *_media_origins(), *_extra_img_src],
        "frame-src": [*player_origins(), *_extra_frame_src],
        **_csp_common,
    }
}
# Wagtail's admin, measured in Chromium (tests/browser/test_browser_policies.py): the least
# its page editor, choosers, image upload and preview work with (README, "Browser policies").
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Wagtail's form widgets start with an inline <script> each (date fields, choosers,
        # inline panels), also in the forms its dialogs load.
        "script-src-elem": [SELF, UNSAFE_INLINE],
        # Inline event handlers stay blocked, except the no-op "return;" the focal point
        # cropper (Jcrop) puts on its elements.
        "script-src-attr": [UNSAFE_HASHES, "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],
        "style-src": [SELF],
        # The rich text editor (Draftail) adds <style> elements for nested lists.
        "style-src-elem": [SELF, UNSAFE_INLINE],
        "style-src-attr": [NONE],
        # The multiple upload view shows each chosen file before it is sent (blob: URLs).
        "img-src": [SELF, "blob:", *_media_origins(), *_extra_img_src],
        # The preview panel frames the admin's own previews (and, added by the middleware, the
        # app front end of the "App-Vorschau").
        "frame-src": [SELF],
        **_csp_common,
    }
}
# JSON runs nothing and loads nothing.
CONTENT_SECURITY_POLICY_API = {
    "DIRECTIVES": {
        "default-src": [NONE],
        **_csp_common,
        "base-uri": [NONE],
        "form-action": [NONE],
    }
}
# Django's SecurityMiddleware: other sites learn only this site's origin from a link, and a
# page opened from another site's window cannot reach into this one (or the other way round).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Smart City")
# The name the authenticator app shows beside the user name.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")

# E-mail: the review workflow's notifications (and password resets), sent inside the
# editor's request through SMTP; development prints them, the tests keep them in memory.
# A mail server that does not answer delays the request by EMAIL_TIMEOUT at most.
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Smart City CMS <cms@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# /.well-known/security.txt (RFC 9116): whom to tell about a vulnerability (mailto: or
# https: addresses; by default the sender address of the CMS's e-mails), the disclosure
# policy's address if there is one, and how many days ahead the file's expiry lies (RFC 9116
# advises less than a year).
SECURITY_CONTACTS = env_list("SECURITY_CONTACT", default=[f"mailto:{parseaddr(DEFAULT_FROM_EMAIL)[1]}"])
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL")
SECURITY_TXT_VALID_DAYS = env_int("SECURITY_TXT_VALID_DAYS", 180)
# Addresses per file of the sitemap index (/sitemap.xml); the protocol allows 50,000. A file of
# 5,000 is written in about half a second at a hundred thousand pages, then kept until content
# changes (cms.views).
SITEMAP_PAGE_SIZE = 5_000
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# Where the form "Barriere melden" sends each report (comma-separated addresses); empty: the
# reports are only listed in the admin ("Barrieremeldungen").
BARRIER_REPORT_EMAIL = env_list("BARRIER_REPORT_EMAIL")
# Every date in the CMS is Berlin time, so editors have no time zone to choose (and the
# account settings do not list 600 zone names in English).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
# Avatars are the editors' own uploads or Wagtail's default picture: the admin asks no other
# host, so no editor's e-mail address (hashed) goes to gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions: upgrades are chosen and
# pinned in requirements.txt, not prompted by the admin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
# A replaced image or document file is deleted only once the new one is stored (media.forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.DocumentForm"
# Uploads are checked by their content (media.uploads): images must be one of these raster
# formats, with at most UPLOAD_MAX_IMAGE_PIXELS pixels, read from the header before any
# pixel is decoded (a PNG of 600 KB can hold 196 million); documents one of the kinds
# below. Sizes are in megabytes.
MEGABYTE = 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("UPLOAD_MAX_IMAGE_MB", 20) * MEGABYTE
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
# Documents, each extension with the content type it is served with. Not ZIP (an archive's
# content cannot be checked and may hold anything) nor RTF (it embeds OLE objects, the way
# in of several Word exploits, and any word processor saves DOCX or ODT instead).
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
    "txt": "text/plain",
}
WAGTAILDOCS_EXTENSIONS = list(WAGTAILDOCS_CONTENT_TYPES)
# Only PDFs open in the browser; every other document is downloaded (Content-Disposition:
# attachment), from the CMS and from the bucket alike (media.storage).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# PDF, Office and OpenDocument files; CSV and plain text.
DOCUMENTS_MAX_SIZE = env_int("UPLOAD_MAX_DOCUMENT_MB", 20) * MEGABYTE
DOCUMENTS_MAX_TEXT_SIZE = env_int("UPLOAD_MAX_TEXT_MB", 5) * MEGABYTE
# What Wagtail's uploaders check in the browser before sending a file.
WAGTAILDOCS_MAX_UPLOAD_SIZE = max(DOCUMENTS_MAX_SIZE, DOCUMENTS_MAX_TEXT_SIZE)
# A request body larger than the largest upload plus the form's other fields (Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB) is refused from its Content-Length before it is read
# (cms.middleware).
MAX_REQUEST_BODY_SIZE = max(WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE) + int(2.5 * MEGABYTE)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, each page stemmed in its language (core.search_backend).
        "BACKEND": "core.search_backend",
        "SEARCH_CONFIG": "german",
        "LANGUAGE_CONFIGS": {"de": "german", "en": "english"},
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Draftail, answering a rich text value it never sends with 400 instead of a server error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "core.editorial.rich_text.CheckedDraftailRichTextArea"},
}
# Videos come only from the platforms the website's Content-Security-Policy lets frames in
# from (core.video_providers); an address of any other is refused in the video block.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": oembed_providers()}]
# The admin's date fields and their calendars show and write German dates. The server
# reads them with Django's "de" input formats (LANGUAGE_CODE), which take ISO dates too;
# core.editorial.date_input keeps the calendar from replacing what it cannot read.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Links typed without a scheme get https://, as Django 6 will do by default.
FORMS_URLFIELD_ASSUME_HTTPS = True
