import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { DatabaseConfig } from "../../src/server/db/database.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "./postgres.ts";

export type BackendName = "pglite" | "postgres";
export const BACKENDS: BackendName[] = ["pglite", "postgres"];

/**
 * Hands out empty databases of one kind: PGlite folders under a temp dir, or fresh databases
 * on one throwaway PostgreSQL server started on first use.
 */
export class TestBackend {
  private postgres: ThrowawayPostgres | null = null;
  private folders: string[] = [];

  constructor(readonly name: BackendName) {}

  async emptyDatabase(): Promise<DatabaseConfig> {
    if (this.name === "pglite") {
      const dir = await mkdtemp(join(tmpdir(), "limber-pglite-"));
      this.folders.push(dir);
      return { kind: "pglite", dataDir: join(dir, "data") };
    }
    this.postgres ??= await startPostgres();
    return { kind: "postgres", url: await createEmptyDatabase(this.postgres.url, `t_${randomUUID().replace(/-/g, "")}`) };
  }

  async stop(): Promise<void> {
    await this.postgres?.stop();
    this.postgres = null;
    for (const f of this.folders) await rm(f, { recursive: true, force: true });
    this.folders = [];
  }
}
