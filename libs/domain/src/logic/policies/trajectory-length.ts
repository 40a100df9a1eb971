import type { OndersteuningstrajectPolicy } from './process-policies';

/**
 * P1: the length of a new ondersteuningstraject in weeks — the chosen length, or the policy's default — and whether it
 * lies within the bounds of the school's effective policy (`minWeeks`–`maxWeeks`, 6–9 by default). The same rule and
 * words as the P1 workflow's own check, so the api refuses out-of-policy input before anything starts.
 */
export function trajectoryLength(
  weeks: number | null | undefined,
  policy: Pick<OndersteuningstrajectPolicy, 'defaultWeeks' | 'minWeeks' | 'maxWeeks'>,
): { weeks: number; rejection: { nl: string; en: string } | null } {
  const chosen = weeks ?? policy.defaultWeeks;
  const ok = Number.isInteger(chosen) && chosen >= policy.minWeeks && chosen <= policy.maxWeeks;
  return {
    weeks: chosen,
    rejection: ok
      ? null
      : { nl: `De duur moet tussen ${policy.minWeeks} en ${policy.maxWeeks} weken liggen`, en: `The length must be ${policy.minWeeks} to ${policy.maxWeeks} weeks` },
  };
}
