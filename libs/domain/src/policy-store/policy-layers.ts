/**
 * Pure helpers for versioned policies: the label a case snapshots, a structural check of stored overrides that lists
 * every problem (where `resolvePolicies` stops at the first), resolving layers with validation, and a flat table of
 * settings that says where each value comes from.
 */
import { DEFAULT_POLICIES, resolvePolicies, validatePolicies, type PolicyOverrides, type ProcessPolicies } from '../logic/policies';

/** The version label of a case whose school and SWV have no published policy versions. */
export const NO_OVERRIDES_POLICY_LABEL = 'standaard';

/**
 * The label of an effective policy, e.g. `swv:3/school:5`, `swv:2`, `school:1`, or `standaard` when neither level
 * has published a version. A case stores it, so it shows which versions produced its due dates.
 */
export function policyVersionLabel(swvVersion?: number | null, schoolVersion?: number | null): string {
  const parts: string[] = [];
  if (swvVersion) parts.push(`swv:${swvVersion}`);
  if (schoolVersion) parts.push(`school:${schoolVersion}`);
  return parts.length ? parts.join('/') : NO_OVERRIDES_POLICY_LABEL;
}

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

const KIND_NL: Record<string, string> = { object: 'een object', array: 'een lijst', number: 'een getal', boolean: 'waar of onwaar', string: 'tekst' };

function valueText(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function walk(template: unknown, value: unknown, path: string, problems: string[]): void {
  const expected = kind(template);
  if (expected === 'object') {
    if (!isPlainObject(value)) {
      problems.push(`${path || 'overrides'}: moet ${KIND_NL.object} zijn (must be an object); waarde/value: ${valueText(value)}`);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!Object.prototype.hasOwnProperty.call(template, key)) {
        problems.push(`${at}: onbekende beleidsinstelling (unknown policy setting); waarde/value: ${valueText(child)}`);
        continue;
      }
      walk((template as PlainObject)[key], child, at, problems);
    }
    return;
  }
  if (kind(value) !== expected) {
    problems.push(`${path}: moet ${KIND_NL[expected] ?? expected} zijn (must be of type ${expected}); waarde/value: ${valueText(value)}`);
  }
}

/**
 * Checks the shape of overrides against the policies: every unknown setting and every value of the wrong type is
 * reported (objects must be objects, arrays arrays, numbers numbers …). Bounds are `validatePolicies`' job. Never
 * throws. `null` fields are reported: a field is either left out (keep the lower level's value) or set.
 */
export function checkOverridesShape(overrides: unknown): string[] {
  const problems: string[] = [];
  walk(DEFAULT_POLICIES, overrides, '', problems);
  return problems;
}

export interface ResolvedLayers {
  /** Null when a layer is malformed or the result breaks a bound. */
  policies: ProcessPolicies | null;
  /** Every problem, each naming the setting, in Dutch and English, with the value. */
  problems: string[];
}

/**
 * Resolves defaults ← each layer in order (typically the SWV's, then the school's) and validates the result. All
 * problems are returned at once; `policies` is only set when there are none.
 */
export function resolveAndValidate(...layers: (PolicyOverrides | null | undefined)[]): ResolvedLayers {
  const shapeProblems = layers.flatMap((layer) => (layer == null ? [] : checkOverridesShape(layer)));
  if (shapeProblems.length) return { policies: null, problems: shapeProblems };
  let policies: ProcessPolicies;
  try {
    policies = resolvePolicies(...layers.map((l) => l ?? undefined));
  } catch (err) {
    return { policies: null, problems: [err instanceof Error ? err.message : String(err)] };
  }
  const problems = validatePolicies(policies);
  return problems.length ? { policies: null, problems } : { policies, problems: [] };
}

export type PolicySource = 'STANDAARD' | 'SWV' | 'SCHOOL';

export interface PolicySettingRow {
  /** Dotted path, e.g. `jos.maxMonths`. */
  path: string;
  /** The effective value. */
  value: unknown;
  /** The specification's default. */
  defaultValue: unknown;
  /** The level the effective value comes from. */
  source: PolicySource;
}

function has(layer: unknown, path: string[]): boolean {
  let node: unknown = layer;
  for (const part of path) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, part) || node[part] === undefined) return false;
    node = node[part];
  }
  return true;
}

function leaves(template: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(template)) return [prefix];
  return Object.keys(template).flatMap((key) => leaves(template[key], [...prefix, key]));
}

function at(root: unknown, path: string[]): unknown {
  let node: unknown = root;
  for (const part of path) node = isPlainObject(node) ? node[part] : undefined;
  return node;
}

/**
 * One row per setting (arrays count as one setting) of the effective policies with its default and the level its
 * value comes from: the school when the school version sets it, else the SWV, else the default.
 */
export function policySettingsTable(effective: ProcessPolicies, swv?: PolicyOverrides | null, school?: PolicyOverrides | null): PolicySettingRow[] {
  return leaves(DEFAULT_POLICIES).map((path) => ({
    path: path.join('.'),
    value: at(effective, path),
    defaultValue: at(DEFAULT_POLICIES, path),
    source: school && has(school, path) ? 'SCHOOL' : swv && has(swv, path) ? 'SWV' : 'STANDAARD',
  }));
}
