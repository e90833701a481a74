// Calls every endpoint once through the built client (dist/) and prints what came back as
// JSON, with each URL fetched: tests/api/test_typescript_client.py runs it against a live
// server mounted under a path prefix. Usage: node test/every-endpoint.mjs BASE_URL [DIST]
import { pathToFileURL } from "node:url";
import { resolve as resolvePath } from "node:path";

const [baseUrl, dist = "dist"] = process.argv.slice(2);
const { createClient, ApiError } = await import(pathToFileURL(resolvePath(dist, "index.js")).href);

const fetched = [];
const client = createClient({
  baseUrl,
  fetch: (url, init) => {
    fetched.push(String(url));
    return fetch(url, init);
  },
});

const page = await client.listQuotes({ speaker: ["Kerry"], topic: ["Assad"], limit: 2 });
const quote = page.items[0];
const all = [];
for await (const q of client.allQuotes({ speaker: ["Kerry"], limit: 5 })) all.push(q.id);
const speakers = await client.listSpeakers({ q: "Kerry" });
const speaker = speakers.items[0];
const topics = await client.listTopics({ q: "ISIS" });
const events = await client.listEvents({ limit: 1 });
const documents = await client.listDocuments({ limit: 1 });
let problem = null;
try {
  await client.getQuote(999999);
} catch (error) {
  problem = error instanceof ApiError ? { status: error.status, type: error.problem.type } : String(error);
}
// Writes without a key: each reaches its endpoint and is refused with a 401 problem.
async function refused(call) {
  try {
    await call();
    return "accepted";
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.problem.type}` : String(error);
  }
}
const documentId = documents.items[0].id;
const writes = {
  uploadDocument: await refused(() => client.uploadDocument(new Blob(["Words."]), "a.txt")),
  deleteDocument: await refused(() => client.deleteDocument(documentId)),
  mergeSpeaker: await refused(() => client.mergeSpeaker(speaker.id, speaker.slug)),
  renameSpeaker: await refused(() => client.renameSpeaker(speaker.slug, "Someone")),
  addSpeakerAlias: await refused(() => client.addSpeakerAlias(speaker.id, "Kerry")),
  removeSpeakerAlias: await refused(() => client.removeSpeakerAlias(speaker.id, "Kerry")),
  mergeTopic: await refused(() => client.mergeTopic(topics.items[0].id, topics.items[0].id)),
  addTopicAlias: await refused(() => client.addTopicAlias(topics.items[0].id, "Daesh")),
  mergeEvent: await refused(() => client.mergeEvent(events.items[0].id, events.items[0].id)),
  listAudit: await refused(() => client.listAudit({ limit: 1 })),
};
const result = {
  firstQuote: { id: quote.id, speaker: quote.speaker?.name, start: quote.start, end: quote.end },
  interpreted: page.interpreted,
  total: page.total,
  allKerry: all,
  facetsSpeakers: (await client.quoteFacets({ topic: ["Assad"] })).speakers.map((s) => s.label),
  quoteDetail: (await client.getQuote(quote.id)).context.paragraph.length > 0,
  csvHeader: (await client.exportQuotes({ speaker: ["Kerry"] }, "csv")).split(/\r?\n/)[0],
  ndjsonLines: (await client.exportQuotes({ speaker: ["Kerry"] }, "ndjson")).trim().split("\n").length,
  document: (await client.getDocument(documents.items[0].id)).text.length > 0,
  documentQuotes: (await client.listDocumentQuotes(documents.items[0].id)).items.length,
  documentVerification: (await client.getDocumentVerification(documents.items[0].id)).checked,
  documentRevisions: (await client.listDocumentRevisions(documents.items[0].id)).current,
  documentRevision: (await client.getDocumentRevision(documents.items[0].id, 1)).text.length > 0,
  speaker: (await client.getSpeaker(speaker.id)).name,
  speakerBySlug: (await client.getSpeaker(speaker.slug)).id === speaker.id,
  speakerQuotes: (await client.listSpeakerQuotes(speaker.id, { limit: 3 })).items.length,
  topic: (await client.getTopic(topics.items[0].id)).name,
  topicQuotes: (await client.listTopicQuotes(topics.items[0].id)).items.length,
  event: (await client.getEvent(events.items[0].id)).title,
  eventQuotes: (await client.listEventQuotes(events.items[0].id)).items.length,
  health: (await client.health()).status,
  problem,
  writes,
  fetched,
};
console.log(JSON.stringify(result));
