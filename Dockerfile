# The CMS image of the production stack (docker-compose.yml): web, worker and
# scheduler all run it, with different commands. No secrets go into it; every
# setting comes from the environment at run time (.env.example lists them).

# The translation catalogs (locale/*/LC_MESSAGES/django.po) compiled with GNU gettext's msgfmt,
# checking placeholders as Django's compilemessages does, in a stage of its own: the image
# gets the .mo files (they are built, not committed) without the gettext package.
FROM python:3.11-slim-bookworm AS catalogs
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY locale /locale
RUN for po in /locale/*/LC_MESSAGES/django.po; do msgfmt --check-format -o "${po%.po}.mo" "$po" || exit 1; done

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    CMS_VAR_DIR=/app/var

RUN groupadd --system --gid 10001 cms \
    && useradd --system --uid 10001 --gid cms --no-create-home --home-dir /app cms

WORKDIR /app

# Requirements first, so a code change does not reinstall them. Every package has a
# binary wheel for this platform (psycopg2-binary, pillow), so no compiler is needed.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
COPY --from=catalogs /locale/ locale/

# Static files are collected into the image: hashed names and compressed copies, served
# by whitenoise. Production settings insist on a secret key even for this; a throwaway
# one is given to this step only and is not kept in the image's environment.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && mkdir -p var/media \
    && chown cms:cms var/media

USER cms
EXPOSE 8000

# The web process; docker-compose.yml runs the worker and the scheduler with their own commands.
CMD ["deploy/start-web.sh"]
