# syntax=docker/dockerfile:1.7
# Zorgroute Temporal worker (workflows + activities). Loads the workflow code from the prebuilt bundle
# apps/worker/dist/workflow-bundle.js (written by the worker's build target); with NODE_ENV=production it
# refuses to bundle TypeScript sources at start-up, so every replica of a release runs identical workflow code.
#
#   docker build -f infra/docker/worker.Dockerfile -t zorgroute/worker:<version> .   (from the repository root)
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
# Fail the image build, not the first start, when the prebundle step did not run.
RUN test -s apps/worker/dist/workflow-bundle.js

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

# ---- the worker ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/apps/worker/dist/workflow-bundle.js \
    WORKER_METRICS_ADDRESS=0.0.0.0:9464 \
    WORKER_APP_METRICS_ADDRESS=0.0.0.0:9465
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
COPY --from=build /app/apps/worker/package.json apps/worker/package.json
COPY --from=build /app/apps/worker/dist apps/worker/dist
USER node
# Prometheus metrics of the Temporal SDK (task latencies, slots, sticky cache) on /metrics; Zorgroute's own worker
# metrics (mail, reminders, activity failures) on 9465.
EXPOSE 9464 9465
# The worker has no HTTP api; its metrics endpoint answers while the process and its Temporal runtime are alive.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const a = (process.env.WORKER_METRICS_ADDRESS || '').replace('0.0.0.0', '127.0.0.1'); if (!a) process.exit(0); fetch('http://' + a + '/metrics').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: the SDK stops polling, lets running activities finish, then the process exits (allow ~60 s).
STOPSIGNAL SIGTERM
CMD ["node", "apps/worker/dist/main.js"]
