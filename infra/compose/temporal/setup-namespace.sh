#!/bin/sh
# One-shot job run at every deployment: waits for the Temporal frontend, creates the namespace when it is
# missing and registers Zorgroute's custom search attributes (the list in infra/scripts/lib/temporal.mjs
# SEARCH_ATTRIBUTES). Idempotent. Needs the `temporal` CLI (temporalio/admin-tools image, or on PATH).
# Used by docker-compose.yml, infra/k8s/temporal-search-attributes-job.yaml (same script, inline) and
# infra/production-check/run.mjs.
set -eu
: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is not set}"
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
RETENTION=${TEMPORAL_RETENTION:-30d}
tries=0
until temporal operator cluster health 2>/dev/null | grep -q SERVING; do
  tries=$((tries + 1))
  [ "$tries" -le 100 ] || { echo "Temporal frontend at ${TEMPORAL_ADDRESS} is not serving" >&2; exit 1; }
  echo "waiting for the Temporal frontend at ${TEMPORAL_ADDRESS}..."
  sleep 3
done
if temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  echo "namespace ${NAMESPACE} exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi
# A new namespace reaches every service's namespace cache within ~10 s.
until temporal workflow list --namespace "$NAMESPACE" --limit 1 >/dev/null 2>&1; do sleep 2; done
for pair in ZrProcess=Keyword ZrSchoolId=Keyword ZrStatus=Keyword ZrWaitingFor=Keyword ZrNextDue=Datetime ZrStuck=Bool; do
  name=${pair%%=*}
  type=${pair##*=}
  if temporal operator search-attribute list --namespace "$NAMESPACE" | grep -qw "$name"; then
    echo "search attribute ${name} exists"
  else
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type"
  fi
done
temporal operator search-attribute list --namespace "$NAMESPACE"
