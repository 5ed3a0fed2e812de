import { BlockList, isIP } from "node:net";

/**
 * Which proxies in front of the server are believed. `hops: 1` (the default of --trust-proxy)
 * trusts the one proxy that connects to us; a list trusts those addresses and networks.
 */
export type TrustedProxies = { kind: "one-hop" } | { kind: "listed"; list: BlockList; described: string[] };

/** Parses "10.0.0.0/8, 127.0.0.1, ::1" into the proxies to trust, or the entry that is not an address or network. */
export function parseTrustedProxies(text: string): { ok: true; proxies: TrustedProxies } | { ok: false; problem: string } {
  const list = new BlockList();
  const described: string[] = [];
  for (const raw of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = raw.split("/");
    const family = isIP(address ?? "");
    const bits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      return { ok: false, problem: `"${raw}" is not an IP address or network (such as 10.0.0.5, 10.0.0.0/8 or fd00::/8)` };
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
    described.push(raw);
  }
  if (described.length === 0) return { ok: false, problem: "expected at least one proxy address or network" };
  return { ok: true, proxies: { kind: "listed", list, described } };
}

/** An address as written in a header: without brackets, port or the IPv4-in-IPv6 prefix; undefined when it is none. */
function bareAddress(raw: string): string | undefined {
  let a = raw.trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(a) ? a : undefined;
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  if (proxies.kind === "one-hop") return false;
  return proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The hops a request went through, nearest last: from `X-Forwarded-For` / `-Proto` when sent (most
 * proxies append to it and pass a client's own `Forwarded` through untouched), else from `Forwarded`.
 */
function hopsOf(headers: { forwarded?: string; forwardedFor?: string; forwardedProto?: string }): { address?: string; proto?: string }[] {
  if (headers.forwarded && !headers.forwardedFor?.trim()) {
    return headers.forwarded.split(",").map((element) => {
      const hop: { address?: string; proto?: string } = {};
      for (const pair of element.split(";")) {
        const [key, value] = pair.split("=", 2).map((s) => s?.trim());
        if (!value) continue;
        if (key?.toLowerCase() === "for") {
          const a = bareAddress(value);
          if (a) hop.address = a;
        } else if (key?.toLowerCase() === "proto") hop.proto = value.replace(/^"|"$/g, "").toLowerCase();
      }
      return hop;
    });
  }
  const protos = (headers.forwardedProto ?? "").split(",").map((p) => p.trim().toLowerCase());
  const hops = (headers.forwardedFor ?? "").split(",").map((a): { address?: string; proto?: string } => {
    const address = bareAddress(a);
    return address ? { address } : {};
  });
  // The nearest proxy's X-Forwarded-Proto says how the request reached it.
  const nearestProto = protos[protos.length - 1];
  if (nearestProto && hops.length > 0) hops[hops.length - 1]!.proto = nearestProto;
  return hops;
}

/**
 * Where a request came from and whether it came over https, believing proxy headers only when
 * the peer is a trusted proxy: the client is the right-most forwarded address that is not itself a
 * trusted proxy (the one hop in front by default), so an address a client writes into the header
 * itself is never taken. Without proxies the peer is the client.
 */
export function forwardedClient(
  peer: string | undefined,
  headers: { forwarded?: string; forwardedFor?: string; forwardedProto?: string },
  proxies: TrustedProxies | undefined,
): { address: string | undefined; https: boolean } {
  const direct = { address: peer, https: false };
  if (!proxies) return direct;
  const peerAddress = peer === undefined ? undefined : bareAddress(peer);
  // An in-process request (tests) has no peer; it is treated as coming from the trusted proxy.
  if (proxies.kind === "listed" && peerAddress !== undefined && !isTrusted(proxies, peerAddress)) return direct;
  const hops = hopsOf(headers);
  if (hops.length === 0 || hops.every((h) => !h.address)) return direct;
  let chosen = hops[hops.length - 1]!;
  for (let i = hops.length - 1; i >= 0; i--) {
    chosen = hops[i]!;
    if (!chosen.address || !isTrusted(proxies, chosen.address)) break;
  }
  // Whether the client reached the first proxy over https: that hop's proto, else the nearest one's.
  const proto = chosen.proto ?? hops[hops.length - 1]!.proto;
  return { address: chosen.address ?? peer, https: proto === "https" };
}
