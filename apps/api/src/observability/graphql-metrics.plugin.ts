import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { ApiMetrics } from './api-metrics';

/**
 * The operation label of a GraphQL request: its first root field (`startTrajectory`, `cases`), bounded by the schema —
 * the client's own operation name is free text and would make the label set unbounded.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined | null): string {
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? first.name.value : '(unresolved)';
}

/** Counts and times every GraphQL operation and counts the errors of its answer by code (after formatGraphQLError). */
export function graphqlMetricsPlugin(metrics: ApiMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const type = operation?.operation ?? 'unknown';
          const name = operationLabel(operation);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.graphqlRequests.inc({ type, operation: name, outcome: errors.length ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ type, operation: name }, Number(process.hrtime.bigint() - started) / 1e9);
          for (const e of errors) metrics.graphqlErrors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
