import { createLogger, logConfigFromEnv } from './logger';

function capture(format: 'json' | 'pretty', level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const logger = createLogger('worker', { format, level }, { write: (l: string) => void lines.push(l) });
  return { logger, lines };
}

describe('the structured log', () => {
  it('writes one JSON object per line with level, time, component, the fields and the message', () => {
    const { logger, lines } = capture('json');
    logger.info({ event: 'mail_sent', kind: 'STEP_REMINDER', caseId: 'ondersteuningstraject-1' }, 'STEP_REMINDER e-mail sent');
    logger.debug({ event: 'hidden' }, 'below the level');
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(lines[0].trim().includes('\n')).toBe(false);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), component: 'worker', event: 'mail_sent', kind: 'STEP_REMINDER', caseId: 'ondersteuningstraject-1', msg: 'STEP_REMINDER e-mail sent' });
  });

  it('writes a readable line with LOG_FORMAT=pretty', () => {
    const { logger, lines } = capture('pretty');
    logger.child({ context: 'Temporal' }).warn({ event: 'x', attempt: 2 }, 'activity failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: \[worker\/Temporal\] activity failed .*"attempt":2/);
  });

  it('reads LOG_FORMAT and LOG_LEVEL, defaults to JSON at info, refuses unknown values', () => {
    expect(logConfigFromEnv({})).toEqual({ format: 'json', level: 'info' });
    expect(logConfigFromEnv({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'DEBUG' })).toEqual({ format: 'pretty', level: 'debug' });
    expect(() => logConfigFromEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => logConfigFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
