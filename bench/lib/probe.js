// In-page helpers for the benchmark, injected with page.addInitScript before any page script runs, so
// they never count towards a page's JavaScript. Plain browser JS (it is not bundled). Exposes
// `window.__bench`; the driver calls it through page.evaluate.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: work figures then rest on Event Timing alone
  }

  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Every element matching `selector` below `root`, open shadow roots included. */
  function deepQueryAll(selector, root = document) {
    const found = [];
    const visit = (node) => {
      found.push(...node.querySelectorAll(selector));
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(root);
    return found;
  }

  const deepQuery = (selector, root = document) => deepQueryAll(selector, root)[0];

  /** Nodes of every kind inside `node` (itself excluded), open shadow roots included. */
  function countNodes(node) {
    let elements = 0;
    let nodes = 0;
    const visit = (n) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        nodes++;
        if (c.nodeType === Node.ELEMENT_NODE) {
          elements++;
          if (c.shadowRoot) visit(c.shadowRoot);
        }
        visit(c);
      }
    };
    if (node.shadowRoot) visit(node.shadowRoot);
    visit(node);
    return { nodes, elements };
  }

  /**
   * Resolves with performance.now() at the first animation frame whose callbacks see `predicate()` true:
   * the frame that paints it ("the condition, then a following requestAnimationFrame").
   */
  async function waitFor(predicate, timeoutMs = 10_000, what = 'condition') {
    const start = performance.now();
    const holds = () => {
      try {
        return Boolean(predicate());
      } catch {
        return false;
      }
    };
    if (holds()) {
      await frame();
      return performance.now();
    }
    for (;;) {
      await frame();
      if (holds()) return performance.now();
      if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
  }

  /** Named conditions watched from navigation on (page.addInitScript arg), e.g. tiles painted. */
  const marks = {};
  const WATCHES = {
    tiles: () => deepQueryAll('sspr-tiles').some((t) => t.shadowRoot?.querySelector('button[part="tile"]')),
    charts: () => {
      const charts = deepQueryAll('sspr-registrations-chart, sspr-resets-chart');
      return charts.length >= 2 && charts.every((c) => c.shadowRoot?.querySelector('[part="chart"] svg path'));
    },
    // every one of the eight answers given (none still waiting for its data)
    insights: () => {
      const root = deepQueryAll('sspr-insights')[0]?.shadowRoot;
      const sections = root ? [...root.querySelectorAll('[part="insight"]')] : [];
      return sections.length === 8 && sections.every((s) => s.getAttribute('aria-busy') === 'false');
    },
    // a data row of the audit table showing a UPN (not a skeleton, not the header)
    tableRows: () => {
      const root = document.querySelector('sspr-audit-table')?.shadowRoot;
      return Boolean(root) && [...root.querySelectorAll('[part~="row"]')].some((r) => !r.querySelector('[part~="header-cell"]') && r.textContent.includes('@'));
    },
  };
  function watch(names) {
    for (const name of names) {
      waitFor(WATCHES[name], 60_000, name).then(
        (t) => (marks[name] = t),
        (e) => (marks[`${name}Error`] = String(e)),
      );
    }
  }

  /**
   * One user action's cost (a keystroke, a click). arm() before the action; settle(predicate) after it:
   * waits for the rows to show the result, then gathers Event Timing entries and the long tasks that
   * followed the handlers. The action starts at its first keydown/pointerup; the handlers end at the
   * last input/click reaching window (bubbling listeners added here run after the page's own).
   */
  let action;
  const onStart = (e) => {
    if (action && Number.isNaN(action.start)) {
      action.start = performance.now();
      action.timeStamp = e.timeStamp;
    }
  };
  const onEnd = () => {
    if (action) action.handlersEnd = performance.now();
  };
  addEventListener('keydown', onStart, true);
  addEventListener('pointerup', onStart, true); // a click's handlers run on release
  addEventListener('input', onEnd);
  addEventListener('click', onEnd);

  function arm() {
    const state = { start: NaN, timeStamp: NaN, handlersEnd: NaN, events: [] };
    state.observer = new PerformanceObserver((list) => state.events.push(...list.getEntries()));
    state.observer.observe({ type: 'event', durationThreshold: 16 });
    action = state;
  }

  /** Total length covered by [start, end] intervals: keypress processing contains the input event's. */
  function unionLength(intervals) {
    let total = 0;
    let reach = -Infinity;
    for (const [start, end] of intervals.sort((a, b) => a[0] - b[0])) {
      if (end > reach) {
        total += end - Math.max(start, reach);
        reach = end;
      }
    }
    return total;
  }

  async function settle(predicate, what) {
    const k = action;
    if (!k) throw new Error('settle() without arm()');
    const painted = await waitFor(predicate, 15_000, what);
    await sleep(60); // Event Timing and Long Tasks entries are delivered after the paint
    k.events.push(...k.observer.takeRecords());
    k.observer.disconnect();
    action = undefined;
    if (Number.isNaN(k.timeStamp)) throw new Error('no keydown or pointerup reached the page');
    const mine = k.events.filter((e) => e.startTime >= k.timeStamp - 1 && e.startTime < painted);
    const eventProcessing = unionLength(mine.map((e) => [e.processingStart, e.processingEnd]));
    const handlersEnd = Number.isNaN(k.handlersEnd) ? Math.max(k.start, ...mine.map((e) => e.processingEnd)) : k.handlersEnd;
    const handlers = Math.max(eventProcessing, handlersEnd - k.start);
    const after = longTasks.filter((t) => t.start >= handlersEnd - 0.5 && t.start < painted);
    const longTaskMs = after.reduce((sum, t) => sum + t.duration, 0);
    return {
      work: handlers + longTaskMs,
      handlers,
      longTaskMs,
      longTasks: after.length,
      toPaint: painted - k.timeStamp,
      eventDuration: mine.length ? Math.max(...mine.map((e) => e.duration)) : null,
      events: mine.map((e) => `${e.name}:${Math.round(e.processingEnd - e.processingStart)}/${e.duration}`),
    };
  }

  /** Runs `fn` (sync or async) and reports its time and the longest stretch the main thread was blocked. */
  async function timeBlocking(fn) {
    let last = performance.now();
    let maxGap = 0;
    let running = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      if (running) setTimeout(() => channel.port2.postMessage(0), 0);
    };
    channel.port2.postMessage(0);
    const start = performance.now();
    const value = await fn();
    const end = performance.now();
    running = false;
    await sleep(60);
    const tasks = longTasks.filter((t) => t.start >= start - 1 && t.start < end);
    const longest = Math.max(maxGap, ...tasks.map((t) => t.duration));
    return { ms: end - start, longest, value };
  }

  window.__bench = { marks, watch, frame, sleep, waitFor, deepQuery, deepQueryAll, countNodes, longTasks, action: { arm, settle }, timeBlocking };
})();
