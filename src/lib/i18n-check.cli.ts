import { localeReport } from './locale-report.js';

/** `npm run i18n:check`: prints every gap of the locale files, one a line; exits 1 if there is any. */
let total = 0;
for (const { lang, present, gaps } of localeReport()) {
  if (!present) {
    console.log(`${lang}: no file yet (not offered)`);
    continue;
  }
  console.log(`${lang}: ${gaps.length ? `${gaps.length} gap(s)` : 'complete'}`);
  for (const gap of gaps) console.log(`  ${gap.kind.padEnd(12)} ${gap.key}${gap.detail ? `  ${gap.detail}` : ''}`);
  total += gaps.length;
}
process.exitCode = total ? 1 : 0;
