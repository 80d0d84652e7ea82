/**
 * axe-core (Deque, MPL-2.0) injected into the page under test: every rule
 * it runs by default, which covers WCAG 2.0/2.1 A and AA plus its best
 * practices (such as unique landmarks). Violations come back as readable
 * lines, so a failing test names the rule and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (selector) => {
    const axe = (window as any).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[]).map(
      (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 6).join(' | ')}`,
    );
  }, include ?? null);
}
