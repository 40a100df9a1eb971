# syntax=docker/dockerfile:1.7
# Zorgroute admin UI: the static Vite build served by nginx (unprivileged, port 8080), which also proxies
# /graphql, /health and the api's file routes (/calendar/, /exports/, /documents/) to API_UPSTREAM, so the
# browser sees one origin (no CORS).
#
#   docker build -f infra/docker/admin.Dockerfile -t zorgroute/admin:<version> .    (from the repository root)
#   docker run -e API_UPSTREAM=http://api:3000 -p 8080:8080 zorgroute/admin:<version>
#
# The `deps` and `build` stages are identical in api/worker/admin.Dockerfile, so BuildKit builds them once.
ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

# ---- all npm packages, pinned by package-lock.json (cached until a manifest changes) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/package.json
COPY apps/worker/package.json apps/worker/package.json
COPY apps/admin/package.json apps/admin/package.json
COPY libs/domain/package.json libs/domain/package.json
COPY libs/notifications/package.json libs/notifications/package.json
COPY libs/dates/package.json libs/dates/package.json
COPY libs/processes/package.json libs/processes/package.json
COPY libs/temporal-codec/package.json libs/temporal-codec/package.json
COPY libs/workflows/package.json libs/workflows/package.json
# `npm install` follows the lockfile; `npm ci` rejects lockfiles written by npm 10/11 without other platforms'
# optional binaries (see infra/scripts/lib/node-modules.mjs).
RUN npm install --no-audit --no-fund

# ---- build every project (tsc; the worker's build also writes dist/workflow-bundle.js; vite for the admin) ----
FROM deps AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
COPY . .
RUN npx nx run-many -t build --outputStyle=stream

# ---- nginx with the static files ----
FROM ${NGINX_IMAGE} AS runtime
# The image's entrypoint renders /etc/nginx/templates/*.template with envsubst into /etc/nginx/conf.d/.
ENV API_UPSTREAM=http://api:3000
COPY infra/docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/admin/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
