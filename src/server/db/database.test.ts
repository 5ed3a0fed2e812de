import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasRoom } from "./database.ts";

describe("hasRoom", () => {
  it("says yes when the bytes can be written, and leaves nothing behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-room-"));
    try {
      expect(await hasRoom(dir, 4 * 1024 * 1024)).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says no when they cannot be written", async () => {
    expect(await hasRoom(join(tmpdir(), "limber-no-such-folder", "deeper"), 1024)).toBe(false);
  });
});
