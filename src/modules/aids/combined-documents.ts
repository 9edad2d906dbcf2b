/** The same document named by two topics counts once: compared without case and extra spaces. */
const sameDocument = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

export type CombinedDocuments = {
  /** Named by two or more of the booked topics: listed once, first. */
  shared: string[];
  /** What each topic adds; a topic with nothing left of its own is left out. */
  perTopic: Array<{ topic: string; documents: string[] }>;
};

/** One list for all booked topics: no document twice, grouped into "for several appointments" and per topic. */
export function combineDocuments(topics: Array<{ topic: string; documents: readonly string[] }>): CombinedDocuments {
  const topicsNaming = new Map<string, Set<number>>();
  const firstWording = new Map<string, string>();
  topics.forEach(({ documents }, index) => {
    for (const document of documents) {
      const key = sameDocument(document);
      if (!key) continue;
      if (!firstWording.has(key)) firstWording.set(key, document.trim());
      topicsNaming.set(key, (topicsNaming.get(key) ?? new Set()).add(index));
    }
  });
  const isShared = (key: string) => topicsNaming.get(key)!.size > 1;
  const shared = [...firstWording.keys()].filter(isShared).map((key) => firstWording.get(key)!);
  const perTopic = topics.map(({ topic, documents }) => {
    const seen = new Set<string>();
    const own = documents.filter((document) => {
      const key = sameDocument(document);
      if (!key || isShared(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    }).map((d) => d.trim());
    return { topic, documents: own };
  }).filter((group) => group.documents.length > 0);
  return { shared, perTopic };
}
