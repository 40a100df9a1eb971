/* global performance */
// The benchmark's `lists` phase (issue 18.4): the lists a user opens daily, as the admin app asks them — the dashboard's
// case list (`cases`, up to 1,000 rows), the stuck cases (`stuckCases`), the work lists with their counts (`workLists`)
// and the first work list's open steps (`workListItems`, "deze week te laat") — as a zorgcoördinator of a school and as
// the platform admin, at growing numbers of open cases. Rows beyond the demo data are inserted in bulk with SQL as
// `bench-copy-…` copies of the open demo cases (round robin over every process), each with a pupil of its own, due
// dates, start and update times spread out, and one in 25 copies of a stuck case still stuck.
import pg from 'pg';
import { Gql, percentile } from './gql.mjs';

const CASE_FIELDS = `id process status statusLabel pupil { id displayName className schoolId mentorName leftAt } school { id name region }
  waitingFor waitingForLabel nextDueDate ownerName stuck stuckReason startedAt updatedAt closedAt outcome temporalUrl`;

/** The queries as the admin app's screens send them (apps/admin/src/features/{dashboard,stuck-cases,work-lists}). */
export const LIST_QUERIES = {
  dashboard: { query: `query { cases { ${CASE_FIELDS} } }`, size: (d) => d.cases.length },
  stuckCases: { query: `query { stuckCases { summary { ${CASE_FIELDS} } reason reasonLabel since lastError history { id at kind actorName description } } }`, size: (d) => d.stuckCases.length },
  workLists: {
    query: `query { workLists { id name description builtIn count filter { mine ownerId ownerUnavailable overdue lateThisWeek process pupilLeft stuck } } }`,
    size: (d) => d.workLists.reduce((n, l) => n + l.count, 0),
  },
  workListItems: { query: `query { workListItems(filter: { lateThisWeek: true }) { ownerId ownerUnavailable case { ${CASE_FIELDS} } } }`, size: (d) => d.workListItems.length },
};

const USERS = { zc: 'zc@daltoncollege.example', admin: 'beheer@zorgroute.example' };

const columns = async (db, table) =>
  (await db.query(`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table])).rows.map((r) => r.column_name);

/** Copies the open demo cases (and their pupils) until `size` cases are open. */
async function fillTo(db, size) {
  const open = Number((await db.query(`select count(*) from case_summary where closed_at is null`)).rows[0].count);
  if (open >= size) return open;
  const from = open + 1;
  const models = `with m as (select row_number() over (order by id) - 1 as k, c.* from case_summary c where c.closed_at is null and c.id not like 'bench-copy-%'),
    n as (select count(*)::int as n from m)`;
  const copy = (cols, over, alias) => cols.map((c) => (c in over ? over[c] : `${alias}."${c}"`)).join(', ');
  const pupilCols = await columns(db, 'pupil');
  await db.query(
    `${models} insert into pupil (${pupilCols.map((c) => `"${c}"`).join(', ')})
     select ${copy(pupilCols, { id: `md5('bench-pupil-' || g)::uuid`, first_name: `'Bench' || g`, last_name: `'Lijstleerling'`, source_id: 'null' }, 'p')}
     from generate_series($1::int, $2::int) g join n on true join m on m.k = g % n.n join pupil p on p.id = m.pupil_id`,
    [from, size],
  );
  const caseCols = await columns(db, 'case_summary');
  const stillStuck = `(m.stuck and g % 25 = 0)`;
  await db.query(
    `${models} insert into case_summary (${caseCols.map((c) => `"${c}"`).join(', ')})
     select ${copy(
       caseCols,
       {
         id: `'bench-copy-' || g || '-' || m.id`,
         pupil_id: `md5('bench-pupil-' || g)::uuid`,
         next_due_date: `m.next_due_date + (g % 61 - 20)`,
         started_at: `m.started_at - make_interval(mins => g % 20000)`,
         updated_at: `m.updated_at - make_interval(secs => g)`,
         stuck: stillStuck,
         stuck_reason: `case when ${stillStuck} then m.stuck_reason end`,
       },
       'm',
     )}
     from generate_series($1::int, $2::int) g join n on true join m on m.k = g % n.n`,
    [from, size],
  );
  // As autovacuum would soon after such a load (statistics, hint bits, visibility map).
  await db.query('VACUUM ANALYZE pupil');
  await db.query('VACUUM ANALYZE case_summary');
  return size;
}

export async function lists(stack, results, sizes) {
  const gql = {};
  for (const [key, email] of Object.entries(USERS)) gql[key] = await new Gql(stack.apiUrl).login(email);
  // The owner role: the phase fabricates read-model rows and runs VACUUM ANALYZE (owner only).
  const db = new pg.Client({ connectionString: stack.pg.ownerUrl });
  db.on('error', () => undefined);
  await db.connect();
  results.lists = [];
  try {
    for (const size of sizes) {
      const open = await fillTo(db, size);
      const entry = { openCases: open };
      for (const [user, client] of Object.entries(gql)) {
        entry[user] = {};
        for (const [name, { query, size: sizeOf }] of Object.entries(LIST_QUERIES)) {
          const ms = [];
          let answered = 0;
          for (let i = 0; i < (size >= 50_000 ? 6 : 11); i++) {
            const t = performance.now();
            answered = sizeOf(await client.ok(query, {}, { timeoutMs: 300_000 }));
            ms.push(performance.now() - t);
          }
          ms.shift(); // warm-up
          entry[user][name] = { rows: answered, p50Ms: Math.round(percentile(ms, 50)), p95Ms: Math.round(percentile(ms, 95)) };
        }
      }
      results.lists.push(entry);
    }
  } finally {
    await db.end();
  }
}

/** The phase's rows for console.table: one per size, user and list. */
export function listsTable(lists) {
  return lists.flatMap((e) =>
    Object.keys(USERS).flatMap((user) => Object.entries(e[user] ?? {}).map(([list, m]) => ({ openCases: e.openCases, user, list, rows: m.rows, p50Ms: m.p50Ms, p95Ms: m.p95Ms }))),
  );
}
