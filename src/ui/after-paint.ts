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
