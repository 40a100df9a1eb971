/**
 * Layered policies: the specification's defaults, overridden by the samenwerkingsverband (SWV), overridden by the
 * school. Overrides are plain JSON (stored per SWV and per school); the resolved result is snapshotted into a case.
 */
import { DEFAULT_POLICIES, type ProcessPolicies } from './process-policies';

/** Every field optional, recursively; arrays are replaced as a whole, never merged element by element. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type PolicyOverrides = DeepPartial<ProcessPolicies>;

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of JSON-like data (no `structuredClone`: it is not available in every sandbox). */
function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (isPlainObject(value)) {
    const copy: PlainObject = {};
    for (const [key, child] of Object.entries(value)) copy[key] = cloneJson(child);
    return copy as T;
  }
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function mergeInto(target: PlainObject, source: unknown, path: string): void {
  if (!isPlainObject(source)) {
    throw new TypeError(`${path || 'overrides'}: verwacht een object (expected an object), kreeg/got ${describe(source)}`);
  }
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      throw new RangeError(`${at}: onbekende beleidsinstelling (unknown policy setting)`);
    }
    const current = target[key];
    if (Array.isArray(current)) {
      if (!Array.isArray(value)) throw new TypeError(`${at}: verwacht een lijst (expected an array), kreeg/got ${describe(value)}`);
      target[key] = cloneJson(value);
    } else if (isPlainObject(current)) {
      mergeInto(current, value, at);
    } else if (typeof value !== typeof current) {
      throw new TypeError(`${at}: verwacht ${describe(current)} (expected ${describe(current)}), kreeg/got ${describe(value)}`);
    } else {
      target[key] = value;
    }
  }
}

/**
 * The defaults with each layer applied in order (typically SWV, then school): objects merge deeply, arrays and scalars
 * replace, `undefined` layers and fields are skipped. The result is a fresh copy that shares nothing with the inputs.
 *
 * Throws on an unknown setting (a typo must not be silently ignored) and on a value of the wrong type. Values of the
 * right type but out of bounds are reported by `validatePolicies`, which callers should run on the result.
 */
export function resolvePolicies(...layers: (PolicyOverrides | undefined)[]): ProcessPolicies {
  const result = cloneJson(DEFAULT_POLICIES) as unknown as PlainObject;
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    mergeInto(result, layer, '');
  }
  return result as unknown as ProcessPolicies;
}
