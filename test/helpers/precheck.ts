import { expect } from 'vitest';
import type { Browser } from './browser.js';

/** One page's answer as the form posts it: a choice, the children per age band, maintenance per child, or "skip". */
export type PageAnswer = string | Record<string, string> | 'skip';

/**
 * Answers the pre-check page by page, as a family without JavaScript would: each answer is posted to the page
 * the previous one led to. Stops on the result page; returns the questions in the order they were asked.
 */
export async function answerCheck(browser: Browser, base: string, answers: Partial<Record<string, PageAnswer>>): Promise<string[]> {
  const asked: string[] = [];
  await browser.get(`${base}/check`);
  let url = `${base}/check/household`;
  for (let step = 0; step < 10 && !url.endsWith('/result'); step++) {
    await browser.get(url);
    expect(browser.last.statusCode, url).toBe(200);
    const question = url.split('/').pop()!;
    asked.push(question);
    const answer = answers[question] ?? 'skip';
    const fields = answer === 'skip' ? { skip: '1' } : typeof answer === 'string' ? { answer } : answer;
    await browser.post(url, fields);
    expect(browser.last.statusCode, `${question}: ${browser.last.body.slice(0, 200)}`).toBe(303);
    url = String(browser.last.headers.location);
  }
  await browser.follow();
  expect(browser.last.statusCode).toBe(200);
  return asked;
}
