import type { Db } from '../../db/client.js';
import { intakeOutcomes, intakeRecords } from './intake.table.js';

// Bulk rows for the demo's past months; experts record through intake.repository.
export type NewIntakeRecordRow = typeof intakeRecords.$inferInsert;
export type NewIntakeOutcomeRow = typeof intakeOutcomes.$inferInsert;

export const insertIntakeRecordRows = (tx: Db, rows: NewIntakeRecordRow[]) => tx.insert(intakeRecords).values(rows);

export const insertIntakeOutcomeRows = (tx: Db, rows: NewIntakeOutcomeRow[]) => tx.insert(intakeOutcomes).values(rows);
