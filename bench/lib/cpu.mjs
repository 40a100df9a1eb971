// CPU time per process from /proc, for "CPU per registration, all processes" in the benchmark.
// A process's time is utime + stime + cutime + cstime (its own, and that of children it has reaped): PostgreSQL's
// backends that exit between two readings are counted through the postmaster's cutime/cstime.
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid) {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

function ownSeconds(pid) {
  try {
    const f = statFields(pid);
    // After "pid (comm) ": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** `root` and every live descendant. */
export function processTree(root) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(statFields(entry)[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** CPU seconds of a process and its descendants so far. */
export function treeSeconds(root) {
  if (!root) return 0;
  return processTree(root).reduce((sum, pid) => sum + ownSeconds(pid), 0);
}

/** The postmaster of a PostgreSQL data directory (first line of postmaster.pid). */
export function postmasterPid(dataDir) {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

/** A reading of several named process trees: `{ name: seconds }`. */
export function cpuReading(roots) {
  return Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, treeSeconds(pid)]));
}

/** Milliseconds of CPU per unit of work between two readings, per name and in total. */
export function cpuPerUnit(before, after, units) {
  const per = Object.fromEntries(Object.keys(after).map((name) => [name, +((1000 * (after[name] - (before[name] ?? 0))) / Math.max(1, units)).toFixed(1)]));
  per.total = +Object.values(per).reduce((a, b) => a + b, 0).toFixed(1);
  return per;
}
