# The API image. The database is migrated at start: SQLite in the /data volume by default, or
# PostgreSQL when DATABASE_URL names one. Set PUBLIC_BASE_URL (https://api.example.org) so that
# `next_url` and `Link` point where clients reach the service.
FROM python:3.11-slim
WORKDIR /srv/ontherecord
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 DATABASE_URL=sqlite:////data/ontherecord.db
# A regular install: the package lives in site-packages and the source tree is not kept.
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install . && rm -rf app build ./*.egg-info
# What runs beside the package: the migrations (alembic.ini finds them here) and the seeds.
COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
# Never root: a dedicated user that owns only the data volume.
RUN useradd --system --uid 10001 --no-create-home --home-dir /srv/ontherecord ontherecord \
    && mkdir -p /data && chown ontherecord:ontherecord /data
USER ontherecord
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["sh", "-c", "ontherecord migrate && exec ontherecord serve --host 0.0.0.0 --port 8000 --workers ${WORKERS:-2}"]
