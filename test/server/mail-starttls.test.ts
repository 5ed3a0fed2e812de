import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.ts";

const CHECK_SUBJECT = "Check your email for Limber";

/** A key and a self-signed certificate for 127.0.0.1, made by openssl for this run only. */
async function certificateFor127(dir: string): Promise<{ key: string; cert: string; certFile: string }> {
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ].concat(["-keyout", keyFile, "-out", certFile]),
    { stdio: "ignore" },
  );
  return { key: await readFile(keyFile, "utf8"), cert: await readFile(certFile, "utf8"), certFile };
}

// smtp:// is the usual port-587 setting: the connection starts plain and must be upgraded with
// STARTTLS before a reset or check link crosses it, and it must never go out plain instead.
describe("mail over smtp:// to a server that offers STARTTLS", () => {
  let dir: string;
  let sink: SmtpSink;
  let certFile: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-starttls-"));
    const tls = await certificateFor127(dir);
    certFile = tls.certFile;
    sink = await startSmtpSink({ tls: { key: tls.key, cert: tls.cert } });
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await sink?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function serverTrusting(ca: string | null, name: string): Promise<ServerProcess> {
    const server = await spawnServer(["--data", join(dir, name)], {
      SMTP_URL: sink.url,
      PUBLIC_URL: "https://limber.example.org",
      ...(ca ? { NODE_EXTRA_CA_CERTS: ca } : {}),
    });
    servers.push(server);
    return server;
  }

  it("upgrades the connection to TLS before the mail is sent", async () => {
    const server = await serverTrusting(certFile, "trusting");
    const { email } = await new ApiClient(overHttp, server.url).signUp({ displayName: "Ingrid" });
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toBe(email);
    expect(mail!.subject).toBe(CHECK_SUBJECT);
    expect(mail!.overTls).toBe(true);
  });

  it("sends nothing when the server's certificate cannot be trusted, says why, and keeps the mail to try again", async () => {
    const before = sink.received.length;
    const server = await serverTrusting(null, "doubting");
    const { email } = await new ApiClient(overHttp, server.url).signUp({ displayName: "Jonas" });
    await expect
      .poll(() => server.output(), { timeout: 30_000 })
      .toMatch(new RegExp(`mail to ${email.replace(/[.+]/g, "\\$&")} not sent \\(attempt 1: .*certificate.*\\); trying again from `));
    expect(sink.received.length).toBe(before);
  });
});
