import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as logic from './index';

const EXPECTED_FUNCTIONS = [
  // calendar
  'schoolYearOf',
  'schoolYearBounds',
  'regionalHolidays',
  'meivakantieAdviesweek',
  'buildSchoolCalendar',
  'calendarCovers',
  'isSchoolDay',
  'nonSchoolDayReason',
  'nonSchoolDaysInRange',
  'addSchoolDays',
  'nextSchoolDay',
  'previousSchoolDay',
  'schoolDaysBetween',
  'addCalendarWeeks',
  'addCalendarDays',
  'calendarDaysBetween',
  'isoWeek',
  'isIsoDate',
  'assertIsoDate',
  'easterSunday',
  'koningsdag',
  'dutchPublicHolidays',
  // due dates
  'dueInSchoolDays',
  'dueInCalendarWeeks',
  // reminders
  'reminderLadder',
  'rungsAfter',
  'zonedInstant',
  'toIsoDate',
  // policies
  'resolvePolicies',
  'validatePolicies',
  // meetings
  'checkZatCalendar',
  'meetingPlanProblems',
  'zatCalendarDates',
  'isMeetingKind',
];

describe('the public API of @zorgroute/domain/logic', () => {
  it.each(EXPECTED_FUNCTIONS)('exports the function %s', (name) => {
    expect(typeof (logic as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the constants', () => {
    expect(logic.KNOWN_SCHOOL_YEARS).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    expect(logic.DEFAULT_LADDER.stuckAfterSchoolDays).toBe(10);
    expect(logic.DEFAULT_POLICIES.ondersteuningstraject.defaultWeeks).toBe(8);
    expect(logic.SCHOOL_TIME_ZONE).toBe('Europe/Amsterdam');
    expect(logic.WEEKEND).toBe('weekend');
  });
});

/** Every non-test source file of the logic folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('fit for the Temporal workflow sandbox', () => {
  const files = sourceFiles(__dirname).map((path) => ({
    name: relative(__dirname, path),
    // Strip comments so that documentation may mention what the code must not do.
    code: readFileSync(path, 'utf8')
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
  }));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['the clock', /Date\.now\s*\(|new Date\(\s*\)|performance\.now/],
    ['randomness', /Math\.random|crypto\./],
    ['the environment and I/O', /process\.|require\(|console\.|setTimeout|setInterval|fetch\(/],
  ])('uses no %s', (_what, pattern) => {
    for (const file of files) expect({ file: file.name, uses: pattern.test(file.code) }).toEqual({ file: file.name, uses: false });
  });

  // @noble/hashes: pure, dependency-free JavaScript hashing (the OPP version's SHA-256), no Node built-ins.
  it('imports only its own modules, date-fns, @date-fns/tz and @noble/hashes', () => {
    for (const file of files) {
      const imports = [...file.code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] as string);
      for (const specifier of imports) {
        expect({ file: file.name, specifier, allowed: /^(\.{1,2}\/|date-fns$|@date-fns\/tz$|@noble\/hashes\/(sha2|utils)$)/.test(specifier) }).toEqual({
          file: file.name,
          specifier,
          allowed: true,
        });
      }
    }
  });

  it('gives the same results whatever the machine time zone is', () => {
    // Jest's sandbox does not pass a changed TZ to the process, so each zone runs in a fresh Node process that
    // compiles the TypeScript sources with SWC on the fly.
    const script = `
      const fs = require('node:fs');
      const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
      require.extensions['.ts'] = (module, filename) => {
        const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
          filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
        });
        module._compile(code, filename);
      };
      const logic = require(${JSON.stringify(join(__dirname, 'index.ts'))});
      const cal = logic.buildSchoolCalendar('noord', [{ from: '2027-03-31', to: '2027-03-31', name: 'Studiedag' }]);
      process.stdout.write(JSON.stringify({
        offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
        result: [
          logic.reminderLadder('2027-03-26', logic.DEFAULT_LADDER, cal),
          logic.reminderLadder('2026-10-23', logic.DEFAULT_LADDER, cal),
          logic.dueInSchoolDays('2026-10-14', 10, cal, 'r'),
          logic.dueInCalendarWeeks('2026-06-01', 6, 'r', { suspendSummerHoliday: true, cal }),
          logic.addCalendarWeeks('2026-03-01', 6),
          logic.calendarDaysBetween('2026-03-28', '2026-10-26'),
          logic.isoWeek('2027-01-03'),
          logic.zonedInstant('2026-03-29', 2, 30),
          logic.toIsoDate('2026-12-31T23:30:00Z'),
          logic.easterSunday(2027),
        ],
      }));
    `;
    const zones: [string, number][] = [
      ['UTC', 0],
      ['Europe/Amsterdam', -60],
      ['Pacific/Kiritimati', -840],
      ['Pacific/Pago_Pago', 660],
      ['America/Sao_Paulo', 180],
      ['Asia/Kathmandu', -345],
    ];
    const runs = zones.map(([zone]) => {
      const out = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, TZ: zone } });
      return JSON.parse(out.toString('utf8')) as { offset: number; result: unknown };
    });
    // Each process really ran in its zone …
    expect(runs.map((r) => r.offset)).toEqual(zones.map(([, offset]) => offset));
    // … and all computed the same, correct results.
    for (const run of runs) expect(run.result).toEqual(runs[0]?.result);
    expect((runs[0]?.result as unknown[])[7]).toBe('2026-03-29T01:30:00.000Z');
  }, 60_000);
});
