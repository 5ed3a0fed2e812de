import { describe, expect, it } from "vitest";
import { startPostgres } from "./postgres.ts";

describe("the throwaway PostgreSQL starter", () => {
  it("fails with a message saying what to install when the binaries are missing, so PostgreSQL tests fail instead of skipping", async () => {
    await expect(startPostgres("/nonexistent/postgresql/bin")).rejects.toThrow(
      /PostgreSQL 15 binaries not found in \/nonexistent\/postgresql\/bin\. Install them \(Debian: apt-get install -y postgresql\)/,
    );
  });
});
