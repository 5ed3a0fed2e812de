import { describe, expect, it } from "vitest";
import { inviteCodeHash, newInviteCode } from "./invite-code.ts";

describe("invite codes", () => {
  it("are twenty unambiguous characters in five groups", () => {
    expect(newInviteCode()).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("are different every time", () => {
    const codes = new Set(Array.from({ length: 1000 }, newInviteCode));
    expect(codes.size).toBe(1000);
  });

  it("hash the same however the person typed the case, spaces and dashes", () => {
    const code = newInviteCode();
    expect(inviteCodeHash(code.toLowerCase().replace(/-/g, " "))).toBe(inviteCodeHash(code));
    expect(inviteCodeHash(code)).not.toContain(code.slice(0, 4));
  });
});
