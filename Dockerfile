# One app replica. Not built on the project's CI machine (no Docker there): what is tested
# is the same replica command and the same deploy/haproxy.cfg, run by graph/district.py.
# Build: docker build -t ties .   Run a district: docker compose -f deploy/compose.yaml up
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Layouts are read from here (written below, at build time).
    TIES_CACHE_DIR=/app/.cache \
    # Two malloc arenas (scripts/replica.py sets the same at start; docs/deploy.md "Memory").
    MALLOC_ARENA_MAX=2

RUN useradd --create-home --uid 10001 ties && mkdir /app && chown ties:ties /app
WORKDIR /app
# The whole dependency tree, pinned with hashes (as `make run` installs it).
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock
COPY --chown=ties:ties . .
USER ties
# Bake the data's layouts into the image: a new container reads them, computes nothing.
RUN python -m graph.warm data

EXPOSE 8501
# Healthy means warm: the replica opens its port only after loading data and layouts.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).status != 200)"
CMD ["python", "scripts/replica.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
