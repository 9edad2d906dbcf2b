import { describe, expect, it } from 'vitest';
import { arrivalOrderQueue, inArrivalOrder } from '../../src/db/request-order.js';

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('PGlite\'s one connection, in the order requests arrived', () => {
  it('serves the queries of the request that arrived first first, whatever order they were asked in', async () => {
    const inTurn = arrivalOrderQueue();
    const served: string[] = [];
    const first = {}, second = {}, third = {};
    // The three requests arrive in this order.
    for (const request of [first, second, third]) inArrivalOrder(request, () => {});
    const busy = gate();
    const running = inTurn(() => busy.opened.then(() => served.push('running')));
    const asked: Array<Promise<unknown>> = [];
    // While the connection is busy, the latest request asks first and the earliest last.
    inArrivalOrder(third, () => asked.push(inTurn(async () => served.push('third'))));
    inArrivalOrder(second, () => asked.push(inTurn(async () => served.push('second'))));
    inArrivalOrder(first, () => asked.push(inTurn(async () => served.push('first'))));
    busy.open();
    await Promise.all([running, ...asked]);
    expect(served).toEqual(['running', 'first', 'second', 'third']);
  });

  it('runs one piece of work at a time and goes on after one fails', async () => {
    const inTurn = arrivalOrderQueue();
    let atOnce = 0;
    let most = 0;
    const work = (fail: boolean) => inTurn(async () => {
      most = Math.max(most, ++atOnce);
      await new Promise((resolve) => setTimeout(resolve, 5));
      atOnce--;
      if (fail) throw new Error('refused');
      return 'done';
    });
    const results = await Promise.allSettled([work(false), work(true), work(false), work(false)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(most).toBe(1);
    await expect(inTurn(() => { throw new Error('at once'); })).rejects.toThrow('at once');
    await expect(inTurn(async () => 'still serving')).resolves.toBe('still serving');
  });

  it('lets the event loop turn between two pieces of work, so new connections are taken in during a rush', async () => {
    const inTurn = arrivalOrderQueue();
    const happened: string[] = [];
    const both = Promise.all([
      inTurn(async () => happened.push('first piece')),
      inTurn(async () => happened.push('second piece')),
    ]);
    // Stands for node's I/O phase (accepting a connection, reading a request), which runs between loop turns.
    setImmediate(() => happened.push('event loop'));
    await both;
    expect(happened).toEqual(['first piece', 'event loop', 'second piece']);
  });
});
