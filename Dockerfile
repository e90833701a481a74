# The API image. With DATABASE_URL pointing at PostgreSQL, the database is migrated at start.
FROM python:3.11-slim
WORKDIR /srv/ontherecord
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DATABASE_URL=sqlite:////data/ontherecord.db
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-cache-dir -e . && mkdir -p /data
EXPOSE 8000
CMD ["sh", "-c", "ontherecord migrate && ontherecord serve --host 0.0.0.0 --port 8000 --workers ${WORKERS:-2}"]
