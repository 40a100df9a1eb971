import { Logger } from '@nestjs/common';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createLogger } from '@zorgroute/domain';
import type { AppConfig } from '../config/app.config';
import { ApiMetrics, processOfWorkflowId } from './api-metrics';
import { MetricsController } from './metrics.controller';
import { operationLabel } from './graphql-metrics.plugin';
import { NestStructuredLogger } from './nest-structured-logger';

describe('metric labels', () => {
  it('name a GraphQL operation by its first root field, not the client-chosen operation name', () => {
    const op = parse('mutation WhateverTheClientLikes { recordIntake(caseId: "x") { status } cases { id } }').definitions[0] as OperationDefinitionNode;
    expect(operationLabel(op)).toBe('recordIntake');
    expect(operationLabel(undefined)).toBe('(unresolved)');
  });

  it('take the process from the workflow id, OTHER for ids of no process', () => {
    expect(processOfWorkflowId('ondersteuningstraject-0d6f…-key')).toBe('ONDERSTEUNINGSTRAJECT');
    expect(processOfWorkflowId('oov-from-jos-1')).toBe('OOV');
    expect(processOfWorkflowId('audit-checkpoint-zorgroute')).toBe('OTHER');
  });
});

describe('NestStructuredLogger', () => {
  it('writes Nest log calls as JSON lines with the context and object parameters as fields', () => {
    const lines: string[] = [];
    const nest = new NestStructuredLogger(createLogger('api', { format: 'json', level: 'info' }, { write: (l: string) => void lines.push(l) }));
    Logger.overrideLogger(nest);
    try {
      new Logger('CalendarCoverage').warn('holiday data runs short', { event: 'holiday_data_runway_short', coveredUntil: '2028-07-31' });
      new Logger('GraphQL').error('QueryFailedError: …');
    } finally {
      Logger.overrideLogger(false as never);
    }
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', component: 'api', context: 'CalendarCoverage', event: 'holiday_data_runway_short', coveredUntil: '2028-07-31', msg: 'holiday data runs short' }),
      expect.objectContaining({ level: 'error', component: 'api', context: 'GraphQL', msg: 'QueryFailedError: …' }),
    ]);
  });
});

describe('MetricsController', () => {
  const controller = (config: Partial<AppConfig>) => new MetricsController(new ApiMetrics(), { production: false, metricsToken: null, ...config } as AppConfig);

  it('is off in production without METRICS_TOKEN, open in development, and asks for the token when one is set', async () => {
    await expect(controller({ production: true }).scrape(undefined)).rejects.toMatchObject({ status: 404 });
    await expect(controller({}).scrape(undefined)).resolves.toContain('# TYPE zorgroute_steps_taken_total counter');
    const guarded = controller({ production: true, metricsToken: 'a-token-of-sixteen+' });
    await expect(guarded.scrape(undefined)).rejects.toMatchObject({ status: 401 });
    await expect(guarded.scrape('Bearer another-token-of-16')).rejects.toMatchObject({ status: 401 });
    await expect(guarded.scrape('Bearer a-token-of-sixteen+')).resolves.toContain('zorgroute_graphql_requests_total');
  });
});
