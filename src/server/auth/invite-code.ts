import { randomInt } from "node:crypto";
import { tokenHash } from "./tokens.ts";

// No 0/O, 1/I/L or U: a code read aloud or copied by hand from a screen survives.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 4;

/** A fresh invite code: 20 random characters (about 98 bits) in groups of four, e.g. K7QM-3XH9-…. */
export function newInviteCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** What is stored of a code: the SHA-256 of its characters, ignoring case, spaces and dashes. */
export function inviteCodeHash(code: string): string {
  return tokenHash(code.toUpperCase().replace(/[\s-]/g, ""));
}
