# eokb API server. Needs EOKB_DATABASE_URL (see docker-compose.yml); migrates on start, then serves.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --system --create-home --uid 10001 eokb
COPY --from=build /install /usr/local
USER eokb
WORKDIR /home/eokb
ENV PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
CMD ["eokb", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
