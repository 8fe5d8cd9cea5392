# ROR FHIR server. Build: docker build -t ror-server .   Run: docker run -p 8080:8080 ror-server
# Default store: SQLite in the /data volume. For MongoDB set ROR_STORE=mongodb, MONGODB_URI and MONGODB_DB
# (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ROR_STORE=sqlite

WORKDIR /src
COPY . .
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data --create-home ror

USER ror
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4)"]

CMD ["ror", "serve", "--host", "0.0.0.0", "--port", "8080", "--db", "/data/ror.db", "--workers", "4"]
