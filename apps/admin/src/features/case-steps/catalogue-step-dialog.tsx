import { useMutation } from '@apollo/client/react';
import type { ResolvedField } from '@zorgroute/processes';
import { useForm, type FieldValues } from 'react-hook-form';
import type { StepFormFieldsFragment } from '../../gql/graphql';
import { useToday } from '../../shared/use-today';
import { TAKE_STEP_MUTATION } from './step-form.graphql';
import { CatalogueFormDialog, reportFormErrors } from './catalogue-form-dialog';
import { initialFormValues, toStepInput, type FormValues } from './step-form-values';

/** A step's form as the api serves it (StepFormFields), its JSON fields typed: they are the step catalogue's fields. */
export type CatalogueStepForm = Omit<StepFormFieldsFragment, 'fields'> & { fields: ResolvedField[] };

/** The forms of a case as a query answers them (`stepForms { ...StepFormFields }`), their fields typed. */
export function catalogueForms(forms: readonly StepFormFieldsFragment[] | null | undefined): CatalogueStepForm[] {
  return (forms ?? []).map((f) => ({ ...f, fields: f.fields as ResolvedField[] }));
}

export interface CatalogueStepDialogProps {
  caseId: string;
  /** School of the case: staff to choose from come from this school. */
  schoolId: string;
  form: Pick<CatalogueStepForm, 'step' | 'title' | 'description' | 'submitLabel' | 'fields'>;
  /** Names of further queries to refetch after the step (besides the case page and the dashboard). */
  refetch?: readonly string[];
  onClose(): void;
  onDone(): void;
}

/**
 * The form of any step of any process, rendered from its definition in the step catalogue as the api serves it with
 * the case (`stepForms`); checked with the catalogue's own validator before it is sent with `takeStep`.
 */
export function CatalogueStepDialog({ caseId, schoolId, form, refetch = [], onClose, onDone }: CatalogueStepDialogProps) {
  const today = useToday();
  const fields = form.fields;
  const { control, handleSubmit, setError, clearErrors } = useForm<FieldValues>({ defaultValues: initialFormValues(fields, today) });
  const [takeStep, mutation] = useMutation(TAKE_STEP_MUTATION, { refetchQueries: ['CaseDetail', 'DashboardCases', ...refetch], awaitRefetchQueries: true });

  const onSubmit = handleSubmit(async (values) => {
    clearErrors();
    if (!reportFormErrors(fields, values, today, setError)) return;
    try {
      await takeStep({ variables: { caseId, step: form.step, input: toStepInput(fields, values as FormValues) } });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <CatalogueFormDialog
      title={form.title}
      description={form.description}
      submitLabel={form.submitLabel}
      fields={fields}
      control={control}
      schoolId={schoolId}
      loading={mutation.loading}
      error={mutation.error}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
