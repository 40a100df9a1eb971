// axe-core in the browser tests (issue 17.11): every page state a test visits (each screenshot, the login page) is
// checked, and a serious or critical violation fails the test with the rule, the element and axe's help text.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A/AA rules and axe's best practices (colour contrast, names, lists, landmarks …). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The serious and critical violations on the page as it is now, one line per element. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** Fails when axe finds a serious or critical violation; `state` names the page state in the message. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  if (violations.length) throw new Error(`axe: ${violations.length} serious/critical violation(s) on "${state}" (${page.url()}):\n${violations.join('\n')}`);
}
