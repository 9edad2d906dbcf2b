import { localeReport } from './locale-report.js';

/** `npm run i18n:check`: prints every gap of the locale files, one a line; exits 1 if there is any. */
let total = 0;
const lines: string[] = [];
const log = (line: string) => lines.push(line);
for (const { lang, present, gaps } of localeReport()) {
  if (!present) {
    log(`${lang}: no file yet (not offered)`);
    continue;
  }
  log(`${lang}: ${gaps.length ? `${gaps.length} gap(s)` : 'complete'}`);
  for (const gap of gaps) log(`  ${gap.kind.padEnd(12)} ${gap.key}${gap.detail ? `  ${gap.detail}` : ''}`);
  total += gaps.length;
}
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = total ? 1 : 0;
