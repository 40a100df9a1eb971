import { Logger } from '@nestjs/common';
import { CASE_PROGRESS_CHANNEL } from '@zorgroute/domain';
import { LISTEN_RETRY_MS } from './case-progress.listener';
import { listeningListener } from '../testing/fake-listen-connection.fixture';

describe('CaseProgressListener (LISTEN on the case_summary trigger)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    jest.useRealTimers();
  });

  it('listens on the channel of the trigger and wakes only the watchers of the notified case', async () => {
    const { listener, connections } = await listeningListener();
    expect(connections[0].queries).toEqual([`LISTEN ${CASE_PROGRESS_CHANNEL}`]);
    expect(listener.listening).toBe(true);
    const mine = listener.watch('case-a');
    const other = listener.watch('case-b');
    const woken: string[] = [];
    const a = mine.next(60_000).then(() => woken.push('a'));
    void other.next(200).then(() => woken.push('b'));
    connections[0].notify('case-a');
    connections[0].notify('case-a', 'another_channel');
    await a;
    expect(woken).toEqual(['a']);
    mine.close();
    other.close();
    await listener.onApplicationShutdown();
    expect(connections[0].ended).toBe(true);
  });

  it('keeps a change that arrives before the watcher waits, and resolves on its own timer without one', async () => {
    const { listener, connections } = await listeningListener();
    const w = listener.watch('case-a');
    connections[0].notify('case-a');
    const begun = Date.now();
    await w.next(60_000);
    expect(Date.now() - begun).toBeLessThan(1_000);
    await w.next(50); // nothing new: the timer ends it
    expect(Date.now() - begun).toBeGreaterThanOrEqual(45);
    w.close();
    await listener.onApplicationShutdown();
  });

  it('ends a pending wait when the watch is closed', async () => {
    const { listener } = await listeningListener();
    const w = listener.watch('case-a');
    const pending = w.next(60_000);
    w.close();
    await expect(pending).resolves.toBeUndefined();
    await listener.onApplicationShutdown();
  });

  it('stops listening when its connection is lost, says so without personal data, and listens again after a pause', async () => {
    jest.useFakeTimers();
    const { listener, connections } = await listeningListener([false, true]);
    connections[0].emit('error', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(listener.listening).toBe(false);
    expect(connections[0].ended).toBe(true);
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('case progress notifications unavailable (Error: 57P01)'));
    await jest.advanceTimersByTimeAsync(LISTEN_RETRY_MS); // second connection refused
    expect(connections).toHaveLength(2);
    expect(listener.listening).toBe(false);
    await jest.advanceTimersByTimeAsync(LISTEN_RETRY_MS); // third one listens
    expect(connections).toHaveLength(3);
    expect(listener.listening).toBe(true);
    await listener.onApplicationShutdown();
    connections[2].emit('end');
    await jest.advanceTimersByTimeAsync(LISTEN_RETRY_MS * 2);
    expect(connections).toHaveLength(3); // no reconnect after shutdown
  });
});
