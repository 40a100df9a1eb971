import { hasLiveWorker, LIVE_POLL_WINDOW_MS } from './live-worker';

const NOW = Date.parse('2027-03-10T09:00:00Z');
const polled = (msAgo: number) => ({ lastAccessTime: { seconds: (NOW - msAgo) / 1000, nanos: 0 } });

describe('hasLiveWorker', () => {
  it('counts a worker that polled within the window, also an idle one whose long poll is a minute old', () => {
    expect(hasLiveWorker([polled(1_000)], NOW)).toBe(true);
    expect(hasLiveWorker([polled(65_000)], NOW)).toBe(true);
    expect(hasLiveWorker([polled(LIVE_POLL_WINDOW_MS + 60_000), polled(2_000)], NOW)).toBe(true);
  });

  it('does not count a stopped worker that Temporal still lists, nor a queue without pollers', () => {
    expect(hasLiveWorker([polled(LIVE_POLL_WINDOW_MS + 1_000)], NOW)).toBe(false);
    expect(hasLiveWorker([], NOW)).toBe(false);
    expect(hasLiveWorker(null, NOW)).toBe(false);
  });

  it('reads the protobuf Long of the seconds, and counts a poller without a time', () => {
    expect(hasLiveWorker([{ lastAccessTime: { seconds: { toNumber: () => (NOW - 5_000) / 1000 } } }], NOW)).toBe(true);
    expect(hasLiveWorker([{}], NOW)).toBe(true);
  });
});
