# syntax=docker/dockerfile:1.7
# Zorgroute api (NestJS GraphQL, /graphql and /health). The image also carries the database migrations
# (`node libs/domain/dist/migrate.js`, run as a one-shot job before a release starts) and the demo-data seed.
#
#   docker build -f infra/docker/api.Dockerfile -t zorgroute/api:<version> .      (from the repository root)
#
# The `deps` and `build` stages are identical in api/worker/admin.Dockerfile, so BuildKit builds them once.
ARG NODE_IMAGE=node:20-bookworm-slim

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

# ---- runtime packages only ----
FROM ${NODE_IMAGE} AS prod-deps
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
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- the api ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
# node_modules/@zorgroute/* are workspace symlinks to these folders.
COPY --from=build /app/libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/logic/package.json libs/domain/logic/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/notifications/package.json libs/notifications/package.json
COPY --from=build /app/libs/notifications/dist libs/notifications/dist
COPY --from=build /app/libs/dates/package.json libs/dates/package.json
COPY --from=build /app/libs/dates/dist libs/dates/dist
COPY --from=build /app/libs/processes/package.json libs/processes/package.json
COPY --from=build /app/libs/processes/dist libs/processes/dist
COPY --from=build /app/libs/temporal-codec/package.json libs/temporal-codec/package.json
COPY --from=build /app/libs/temporal-codec/dist libs/temporal-codec/dist
COPY --from=build /app/libs/workflows/package.json libs/workflows/package.json
COPY --from=build /app/libs/workflows/dist libs/workflows/dist
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
# Files stay owned by root (read-only for the process); the process runs as the image's unprivileged `node` user.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
