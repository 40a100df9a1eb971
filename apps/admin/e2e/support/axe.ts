// axe-core in the browser tests (issue 17.11): every page state a test visits (each screenshot, the login page) is
// checked, and a serious or critical violation fails the test with the rule, the element and axe's help text.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A/AA rules and axe's best practices (colour contrast, names, lists, landmarks …). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * A violation of one rule that is allowed inside one third-party element (e.g. GraphiQL's own UI), never in ours:
 * `within` is a CSS selector of that element, `why` says why it cannot be fixed in our code.
 */
export interface ThirdPartyAxeException {
  rule: string;
  within: string;
  why: string;
}

/** The serious and critical violations on the page as it is now, one line per element (less the allowed exceptions). */
export async function seriousAxeViolations(page: Page, exceptions: readonly ThirdPartyAxeException[] = []): Promise<string[]> {
  // A settled page: a menu that is still fading out after a choice (MUI's exit transition) has half-transparent
  // options, which axe reports as poor colour contrast. Finite animations and transitions only (a progress bar runs on).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines: string[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const n of v.nodes) {
      const within = exceptions.filter((e) => e.rule === v.id).map((e) => e.within);
      // Only a plain selector (not inside an iframe or shadow root) can be allowed; the element must be inside the exception.
      const selector = n.target.length === 1 && typeof n.target[0] === 'string' ? n.target[0] : null;
      if (within.length && selector && (await page.evaluate(([sel, outer]) => outer.some((o) => !!document.querySelector(sel)?.closest(o)), [selector, within] as const))) {
        // Said in the output, so an exception that no longer matches anything can be seen and removed.
        process.stdout.write(`[axe] allowed in third-party UI: ${v.id} (${v.impact}): ${selector}\n`);
        continue;
      }
      lines.push(`${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`);
    }
  }
  return lines;
}

/**
 * Fails when axe finds a serious or critical violation; `state` names the page state in the message. `exceptions`
 * only for third-party UI we cannot change (each with its rule, its element and why).
 */
export async function expectAccessible(page: Page, state: string, exceptions: readonly ThirdPartyAxeException[] = []): Promise<void> {
  const violations = await seriousAxeViolations(page, exceptions);
  if (violations.length) throw new Error(`axe: ${violations.length} serious/critical violation(s) on "${state}" (${page.url()}):\n${violations.join('\n')}`);
}
