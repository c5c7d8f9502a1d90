import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG levels the app promises: 2.0 and 2.1, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

// Evaluated into the page rather than added as a <script>: the app's Content-Security-Policy
// forbids inline scripts, and evaluate is not subject to it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** What axe looks at: the whole document, or only some elements (CSS selectors), less others. */
export interface AxeScope {
  include?: string[];
  exclude?: string[];
}

/** Runs axe-core over the page as it is now and returns its WCAG 2.1 A/AA violations. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const options = JSON.stringify({
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  const context =
    scope.include || scope.exclude
      ? JSON.stringify({
          ...(scope.include ? { include: scope.include.map((s) => [s]) } : {}),
          ...(scope.exclude ? { exclude: scope.exclude.map((s) => [s]) } : {}),
        })
      : 'document';
  return page.evaluate(`window.axe.run(${context}, ${options}).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
  })))`);
}

/** Each violation as the next engineer needs it: rule, impact, help, and every element it hit. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} axe-core violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'no impact'}): ${v.help} <${v.helpUrl}>`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    ${JSON.stringify(node.target)}  ${node.html.slice(0, 160)}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n\s*/g, ' / ')}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}
