import { useMutation, useQuery } from '@apollo/client/react';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import { resolveFields, usesPolicy, type ResolvedField, type StartDefinition } from '@zorgroute/processes';
import { useMemo, useRef } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { useToday } from '../../shared/use-today';
import { CatalogueFormDialog, reportFormErrors } from '../case-steps/catalogue-form-dialog';
import { initialFormValues, toStepInput, type FormValues } from '../case-steps/step-form-values';
import { newRequestKey } from './request-key';
import { START_MUTATIONS, TAKES_REQUEST_KEY } from './start-case.graphql';
import { START_POLICIES_QUERY } from './start-policies.graphql';

export interface StartCaseDialogProps {
  /** The start of the process, as the step catalogue defines it (libs/processes). */
  definition: StartDefinition;
  /** The user's school (pupils, staff and the first preference come from it); null for an admin. */
  schoolId: string | null;
  /** Whether the user is an admin (who names the receiving school of an application). */
  admin: boolean;
  /** A pupil chosen beforehand (e.g. from a pupil's row). */
  pupilId?: string | null;
  onClose(): void;
  onStarted(caseId: string): void;
}

/**
 * Starts a case of any process (P1 ondersteuningstraject, P2 IZO-aanmelding, P3 JOS, P4 aanmelding, P5 OOV,
 * P6 overdracht, P7 OPP, P8 TLV; START_CATALOGUE in libs/processes): the form is
 * rendered from the definition, checked with the catalogue's own validator (the api checks the same definition) and
 * sent with the process's start mutation. Bounds and first values that come from the school's policy (P1's length) are
 * the user's school's; an admin, who has no school, gets them checked by the api against the pupil's school.
 */
export function StartCaseDialog(props: StartCaseDialogProps) {
  const { definition, schoolId, onClose } = props;
  const needsPolicies = usesPolicy(definition.fields);
  const policies = useQuery(START_POLICIES_QUERY, { variables: { schoolId: schoolId ?? '' }, skip: !needsPolicies || !schoolId });
  const json = policies.data?.effectivePolicy.policiesJson;
  const fields = useMemo(
    () => (needsPolicies && json ? resolveFields(definition.fields, JSON.parse(json) as object) : resolveFields(definition.fields, {}, { policiesUnknown: true })),
    [definition, needsPolicies, json],
  );
  if (policies.loading) {
    return (
      <Dialog open onClose={onClose} aria-label={definition.title}>
        <DialogContent>
          <CircularProgress aria-label="Beleid van de school laden" />
        </DialogContent>
      </Dialog>
    );
  }
  return <StartCaseForm {...props} fields={fields} />;
}

/** The start form itself, once its fields are resolved (its first values are read once, when it opens). */
function StartCaseForm({ definition, fields, schoolId, admin, pupilId, onClose, onStarted }: StartCaseDialogProps & { fields: ResolvedField[] }) {
  const today = useToday();
  const defaults = useMemo(() => {
    const values = initialFormValues(fields, today);
    // The user's own school is the parents' first choice until he says otherwise; a chosen pupil is filled in.
    for (const f of fields) if (f.kind === 'schools' && schoolId && f.required) values[f.name] = [schoolId];
    if (pupilId && fields.some((f) => f.name === 'pupilId')) values.pupilId = pupilId;
    return values;
  }, [fields, today, schoolId, pupilId]);
  const { control, handleSubmit, setError, clearErrors } = useForm<FieldValues>({ defaultValues: defaults });
  // One idempotency key per form content: the same form sent again never starts a second case (nor records a new
  // pupil twice: an aanmelding's new pupil is named by the key); any edit makes a new key. It goes as the start's
  // `requestKey` where the start takes one, and always as the `Idempotency-Key` header.
  const sent = useRef<{ content: string; key: string } | null>(null);
  const document = START_MUTATIONS[definition.mutation];
  const [start, mutation] = useMutation(document, { refetchQueries: ['DashboardCases'] });

  const onSubmit = handleSubmit(async (values) => {
    clearErrors();
    if (!reportFormErrors(fields, values, today, setError)) return;
    const input: Record<string, unknown> = toStepInput(fields, values as FormValues);
    const content = JSON.stringify(input);
    if (sent.current?.content !== content) sent.current = { content, key: newRequestKey() };
    if (TAKES_REQUEST_KEY.has(definition.mutation)) input.requestKey = sent.current.key;
    // An admin registers an application for the school that received it: the parents' first choice.
    if (definition.mutation === 'registerAanmelding' && admin) input.schoolId = (input.preferenceSchoolIds as string[] | null)?.[0] ?? null;
    try {
      const result = await start({ variables: { input }, context: { headers: { 'Idempotency-Key': sent.current.key } } });
      const started = result.data?.[definition.mutation];
      if (started) onStarted(started.id);
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <CatalogueFormDialog
      title={definition.title}
      description={definition.description}
      submitLabel={definition.submitLabel}
      fields={fields}
      control={control}
      schoolId={schoolId ?? ''}
      loading={mutation.loading}
      error={mutation.error}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
