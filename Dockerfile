# syntax=docker/dockerfile:1
# Armistice room server.
#   docker build -t armistice .
#   docker run -p 8080:8080 -v armistice-data:/data armistice
# The instructor key: set ARMISTICE_INSTRUCTOR_KEY, or read the one generated at first start from the log
# (it is kept in /data/instructor.key).

ARG SWIFT_VERSION=6.3
ARG DEBIAN_RELEASE=bookworm

# ---- build ----
FROM swift:${SWIFT_VERSION}-${DEBIAN_RELEASE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libwebsockets-dev libwebsockets-evlib-ev libev-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so they are cached while sources change.
COPY Package.swift Package.resolved* ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product armistice --static-swift-stdlib \
 && mkdir -p /staging \
 && cp "$(swift build -c release --show-bin-path)/armistice" /staging/
COPY rulesets /staging/rulesets
# The browser client (clients/web) is optional at build time.
RUN --mount=type=bind,source=.,target=/context \
    mkdir -p /staging/clients/web \
 && if [ -d /context/clients ]; then cp -r /context/clients/. /staging/clients/; fi

# ---- run ----
FROM debian:${DEBIAN_RELEASE}-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libwebsockets17 libwebsockets-evlib-ev libev4 libcap2 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /app --shell /usr/sbin/nologin armistice \
 && mkdir -p /data && chown armistice /data
WORKDIR /app
COPY --from=build /staging /app
USER armistice
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"ok\"' <&3"]
ENTRYPOINT ["/app/armistice", "serve"]
CMD ["--host", "0.0.0.0", "--port", "8080", "--data", "/data", "--rulesets", "/app/rulesets", "--web", "/app/clients/web"]
