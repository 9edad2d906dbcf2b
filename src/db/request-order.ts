import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * PGlite is one connection: every query of every request waits its turn. Taken in the order they are asked
 * (first come, first served per query), a page's third query queues behind the first queries of every
 * request that arrived after it, and under a rush some pages wait seconds. Taken in the order their requests
 * arrived instead, a request that has started finishes first: the longest wait stays close to the average.
 */
const arrival = new AsyncLocalStorage<number>();
let arrivals = 0;

const places = new WeakMap<object, number>();

/**
 * Runs a request's work with its place in the order of arrival: called from an onRequest hook, and again after
 * the body was read (the stream's events do not carry the request's context along).
 */
export function inArrivalOrder(request: object, run: () => void): void {
  let place = places.get(request);
  if (place === undefined) places.set(request, (place = ++arrivals));
  arrival.run(place, run);
}

/** The place of the current request; work outside a request (the mail worker) queues as if it arrived now. */
const placeInLine = () => arrival.getStore() ?? ++arrivals;

type Waiting = { place: number; start: () => void };

/**
 * One piece of database work at a time, the earliest-arrived request's first.
 *
 * PGlite runs in this thread and answers through promises, so one piece after the other would all run in one
 * microtask drain, a turn of the event loop as long as every request inside. Node (libuv since 1.45) accepts one
 * new connection per turn: during a rush, a family's new connection waited one such turn for each connection
 * ahead of it (seconds at 50 connections). The next piece therefore starts from setImmediate: the loop turns
 * between pieces, takes in new connections and requests, and the earliest of them is served next.
 */
export function arrivalOrderQueue() {
  const waiting: Waiting[] = [];
  let busy = false;
  const next = () => {
    if (waiting.length === 0) {
      busy = false;
      return;
    }
    let earliest = 0;
    for (let i = 1; i < waiting.length; i++) if (waiting[i]!.place < waiting[earliest]!.place) earliest = i;
    const [chosen] = waiting.splice(earliest, 1);
    chosen!.start();
  };
  return function inTurn<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        let done: Promise<T>;
        try {
          done = work();
        } catch (error) {
          done = Promise.reject(error);
        }
        void done.then(resolve, reject).finally(() => setImmediate(next));
      };
      waiting.push({ place: placeInLine(), start });
      if (!busy) {
        busy = true;
        next();
      }
    });
  };
}
