/**
 * `npm run staff:create -- --org <slug> --email <address> --name "<name>" [--role coordinator|desk|expert]`
 * makes an account (by default the organisation's first coordinator) and prints a one-time password once.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { findOrganisationBySlug } from '../organisations/organisations.repository.js';
import { generatePassword, hashPassword } from './passwords.js';
import { insertStaff } from './staff.repository.js';
import { STAFF_ROLES, type StaffRole } from './staff.table.js';

const { values } = parseArgs({
  options: { org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'coordinator' } },
});
if (!values.org || !values.email || !values.name || !STAFF_ROLES.includes(values.role as StaffRole) || !/^[^\s@]+@[^\s@]+$/.test(values.email)) {
  console.error('Usage: npm run staff:create -- --org <slug> --email <address> --name "<name>" [--role coordinator|desk|expert]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 1 } : { kind: 'pglite', dataDir: config.dataDir });
try {
  await runMigrations(database);
  const organisation = await findOrganisationBySlug(database.db, values.org);
  if (!organisation) {
    console.error(`No organisation with the slug "${values.org}".`);
    process.exitCode = 1;
  } else {
    const password = generatePassword();
    await insertStaff(database.db, {
      organisationId: organisation.id, email: values.email, name: values.name, role: values.role as StaffRole,
      passwordHash: await hashPassword(password), topicIds: [], mustChangePassword: true,
    });
    console.log(`Created ${values.role} ${values.email} for ${organisation.name}.`);
    console.log(`One-time password (shown only now; it must be changed at the first sign-in): ${password}`);
  }
} catch (error) {
  console.error((error as { cause?: { code?: string } }).cause?.code === '23505' ? 'An account with this e-mail address exists already.' : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
