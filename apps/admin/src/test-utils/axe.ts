import axe from 'axe-core';

/**
 * The serious and critical axe-core violations in a rendered component (jsdom), as "rule: target" lines — the same
 * standard as the browser tests (apps/admin/e2e/support/axe.ts). jsdom has no layout, so colour contrast is left to
 * the browser tests; "label-content-name-mismatch" (a control's name must contain its visible text, WCAG 2.5.3) is
 * switched on.
 */
export async function seriousAxeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'] },
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
