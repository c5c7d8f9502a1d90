import { describe, expect, it } from 'vitest';
import { OutageLog } from '../../src/queue/outage-log.ts';

describe('the Redis outage log', () => {
  it('says an outage once however many errors come, and says when it is over', () => {
    const lines: string[] = [];
    const outage = new OutageLog((m) => lines.push(m));
    outage.recovered(); // ready at start: nothing to say
    for (let i = 0; i < 30; i++) outage.error(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    outage.recovered();
    outage.error('Connection is closed.');
    expect(lines).toEqual([
      'mistet forbindelsen til Redis (connect ECONNREFUSED 127.0.0.1:6379); prøver igjen til den er tilbake',
      'forbindelsen til Redis er tilbake',
      'mistet forbindelsen til Redis (Connection is closed.); prøver igjen til den er tilbake',
    ]);
  });
});
