/**
 * A warning that can come with every request (the database is down): said at once, then at most once
 * per `everyMs` with how many were held back, so an outage is a few log lines, not thousands.
 */
export function throttledWarning(everyMs = 10_000, now: () => number = Date.now) {
  let lastAt = -Infinity;
  let heldBack = 0;
  /** Calls `say(heldBack)` when it is time to say it again; else counts it. */
  return (say: (heldBack: number) => void): void => {
    if (now() - lastAt < everyMs) {
      heldBack++;
      return;
    }
    say(heldBack);
    lastAt = now();
    heldBack = 0;
  };
}
