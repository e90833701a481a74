/**
 * How a frontend uses the types generated from the API's OpenAPI document.
 *
 * `src/schema.d.ts` is generated from the API's document and committed (a test checks it is
 * current; `npm run generate` remakes it). This file must type-check under `strict`: if the document lost
 * precision (a field typed `any`, an id typed `string`, a missing error schema), the
 * `@ts-expect-error` lines below would stop being errors and `tsc` would fail.
 */
import { createClient } from "./client";
import type { components, operations, paths } from "./schema";

export type QuotePage = components["schemas"]["QuotePage"];
export type Quote = components["schemas"]["QuoteOut"];
export type QuoteDetail = components["schemas"]["QuoteDetail"];
export type Problem = components["schemas"]["Problem"];
export type QuoteQuery = NonNullable<paths["/quotes"]["get"]["parameters"]["query"]>;
type QuoteId = operations["get_quote"]["parameters"]["path"]["quote_id"];

/** True only when A and B are the same type: pins what the generator must produce. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
  ? true
  : false;

// Every error is an RFC 9457 problem, sent as application/problem+json.
const notFoundIsProblem: Same<
  operations["get_quote"]["responses"][404]["content"]["application/problem+json"],
  Problem
> = true;
const unknownParameterIsProblem: Same<
  paths["/quotes"]["get"]["responses"][400]["content"]["application/problem+json"],
  Problem
> = true;
// GET /quotes answers JSON pages, or streams CSV / NDJSON exports.
const quoteFormats: Same<
  keyof paths["/quotes"]["get"]["responses"][200]["content"],
  "application/json" | "text/csv" | "application/x-ndjson"
> = true;
export const generatedTypesArePrecise = [
  notFoundIsProblem,
  unknownParameterIsProblem,
  quoteFormats,
];

/** The client in use: Kerry on Assad, newest first, from an API behind a path prefix. */
export async function kerryOnAssadLines(baseUrl: string): Promise<string[]> {
  const api = createClient({ baseUrl });
  const page = await api.listQuotes(kerryOnAssad);
  return [describeFirst(page), ...page.items.map((q) => `${q.spoken_on ?? "undated"}: ${q.text}`)];
}

/** A line a journalist can paste: who, how they were identified, when, and where next. */
export function describeFirst(page: QuotePage): string {
  const first = page.items[0];
  if (first === undefined) return `no quotes (${page.interpreted.join("; ")})`;
  const who: string = first.speaker?.name ?? "an unidentified speaker";
  const how: string = first.attribution.method;
  const confidence: number = first.attribution.confidence;
  const when: string = first.spoken_on ?? "an unknown date";
  const topics: string[] = first.topics.map((topic) => `${topic.name} (${topic.scope})`);
  const next: string = page.next_cursor === null ? "last page" : `next: ${page.next_cursor}`;
  return `${who} [${how}, ${confidence}] on ${when} about ${topics.join(", ")}; ${next}`;
}

/** The quote's words, cut from its document's text with the offsets the API gives. */
export function cutFromDocument(quote: Quote, documentText: string): string {
  return documentText.slice(quote.start, quote.end);
}

/** What a transcript answer replies to, if anything. */
export function question(detail: QuoteDetail): string | null {
  return detail.context.replies_to?.text ?? null;
}

export function typeErrorsTheSchemaCatches(quote: Quote, page: QuotePage): void {
  // @ts-expect-error `start` is a number (an offset into the document text), not a string.
  const start: string = quote.start;
  // @ts-expect-error `speaker` can be null (an unidentified questioner): it must be checked.
  const name: string = quote.speaker.name;
  // @ts-expect-error `kind` is a closed set: turn, question, direct, partial, indirect.
  const kind: Quote["kind"] = "rumour";
  // @ts-expect-error `next_cursor` is null on the last page.
  const cursor: string = page.next_cursor;
  // @ts-expect-error a misspelt filter is a compile error, as it is a 400 from the API.
  const misspelt: QuoteQuery = { speakr: ["Kerry"] };
  // @ts-expect-error `limit` is a number.
  const limit: QuoteQuery = { limit: "20" };
  // @ts-expect-error a quote id is a number.
  const id: QuoteId = "9";
  void [start, name, kind, cursor, misspelt, limit, id];
}

/** The query a journalist starts with: what John Kerry said about Assad, newest first. */
export const kerryOnAssad: QuoteQuery = {
  speaker: ["Kerry"],
  topic: ["Assad"],
  sort: "-date",
  kind: ["turn", "direct"],
  date_from: "2015-01-01",
  limit: 20,
};
