/**
 * A press on an area asks the worker for its explanation before the click
 * (AppState.prefetchExplanation, called by src/ui/MapView.svelte); the click
 * then shows it without a second request, at once when it has arrived.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppState } from '../../src/state/app-state.svelte.ts';
import type { ScoringClient } from '../../workers/scoring-main-side.ts';
import type { AreaExplanation, ScoreRequest } from '../../src/model/scoring-types.ts';
import { randomTable } from '../model/helpers/synthetic-table.ts';

const table = randomTable(7, 30);

/** An AppState whose worker answers explanations through `answer` (resolved by the test). */
function appWithWorker() {
  const app = new AppState();
  const pending: ((value: { explanation: AreaExplanation; summary: string }) => void)[] = [];
  const asked: { request: ScoreRequest; index: number }[] = [];
  const explainWithSummary = vi.fn((request: ScoreRequest, index: number) => {
    asked.push({ request, index });
    return new Promise<{ explanation: AreaExplanation; summary: string }>((resolve) => pending.push(resolve));
  });
  app.api = { explainWithSummary } as unknown as ScoringClient;
  app.dataset = { id: 'proef', levels: ['buurt'] } as unknown as AppState['dataset'];
  (app as unknown as { workerLoaded: string }).workerLoaded = 'proef';
  app.tables = { buurt: table };
  const answer = (k: number, index: number) => pending[k]({ explanation: { level: 'buurt', areaIndex: index, code: table.codes[index] } as AreaExplanation, summary: `samenvatting ${index}` });
  return { app, asked, answer, explainWithSummary };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('explanation asked on a press, shown on the click', () => {
  it('shows an explanation that arrived before the click in the click itself, without asking again', async () => {
    const { app, answer, explainWithSummary } = appWithWorker();
    app.prefetchExplanation('buurt', 4);
    answer(0, 4);
    await settle();
    app.select('buurt', 4);
    // No await: the kompas can render in the same task as the click.
    expect(app.explanation?.areaIndex).toBe(4);
    expect(app.summary).toBe('samenvatting 4');
    expect(explainWithSummary).toHaveBeenCalledTimes(1);
  });

  it('waits for the answer still on its way instead of asking a second time', async () => {
    const { app, answer, explainWithSummary } = appWithWorker();
    app.prefetchExplanation('buurt', 9);
    app.select('buurt', 9);
    expect(app.explanation).toBeNull();
    answer(0, 9);
    await settle();
    expect(app.explanation?.areaIndex).toBe(9);
    expect(explainWithSummary).toHaveBeenCalledTimes(1);
  });

  it('asks again for another area, and after the weights changed between press and click', async () => {
    const { app, asked, answer } = appWithWorker();
    app.prefetchExplanation('buurt', 3);
    answer(0, 3);
    await settle();
    app.select('buurt', 5);
    expect(app.explanation).toBeNull();
    expect(asked.map((a) => a.index)).toEqual([3, 5]);
    answer(1, 5);
    await settle();
    expect(app.explanation?.areaIndex).toBe(5);

    app.prefetchExplanation('buurt', 6);
    answer(2, 6);
    await settle();
    app.weights = { S4: 2 };
    app.select('buurt', 6);
    expect(asked).toHaveLength(4);
    expect(asked[3].request.weights?.categories).toEqual({ S4: 2 });
  });
});
