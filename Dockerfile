# syntax=docker/dockerfile:1
# Production image: gunicorn behind a TLS-terminating load balancer.

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install --no-cache-dir --require-hashes -r /tmp/requirements.lock
WORKDIR /app
COPY . .
ENV PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    STATIC_ROOT=/app/var/static
# Build-time values only: the real ones come from the environment at run time.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid python manage.py compilemessages --ignore=/venv
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid python manage.py bundle_css
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    STATIC_ROOT=/app/var/static \
    PORT=8000 WEB_CONCURRENCY=3
RUN useradd --system --uid 10001 --home-dir /app portal
COPY --from=build /venv /venv
COPY --from=build --chown=portal:portal /app /app
WORKDIR /app
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=4)"
# Each gunicorn worker keeps the HKO weather reading fresh from a background thread (one fetch
# at a time across workers, through Redis). To fetch from one place instead, run this image with
# WEATHER_BACKGROUND_REFRESH=false and a second container: python manage.py weather_refresh --every 600
# E-mail alerts go out from the same image on a timer, never from the web workers, e.g. every
# 5 minutes: `python manage.py send_alerts` (a cron job, systemd timer or Kubernetes CronJob;
# see README "E-mail alerts"). Safe to overlap or rerun: nothing is sent twice.
# No gunicorn access log: the application writes one line per request without addresses.
# gunicorn.conf.py raises the request-line limit so long Chinese questions reach the site.
CMD ["sh", "-c", "exec gunicorn portal.wsgi --config gunicorn.conf.py --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY} --error-logfile -"]
