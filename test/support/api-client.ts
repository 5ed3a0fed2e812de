import { randomUUID } from "node:crypto";

/** Sends a Request somewhere: into the app in-process, or over real HTTP. */
export type Transport = (request: Request) => Promise<Response>;

export const inProcess =
  (app: { request: (r: Request) => Response | Promise<Response> }): Transport =>
  async (r) =>
    app.request(r);
export const overHttp: Transport = (r) => fetch(r);

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as it came, for answers that are not text (audio). */
  bytes: Uint8Array;
}

/**
 * A browser-like API user: keeps its session cookie and CSRF token between requests the way
 * the web app does, so tests read like what a person does.
 */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly transport: Transport,
    readonly baseUrl = "http://127.0.0.1",
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const h = new Headers(headers);
    if (this.cookie && !h.has("cookie")) h.set("cookie", this.cookie);
    if (method !== "GET" && method !== "HEAD" && !h.has("x-csrf-token")) h.set("x-csrf-token", this.csrfToken ?? "anonymous");
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === "string" ? body : JSON.stringify(body);
      h.set("content-type", "application/json");
    }
    const res = await this.transport(new Request(this.baseUrl + path, { method, headers: h, body: payload }));
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = pair!.split("=");
      if (name === "limber_session") this.cookie = value ? `${name}=${value}` : null;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    if (res.headers.get("content-type")?.includes("application/json") && text) parsed = JSON.parse(text);
    const out: ApiResponse = { status: res.status, headers: res.headers, body: parsed, text, bytes };
    if (out.body && typeof out.body === "object" && "csrfToken" in out.body) this.csrfToken = (out.body as { csrfToken: string }).csrfToken;
    return out;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", path, body, headers);
  }
  put(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PUT", path, body, headers);
  }
  delete(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("DELETE", path, body, headers);
  }

  /** Signs up a new person with a unique email; answers the sign-up response. */
  async signUp(overrides: { email?: string; password?: string; displayName?: string; role?: "client" | "coach" } = {}) {
    const email = overrides.email ?? `user-${randomUUID()}@example.org`;
    const res = await this.post("/api/auth/sign-up", {
      email,
      password: overrides.password ?? "correct horse battery",
      displayName: overrides.displayName ?? "Test User",
      role: overrides.role ?? "client",
    });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    return { email, account: res.body.account as { id: string; organisationId: string; email: string } };
  }
}

/** A valid SessionLog for the built-in program, with a fresh id unless one is given. */
export function sessionLog(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    programId: "foot-stretches-for-lower-back-pain",
    programVersion: 1,
    startedAt: "2026-11-20T08:00:00+01:00",
    endedAt: "2026-11-20T08:12:00+01:00",
    completed: true,
    stepsDone: 40,
    stepsTotal: 40,
    holds: [{ exerciseId: "x", phaseId: "y", side: "left", rep: 1, plannedSeconds: 20, heldSeconds: 19.5, skipped: false }],
    painBefore: 6,
    painAfter: 4,
    notes: "",
    ...overrides,
  };
}
