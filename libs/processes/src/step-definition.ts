/**
 * One definition per human step (issue 12): what a step asks, of whom, within which bounds, in Dutch — stated once
 * as data and served to the workflow (validation), the api (who may take it, validation, the form it serves with
 * the case) and the admin (the generic step dialog). Process-specific rules that are not field checks (a step that is
 * not open now, a date before the start of the case) stay plain functions in the workflow.
 *
 * This package has no runtime dependencies: the workflow sandbox, the api and the browser all import it.
 */

/** The processes (PROCESSES.md P1–P6, and issue 16's P7 OPP and P8 TLV), as the read model names them. */
export type ProcessKey = 'ONDERSTEUNINGSTRAJECT' | 'ZORGROUTE' | 'JOS' | 'ZORGPLICHT' | 'OOV' | 'OVERDRACHT' | 'OPP' | 'TLV';


/** Staff roles of a school (the roles a `Who` rule can name). */
export type StaffRole = 'ZORGCOORDINATOR' | 'TEAMLEIDER' | 'MENTOR' | 'COACH' | 'JOS_MEDEWERKER';

/**
 * Who may take a step — one vocabulary for every process. An admin may always (platform administration), except a
 * `personal` step (StepDefinition.personal); every rule below also requires that the caller sees the case (row-level scope, audiences).
 * - `ZORGCOORDINATOR`: the zorgcoördinator of the case's school;
 * - `{ schoolStaff }`: staff of the case's school with one of these roles;
 * - `{ participant }`: staff with one of these roles who take part in the case (coach, JOS worker, mentor named in it);
 * - `SWV`: an employee of the samenwerkingsverband of the case's school;
 * - `PARENT`: a parent or guardian of the case's pupil;
 * - `{ caseUser }`: the user whose id the case's data holds under this key (e.g. the mentor named at the placement).
 */
export type Who = 'ZORGCOORDINATOR' | 'SWV' | 'PARENT' | { schoolStaff: readonly StaffRole[] } | { participant: readonly StaffRole[] } | { caseUser: string };

/** A bound that comes from the school's policy, named by its path, e.g. `ondersteuningstraject.extensionMaxWeeks`. */
export interface PolicyRef {
  policy: string;
}

export type Bound = number | PolicyRef;

/** A condition on another field's value (conditional fields as data). */
export interface Condition {
  field: string;
  /** Holds when that field is empty (absent, null, blank text, empty list). */
  isBlank?: boolean;
  equals?: string | number | boolean | null;
  in?: readonly (string | number | boolean)[];
  notIn?: readonly (string | number | boolean)[];
}

export interface FieldOption {
  value: string;
  /** Dutch label shown to people. */
  label: string;
}

export type FieldKind =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'longText'
  /** A calendar date YYYY-MM-DD. */
  | 'date'
  /** A time of day HH:mm. */
  | 'time'
  /** A whole number, within `min`/`max`. */
  | 'integer'
  | 'boolean'
  /** One of `options` (its value). */
  | 'choice'
  /** Several of `options` (a list of values). */
  | 'choices'
  /** A staff member of the case's school (user id), with one of `staffRoles`. */
  | 'staff'
  /** A list of short texts (one per line in a form). */
  | 'textList'
  /** A nested object with its own `fields`. */
  | 'group'
  /** A list of objects, each with `fields`. */
  | 'list'
  /** A pupil the caller may see (pupil id); the api checks that it is one. Used by the start of a case. */
  | 'pupil'
  /** An ordered list of schools of the region (school ids, first = first choice), within `min`/`max` items. */
  | 'schools';

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  /** Dutch label for people (also names the field in error messages). */
  label: string;
  /** A short Dutch hint under the field. */
  helper?: string;
  /** Required always (true) or when the condition holds. Optional when absent. */
  required?: boolean | Condition;
  /** The field exists only when this holds (it is neither shown nor accepted otherwise). */
  showIf?: Condition;
  /** text, longText, textList items: length after trimming. Defaults: 1–200 (text), 1–4000 (longText). */
  minLength?: number;
  maxLength?: number;
  /** integer: bounds; list, choices, textList: number of items. */
  min?: Bound;
  max?: Bound;
  /** choice, choices, and integer (a whole number out of these values, e.g. a weekday). */
  options?: readonly FieldOption[];
  /** staff: the roles the chosen person must have. */
  staffRoles?: readonly StaffRole[];
  /**
   * staff: the api adds the chosen person's name to the update under this key (e.g. `coachName`): the workflow keeps
   * names for its messages and timeline without looking them up.
   */
  nameField?: string;
  /** text: the value must match this regular expression (whole value), with a Dutch and English message otherwise. */
  pattern?: { regex: string; nl: string; en: string };
  /** date: not after today, or not before today (Europe/Amsterdam). */
  notFuture?: boolean;
  notPast?: boolean;
  /** group, list: the fields of the object. */
  fields?: readonly FieldDefinition[];
  /**
   * group: a patch over what the case already holds (e.g. an aanmeldformulier saved in parts): a field the input leaves
   * out stays out of the value, so the workflow keeps what it has; an empty field (null, blank text) clears it.
   * Its fields are checked when present; conditions on siblings (`showIf`, a conditional `required`) do not belong in
   * it (a sibling may be absent from the patch), and the process checks completeness on the merged result.
   */
  partial?: boolean;
  /** The form's initial value; 'today' for a date; a policy value (e.g. the school's default length in weeks). */
  initial?: string | number | boolean | 'today' | PolicyRef;
}

export interface StepDefinition {
  process: ProcessKey;
  /** Machine name of the step, as the case's open steps name it (e.g. RECORD_INTAKE). */
  name: string;
  /** The workflow update that takes it. */
  update: string;
  /** The api's mutation for this step (a typed shortcut for API clients; `takeStep` takes any step). */
  mutation: string;
  /** Dutch name of the step (open steps, due dates, e-mails). */
  label: string;
  /** Title of its form. */
  title: string;
  /** Dutch explanation above the form. */
  description?: string;
  /** Dutch label of the form's button. */
  submitLabel: string;
  /** Who may take it. */
  who: readonly Who[];
  /**
   * A personal statement (a parent's view, the mentor's own "I have read it"): only the people `who` names take it,
   * never an admin on their behalf (the admin's usual right to take any step does not apply).
   */
  personal?: boolean;
  /** Dutch: who owns it when it is open (for people and docs; the workflow assigns the owner). */
  owner: string;
  /** Dutch: when it is due, and the policy keys behind it. */
  due?: { explanation: string; policy?: readonly string[] };
  /** The audit action the workflow records when it is taken. */
  audit: string;
  fields: readonly FieldDefinition[];
  /**
   * A step that may be taken while the case is open although no one waits for it (e.g. stop the trajectory, switch
   * coach): not listed among the open steps, but offered on the case page.
   */
  anytime?: boolean;
  /**
   * An any-time step is offered only while all of these hold of the case: its process data (the read model's) and its
   * `status`, e.g. lifting the parents exception only while one is active, planning the JOS startgesprek only while it
   * is open. The workflow still decides whether it may be taken.
   */
  offeredWhen?: readonly Condition[];
}

/**
 * The start of a case, stated like a step (name `START`): the fields of the start mutation's input (labels, bounds,
 * conditions), who may start one, and the audit action of the start. `update` names the workflow that starts and
 * `mutation` the api's start mutation. The api validates the start input with it; the admin renders the start dialog
 * from it. Not part of STEP_CATALOGUE (no one takes a START step of a running case).
 */
export type StartDefinition = StepDefinition & { name: 'START' };

/** Fields the api adds to every update: never part of a form or of the input a caller sends. */
export const RESERVED_FIELDS: readonly string[] = ['actor'];
