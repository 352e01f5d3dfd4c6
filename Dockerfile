# The factcheck app on a slim Python 3.13 image, served by gunicorn; static files by whitenoise.
# gthread workers: a streamed export of a million statements runs for minutes, longer than a
# sync worker may stay silent before gunicorn kills it. Keep-alive outlasts the proxy's idle
# upstream connections, so the proxy never sends a request down a connection gunicorn is closing.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# pango for WeasyPrint's PDF reports; fonts so reports and pages render with real glyphs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
RUN pip install ".[server]"
COPY . .

# var/media is where workers write export files; a volume mounted there starts with this owner.
RUN useradd --system --home /app factcheck && mkdir -p /app/var/media && chown -R factcheck /app
USER factcheck
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py collectstatic --noinput -v0 && exec gunicorn factcheck.wsgi --bind 0.0.0.0:8000 --worker-class gthread --workers 2 --threads 4 --keep-alive 75 --access-logfile -"]
