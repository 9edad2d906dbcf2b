import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { topics } from './organisations.table.js';

export type TopicFields = Omit<typeof topics.$inferInsert, 'id' | 'organisationId' | 'key'>;

export function listTopics(db: Db, organisationId: number) {
  return db.select().from(topics).where(eq(topics.organisationId, organisationId)).orderBy(asc(topics.sortOrder), asc(topics.id));
}

export async function findTopic(db: Db, organisationId: number, topicId: number) {
  const [topic] = await db.select().from(topics).where(and(eq(topics.id, topicId), eq(topics.organisationId, organisationId)));
  return topic;
}

/** The key stays as created: it names the topic in links and statistics even when its wording changes. */
export async function insertTopic(db: Db, organisationId: number, key: string, fields: TopicFields) {
  const [created] = await db.insert(topics).values({ organisationId, key, ...fields }).returning({ id: topics.id });
  return created!.id;
}

export async function updateTopic(db: Db, organisationId: number, topicId: number, fields: TopicFields) {
  await db.update(topics).set(fields).where(and(eq(topics.id, topicId), eq(topics.organisationId, organisationId)));
}

/** "Bürgergeld / Jobcenter" → "buergergeld-jobcenter". */
export function topicKeyOf(name: string): string {
  const key = name.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return key.slice(0, 40) || 'thema';
}
