import { createHash } from 'node:crypto';
import { messageIdForKey } from './message-id.util';

describe('messageIdForKey', () => {
  it('derives a stable Message-ID from the key with sha256', () => {
    const key = 'case:P1-42|step:INTAKE|rung:OVERDUE-1|to:3f0c';
    const id = messageIdForKey(key);
    expect(id).toBe(`<${createHash('sha256').update(key).digest('hex')}@zorgroute.local>`);
    expect(id).toMatch(/^<[0-9a-f]{64}@zorgroute\.local>$/);
    expect(messageIdForKey(key)).toBe(id);
  });

  it('differs per key and does not reveal the key', () => {
    expect(messageIdForKey('a')).not.toBe(messageIdForKey('b'));
    expect(messageIdForKey('case:P1-42')).not.toContain('P1-42');
  });
});
