import { describe, expect, it } from "vitest";
import { linkSigner } from "./link-signer.ts";

const id = "6f1c2b9e-0d7a-4c1e-9b5f-2a3d4e5f6a7b";

describe("signed unsubscribe tokens", () => {
  it("name the person and the kind of mail they stop", () => {
    const signer = linkSigner("a server secret");
    expect(signer.verify(signer.sign("reminders", id))).toEqual({ purpose: "reminders", userId: id });
    expect(signer.verify(signer.sign("weekly-summary", id))).toEqual({ purpose: "weekly-summary", userId: id });
  });

  it("refuse a token from another secret, for another person or purpose, or cut short", () => {
    const token = linkSigner("a server secret").sign("reminders", id);
    expect(linkSigner("another secret").verify(token)).toBeUndefined();
    expect(linkSigner("a server secret").verify(token.replace(id, "6f1c2b9e-0d7a-4c1e-9b5f-2a3d4e5f6a7c"))).toBeUndefined();
    expect(linkSigner("a server secret").verify(`w${token.slice(1)}`)).toBeUndefined();
    expect(linkSigner("a server secret").verify(token.slice(0, -1))).toBeUndefined();
    expect(linkSigner("a server secret").verify(`${token}.x`)).toBeUndefined();
  });
});
