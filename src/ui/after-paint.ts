/**
 * Runs `task` after the browser has painted the next frame (a frame, then a
 * task), so what the user waits for is on screen first; returns a cancel
 * function for an effect's cleanup. docs/speed.md, click → kompas.
 */
export function afterPaint(task: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => (timer = window.setTimeout(task, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Input that starts something new on the page; a moving pointer does not. */
const ACTIONS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Like afterPaint, then waits for a pause: `quietMs` without a press, key or
 * wheel anywhere on the page, and at most `latestMs` after the paint. For
 * work that blocks the page's next frames (a map frame with software WebGL
 * takes hundreds of milliseconds) and must not hold back the paint of what
 * the user does next, such as opening a category right after a click.
 */
export function afterPaintAndPause(task: () => void, quietMs: number, latestMs: number): () => void {
  let quiet = 0;
  let latest = 0;
  const run = () => {
    stop();
    task();
  };
  const restart = () => {
    clearTimeout(quiet);
    quiet = window.setTimeout(run, quietMs);
  };
  const stop = () => {
    clearTimeout(quiet);
    clearTimeout(latest);
    for (const type of ACTIONS) window.removeEventListener(type, restart, true);
  };
  const cancelPaint = afterPaint(() => {
    for (const type of ACTIONS) window.addEventListener(type, restart, true);
    latest = window.setTimeout(run, latestMs);
    restart();
  });
  return () => {
    cancelPaint();
    stop();
  };
}
