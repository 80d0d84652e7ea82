// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaintAndPause } from '../../src/ui/after-paint.ts';

/** Animation frames run only when the test says a frame was painted. */
let frames: FrameRequestCallback[] = [];
const paint = () => {
  const due = frames;
  frames = [];
  for (const f of due) f(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined;
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const press = (type: string) => window.dispatchEvent(new Event(type));

describe('afterPaintAndPause: the map outline after a click waits for the paint and a pause in input', () => {
  it('runs after the next painted frame and a quiet period, not before', () => {
    const task = vi.fn();
    afterPaintAndPause(task, 300, 1500);
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled(); // no frame painted yet
    paint();
    vi.advanceTimersByTime(299);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('a press or key restarts the pause, a moving pointer does not', () => {
    const task = vi.fn();
    afterPaintAndPause(task, 300, 1500);
    paint();
    vi.advanceTimersByTime(200);
    press('pointerdown');
    vi.advanceTimersByTime(200);
    press('keydown');
    vi.advanceTimersByTime(200);
    expect(task).not.toHaveBeenCalled();
    press('pointermove');
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest time even while input keeps coming, once', () => {
    const task = vi.fn();
    afterPaintAndPause(task, 300, 1500);
    paint();
    for (let t = 0; t < 1400; t += 200) {
      vi.advanceTimersByTime(200);
      press('wheel');
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
    press('pointerdown');
    vi.advanceTimersByTime(2000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('cancelled (a newer selection), it never runs and stops listening', () => {
    const task = vi.fn();
    const remove = vi.spyOn(window, 'removeEventListener');
    const cancel = afterPaintAndPause(task, 300, 1500);
    paint();
    vi.advanceTimersByTime(100);
    cancel();
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(['keydown', 'pointerdown', 'wheel']);
  });
});
