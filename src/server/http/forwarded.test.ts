import { describe, expect, it } from "vitest";
import { forwardedClient, parseTrustedProxies, type TrustedProxies } from "./forwarded.ts";

const ONE_HOP: TrustedProxies = { kind: "one-hop" };
function listed(text: string): TrustedProxies {
  const parsed = parseTrustedProxies(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.proxies;
}

describe("the client address behind proxies", () => {
  it("is the peer when no proxy is trusted, whatever the headers say", () => {
    expect(forwardedClient("192.0.2.9", { forwardedFor: "203.0.113.1", forwardedProto: "https" }, undefined)).toEqual({
      address: "192.0.2.9",
      https: false,
    });
  });

  it("is the right-most X-Forwarded-For entry with one trusted hop, so an entry the client wrote itself is never taken", () => {
    expect(forwardedClient("10.0.0.2", { forwardedFor: "203.0.113.7, 198.51.100.7" }, ONE_HOP).address).toBe("198.51.100.7");
  });

  it("skips listed proxies from the right and takes the first address that is not one", () => {
    const proxies = listed("10.0.0.0/8, 2001:db8::/32");
    expect(forwardedClient("10.0.0.2", { forwardedFor: "203.0.113.7, 198.51.100.7, 10.1.2.3, 2001:db8::5" }, proxies).address).toBe(
      "198.51.100.7",
    );
  });

  it("believes no header from a peer that is not a listed proxy", () => {
    expect(forwardedClient("192.0.2.50", { forwardedFor: "198.51.100.7", forwardedProto: "https" }, listed("10.0.0.1"))).toEqual({
      address: "192.0.2.50",
      https: false,
    });
  });

  it("reads Forwarded the same way, with quoted, bracketed and ported addresses", () => {
    const forwarded = 'for=203.0.113.7;proto=http, for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.9:80';
    expect(forwardedClient("10.0.0.1", { forwarded }, listed("10.0.0.0/8"))).toEqual({ address: "2001:db8:cafe::17", https: true });
    expect(forwardedClient("10.0.0.1", { forwarded: "for=192.0.2.60;proto=https" }, ONE_HOP)).toEqual({
      address: "192.0.2.60",
      https: true,
    });
  });

  it("takes https from the nearest proxy's X-Forwarded-Proto, not from one the client sent", () => {
    expect(forwardedClient("10.0.0.1", { forwardedFor: "198.51.100.7", forwardedProto: "https" }, ONE_HOP).https).toBe(true);
    expect(forwardedClient("10.0.0.1", { forwardedFor: "198.51.100.7", forwardedProto: "https, http" }, ONE_HOP).https).toBe(false);
  });

  it("falls back to the peer when the forwarded entries are not addresses", () => {
    expect(forwardedClient("10.0.0.1", { forwardedFor: "unknown, not-an-address" }, ONE_HOP).address).toBe("10.0.0.1");
  });

  it("treats an IPv4 peer written as IPv6 like the IPv4 address", () => {
    expect(forwardedClient("::ffff:10.0.0.1", { forwardedFor: "198.51.100.7" }, listed("10.0.0.1")).address).toBe("198.51.100.7");
  });
});

describe("the list of trusted proxies", () => {
  it("refuses an entry that is not an address or network, naming it", () => {
    expect(parseTrustedProxies("10.0.0.1, proxy.local")).toEqual({
      ok: false,
      problem: '"proxy.local" is not an IP address or network (such as 10.0.0.5, 10.0.0.0/8 or fd00::/8)',
    });
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false });
    expect(parseTrustedProxies(" , ")).toEqual({ ok: false, problem: "expected at least one proxy address or network" });
  });
});
