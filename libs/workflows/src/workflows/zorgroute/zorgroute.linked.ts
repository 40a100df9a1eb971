/**
 * P2 — the linked cases a zorgroute starts for the same pupil: an ondersteuningstraject (P1) or JOS (P3) decided in
 * the IZO, and the preparation of an OOV arrangement (P5) when the ZAT asks the SWV for one. They go through messages
 * (startLinkedCase), not through the other process's workflow code.
 */
import { SYSTEM } from '../common/case-recorder';
import { startLinkedCase } from '../common/links';
import type { JosNeed, StartJosInput } from '../jos/jos.messages';
import type { StartOndersteuningstrajectInput } from '../ondersteuningstraject/ondersteuningstraject.messages';
import type { StartOovInput } from '../oov/oov.messages';
import type { Zorgroute } from './zorgroute.case';
import type { EvaluationRecord, IzoRound } from './zorgroute.types';

/** The IZO round's decisions that start a linked case: internal support → P1, or P3 JOS. */
export async function startIzoDecisionCases(z: Zorgroute, round: IzoRound): Promise<void> {
  const { input, state, rec, zc, caseId } = z;
  for (const [i, d] of round.decisions.entries()) {
    if (d.startProcess === 'JOS') {
      const josArgs: StartJosInput = {
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        startedBy: { id: zc, name: 'Zorgroute (IZO-besluit)' },
        decisionDate: round.meetingDate,
        needs: (d.josNeeds ?? []) as JosNeed[],
        decisionNotes: d.goal ?? d.description,
        mentorId: d.mentorId ?? null,
        josWorkerId: d.josWorkerId as string,
        originCaseId: caseId,
      };
      const link = await startLinkedCase(rec, {
        workflowType: 'josWorkflow',
        workflowId: `jos-from-${caseId}-${round.round}-${i + 1}`,
        process: 'JOS',
        args: [josArgs],
        reason: `IZO-besluit: ${d.description}`,
      });
      await z.recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'JOS-traject gestart vanuit het IZO-besluit' : 'JOS-traject kon niet worden gestart (bestaat al)');
      continue;
    }
    if (d.startProcess !== 'ONDERSTEUNINGSTRAJECT') continue;
    const args: StartOndersteuningstrajectInput = {
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      startedBy: { id: zc, name: 'Zorgroute (IZO-besluit)' },
      reason: d.goal ?? d.description,
      observations: round.minutes?.analysis ?? state.form.problem ?? null,
      triedActions: state.form.firstLineActions ?? null,
      weeks: d.trajectWeeks ?? null,
      originCaseId: caseId,
    };
    const link = await startLinkedCase(rec, {
      workflowType: 'ondersteuningstrajectWorkflow',
      workflowId: `ondersteuningstraject-from-${caseId}-${round.round}-${i + 1}`,
      process: 'ONDERSTEUNINGSTRAJECT',
      args: [args],
      reason: `IZO-besluit: ${d.description}`,
    });
    await z.recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? `Ondersteuningstraject gestart vanuit het IZO-besluit` : 'Ondersteuningstraject kon niet worden gestart (bestaat al)');
  }
}

/** An OOV requested from the SWV after the ZAT opens the preparation of the OOV arrangement (P5). */
export async function startOovFromZat(z: Zorgroute, e: EvaluationRecord): Promise<void> {
  const { input, rec, zc, caseId } = z;
  const oov: StartOovInput = {
    schoolId: input.schoolId,
    pupilId: input.pupilId,
    startedBy: { id: zc, name: 'Zorgroute (ZAT-besluit)' },
    reason: `ZAT: ${e.summary}`,
    source: 'ZAT',
    originCaseId: caseId,
  };
  const link = await startLinkedCase(rec, { workflowType: 'oovWorkflow', workflowId: `oov-from-${caseId}`, process: 'OOV', args: [oov], reason: 'ZAT: OOV aangevraagd bij het samenwerkingsverband' });
  await z.recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'OOV-voorbereiding gestart vanuit het ZAT' : 'OOV-casus kon niet worden gestart (bestaat al)');
}
