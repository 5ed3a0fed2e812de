import { truncate } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { ApiClient, inProcess, sessionLog } from "../support/api-client.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "../support/postgres.ts";
import { spawnServer } from "../support/server-process.ts";

/** `limber serve` on the database until it listens (then stopped) or exits; answers its output. */
async function serveOn(url: string): Promise<{ listened: boolean; output: string }> {
  try {
    const server = await spawnServer([], { DATABASE_URL: url });
    const output = server.output();
    await server.stop();
    return { listened: true, output };
  } catch (e) {
    return { listened: false, output: (e as Error).message };
  }
}

describe("a damaged PostgreSQL database at start-up", () => {
  let postgres: ThrowawayPostgres;
  let url: string;
  let sessionLogsFile: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    url = await createEmptyDatabase(postgres.url, "damaged");
    const database = await openDatabase({ kind: "postgres", url });
    const person = new ApiClient(inProcess(createApp(await prepareDeps(database))));
    await person.signUp();
    for (let i = 0; i < 3; i++) expect((await person.post("/api/logs", sessionLog())).status).toBe(201);
    const found = await sql<{ dir: string; file: string }>`
      select current_setting('data_directory') as dir, pg_relation_filepath('session_logs') as file`.execute(database.db);
    sessionLogsFile = join(found.rows[0]!.dir, found.rows[0]!.file);
    await database.close();
  }, 120_000);
  afterAll(() => postgres?.stop());

  it("starts while whole, and once the session_logs file is cut to nothing is refused: the table named, what to do, exit 1, no stack trace", async () => {
    expect((await serveOn(url)).listened).toBe(true);
    // Stopped first, so the cut is what PostgreSQL reads when it starts again (not pages it kept in memory).
    await postgres.halt();
    await truncate(sessionLogsFile, 0);
    await postgres.resume();
    const refused = await serveOn(url);
    expect(refused.listened).toBe(false);
    expect(refused.output).toContain("server exited with 1 before listening");
    expect(refused.output).toMatch(
      /limber serve: the database PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/damaged is damaged: index session_logs_\w+ of table session_logs could not be read: could not read block 0 in file "base\/\d+\/\d+": read only 0 of 8192 bytes; and \d+ more problems \(limber check lists them all\)\. Nothing was changed\./,
    );
    expect(refused.output).toContain("DATABASE_URL=NEW-DATABASE limber restore BACKUP.json (a backup is made with limber backup)");
    expect(refused.output).not.toMatch(/^\s+at /m);
  }, 120_000);
});
