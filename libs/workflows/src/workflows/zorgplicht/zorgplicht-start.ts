/**
 * How to start a zorgplicht clock (P4), for the api and for other processes: the PO→VO overdracht
 * (P6) starts the clock for a pupil with support needs. Usable with the client
 * (`client.workflow.start(zorgplichtWorkflow, { ...zorgplichtStartOptions(input), taskQueue })`)
 * and from workflow code (`startChild(zorgplichtWorkflow, { ...zorgplichtStartOptions(input),
 * parentClosePolicy: 'ABANDON' })`).
 *
 * Before starting, check `zorgplichtApplicationRejection` with the pupil's open clocks (the api's
 * ZorgplichtStarter does): only the school of first preference holds the zorgplicht, and one clock
 * runs per pupil. The workflow itself refuses to start at a school that is not the first preference.
 */
import { SA_PROCESS, SA_SCHOOL } from '../common/case-recorder';
import { zorgplichtWorkflowId } from './zorgplicht-clock';
import type { StartZorgplichtInput } from './zorgplicht.messages';

export function zorgplichtStartOptions(input: StartZorgplichtInput) {
  return {
    workflowId: zorgplichtWorkflowId(input.pupilId, input.receivedOn),
    args: [input] as [StartZorgplichtInput],
    typedSearchAttributes: [
      { key: SA_PROCESS, value: 'ZORGPLICHT' },
      { key: SA_SCHOOL, value: input.schoolId },
    ],
  };
}
