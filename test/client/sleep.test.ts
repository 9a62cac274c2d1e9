import { expect } from '@open-wc/testing';
import { ReportError } from '../../src/client/errors.js';
import { sleep } from '../../src/client/sleep.js';

describe('sleep', () => {
  it('waits at least the given time', async () => {
    const t0 = performance.now();
    await sleep(30);
    expect(performance.now() - t0).to.be.at.least(29);
  });

  it('rejects promptly with an aborted ReportError when the signal aborts', async () => {
    const controller = new AbortController();
    const t0 = performance.now();
    setTimeout(() => controller.abort(), 10);
    const error = await sleep(5000, controller.signal).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ReportError);
    expect((error as ReportError).kind).to.equal('aborted');
    expect(performance.now() - t0).to.be.below(1000);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const error = await sleep(5000, AbortSignal.abort()).catch((e: unknown) => e);
    expect((error as ReportError).kind).to.equal('aborted');
  });
});
