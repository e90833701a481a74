/**
 * A small typed client for the On the Record API: one method per endpoint, typed from the
 * OpenAPI document (`src/schema.d.ts`, generated and committed), with no dependencies.
 *
 * The base URL may carry a path prefix (`https://example.org/ontherecord/api`): every path is
 * resolved relative to it, never from the host's root.
 */
import type { components, operations, paths } from "./schema";

export type Schemas = components["schemas"];
export type Quote = Schemas["QuoteOut"];
export type QuoteDetail = Schemas["QuoteDetail"];
export type QuotePage = Schemas["QuotePage"];
export type Facets = Schemas["Facets"];
export type DocumentPage = Schemas["DocumentPage"];
export type DocumentDetail = Schemas["DocumentDetail"];
export type DocumentVerification = Schemas["DocumentVerification"];
export type DocumentRevisions = Schemas["DocumentRevisions"];
export type RevisionDetail = Schemas["RevisionDetail"];
export type Verification = Schemas["Verification"];
export type SpeakerPage = Schemas["SpeakerPage"];
export type SpeakerDetail = Schemas["SpeakerDetail"];
export type TopicPage = Schemas["TopicPage"];
export type TopicDetail = Schemas["TopicDetail"];
export type EventPage = Schemas["EventPage"];
export type EventDetail = Schemas["EventDetail"];
export type Health = Schemas["Health"];
export type Problem = Schemas["Problem"];
export type IngestReport = Schemas["IngestReport"];
export type DocumentDeletion = Schemas["DocumentDeletion"];
export type AuditPage = Schemas["AuditPage"];
export type AuditEntry = Schemas["AuditEntryOut"];
/** Optional metadata of an upload; anything left out is read from the document. */
export interface UploadMetadata {
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  publisher?: string;
  url?: string;
  author?: string;
  genre?: "transcript" | "news";
}

type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
export type QuoteQuery = Query<"/quotes">;
export type FacetQuery = Query<"/quotes/facets">;
export type PageQuery = Query<"/documents">;
export type SpeakerQuery = Query<"/speakers">;
export type TopicQuery = Query<"/topics">;
export type EventQuery = Query<"/events">;
export type AuditQuery = Query<"/audit">;
export type QuoteId = operations["get_quote"]["parameters"]["path"]["quote_id"];
export type DocumentId = operations["get_document"]["parameters"]["path"]["document_id"];
/** A speaker's id, or its slug (`"john-kerry"`). */
export type SpeakerId = operations["get_speaker"]["parameters"]["path"]["speaker_id"] | number;
/** A topic's id, or its slug (`"bashar-al-assad"`). */
export type TopicId = operations["get_topic"]["parameters"]["path"]["topic_id"] | number;
export type EventId = operations["get_event"]["parameters"]["path"]["event_id"];
export type ExportFormat = "csv" | "ndjson";

/** An error answer, with the RFC 9457 problem document the API sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = "ApiError";
  }
}

export interface ClientOptions {
  /** Where the API lives, path prefix included: `https://example.org/ontherecord`. */
  baseUrl: string;
  /** A fetch implementation; the global one by default (browsers, Node 18+). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** An API key from `ontherecord keys create`, sent as `Authorization: Bearer`: writes and
   * `GET /audit` need a write key; reads need one only where the service closes them. */
  apiKey?: string;
}

type Params = Record<string, unknown>;

/** `?a=1&speaker=Kerry&speaker=Johnson`: arrays repeat the name; undefined and null are left out. */
export function queryString(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== null) search.append(name, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** `path` under the base URL, keeping the base's own path: `new URL("/quotes", base)` drops it. */
export function resolve(baseUrl: string, path: string, params?: Params): string {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, "") + queryString(params), base).toString();
}

type WriteMethod = "POST" | "PATCH" | "DELETE";

function segment(id: string | number): string {
  return encodeURIComponent(String(id));
}

export function createClient(options: ClientOptions) {
  const send = options.fetch ?? fetch;

  const auth: Record<string, string> = options.apiKey
    ? { Authorization: `Bearer ${options.apiKey}` }
    : {};

  async function request(
    path: string,
    params: Params | undefined,
    accept: string,
    init: { method?: WriteMethod; body?: BodyInit; headers?: Record<string, string> } = {},
  ) {
    const response = await send(resolve(options.baseUrl, path, params), {
      method: init.method ?? "GET",
      headers: { Accept: accept, ...auth, ...options.headers, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({
        type: "about:blank",
        title: response.statusText,
        status: response.status,
        detail: `HTTP ${response.status}`,
      }))) as Problem;
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  async function get<T>(path: string, params?: Params): Promise<T> {
    return (await (await request(path, params, "application/json")).json()) as T;
  }

  /** A write: JSON in (when there is a body), the changed resource out. */
  async function write<T>(method: WriteMethod, path: string, body?: object): Promise<T> {
    const init =
      body === undefined
        ? { method }
        : { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
    return (await (await request(path, undefined, "application/json", init)).json()) as T;
  }

  return {
    /** `GET /quotes`: one page of quotes matching the filters. */
    listQuotes: (query: QuoteQuery = {}) => get<QuotePage>("/quotes", query),
    /** Every match, following `next_cursor` page after page. */
    async *allQuotes(query: QuoteQuery = {}): AsyncGenerator<Quote> {
      let cursor: string | null = null;
      do {
        const page: QuotePage = await get<QuotePage>(
          "/quotes",
          cursor === null ? query : { ...query, cursor },
        );
        yield* page.items;
        cursor = page.next_cursor;
      } while (cursor !== null);
    },
    /** `GET /quotes?format=csv|ndjson`: every match as text, for a spreadsheet or a script. */
    async exportQuotes(query: QuoteQuery, format: ExportFormat): Promise<string> {
      const accept = format === "csv" ? "text/csv" : "application/x-ndjson";
      return (await request("/quotes", { ...query, format }, accept)).text();
    },
    /** `GET /quotes/facets`: the same filters counted by speaker, topic, kind, event, month
     * and verification status. */
    quoteFacets: (query: FacetQuery = {}) => get<Facets>("/quotes/facets", query),
    /** `GET /quotes/{quote_id}`: one quote with its context. */
    getQuote: (id: QuoteId) => get<QuoteDetail>(`/quotes/${segment(id)}`),
    listDocuments: (query: PageQuery = {}) => get<DocumentPage>("/documents", query),
    getDocument: (id: DocumentId) => get<DocumentDetail>(`/documents/${segment(id)}`),
    listDocumentQuotes: (id: DocumentId, query: PageQuery = {}) =>
      get<QuotePage>(`/documents/${segment(id)}/quotes`, query),
    /** `GET /documents/{document_id}/verification`: how faithfully a news article quotes. */
    getDocumentVerification: (id: DocumentId) =>
      get<DocumentVerification>(`/documents/${segment(id)}/verification`),
    /** `GET /documents/{document_id}/revisions`: every version, with what each changed. */
    listDocumentRevisions: (id: DocumentId) =>
      get<DocumentRevisions>(`/documents/${segment(id)}/revisions`),
    /** `GET /documents/{document_id}/revisions/{number}`: one version, with its text. */
    getDocumentRevision: (id: DocumentId, number: number) =>
      get<RevisionDetail>(`/documents/${segment(id)}/revisions/${segment(number)}`),
    listSpeakers: (query: SpeakerQuery = {}) => get<SpeakerPage>("/speakers", query),
    getSpeaker: (id: SpeakerId) => get<SpeakerDetail>(`/speakers/${segment(id)}`),
    listSpeakerQuotes: (id: SpeakerId, query: PageQuery = {}) =>
      get<QuotePage>(`/speakers/${segment(id)}/quotes`, query),
    listTopics: (query: TopicQuery = {}) => get<TopicPage>("/topics", query),
    getTopic: (id: TopicId) => get<TopicDetail>(`/topics/${segment(id)}`),
    listTopicQuotes: (id: TopicId, query: PageQuery = {}) =>
      get<QuotePage>(`/topics/${segment(id)}/quotes`, query),
    listEvents: (query: EventQuery = {}) => get<EventPage>("/events", query),
    getEvent: (id: EventId) => get<EventDetail>(`/events/${segment(id)}`),
    listEventQuotes: (id: EventId, query: PageQuery = {}) =>
      get<QuotePage>(`/events/${segment(id)}/quotes`, query),
    /** `GET /health`. */
    health: () => get<Health>("/health"),

    // Writes: each needs a write key (`apiKey`) and is recorded in the audit log.
    /** `POST /documents`: ingest one document (text, Markdown, HTML or PDF); its report. */
    async uploadDocument(
      file: Blob,
      filename: string,
      metadata: UploadMetadata = {},
    ): Promise<IngestReport> {
      const form = new FormData();
      form.append("file", file, filename);
      for (const [name, value] of Object.entries(metadata)) {
        if (value !== undefined) form.append(name, String(value));
      }
      const init = { method: "POST" as const, body: form };
      const response = await request("/documents", undefined, "application/json", init);
      return (await response.json()) as IngestReport;
    },
    /** `DELETE /documents/{document_id}`: remove a document and what only it held. */
    deleteDocument: (id: DocumentId) =>
      write<DocumentDeletion>("DELETE", `/documents/${segment(id)}`),
    /** `POST /speakers/{speaker_id}/merge`: fold a speaker into another; answers the one kept. */
    mergeSpeaker: (id: SpeakerId, into: SpeakerId) =>
      write<SpeakerDetail>("POST", `/speakers/${segment(id)}/merge`, { into: String(into) }),
    /** `PATCH /speakers/{speaker_id}`: a new canonical name; the old one stays an alias. */
    renameSpeaker: (id: SpeakerId, name: string) =>
      write<SpeakerDetail>("PATCH", `/speakers/${segment(id)}`, { name }),
    addSpeakerAlias: (id: SpeakerId, alias: string) =>
      write<SpeakerDetail>("POST", `/speakers/${segment(id)}/aliases`, { alias }),
    removeSpeakerAlias: (id: SpeakerId, alias: string) =>
      write<SpeakerDetail>("DELETE", `/speakers/${segment(id)}/aliases/${segment(alias)}`),
    /** `POST /topics/{topic_id}/merge`: fold a topic into another; answers the one kept. */
    mergeTopic: (id: TopicId, into: TopicId) =>
      write<TopicDetail>("POST", `/topics/${segment(id)}/merge`, { into: String(into) }),
    addTopicAlias: (id: TopicId, alias: string) =>
      write<TopicDetail>("POST", `/topics/${segment(id)}/aliases`, { alias }),
    /** `POST /events/{event_id}/merge`: two events that are one occasion. */
    mergeEvent: (id: EventId, into: EventId) =>
      write<EventDetail>("POST", `/events/${segment(id)}/merge`, { into }),
    /** `GET /audit`: the writes made through the API, newest first (a write key). */
    listAudit: (query: AuditQuery = {}) => get<AuditPage>("/audit", query),
  };
}

export type Client = ReturnType<typeof createClient>;
