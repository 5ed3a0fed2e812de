import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";
import { sameSecret } from "../auth/tokens.ts";

/** What a signed link lets its holder do without signing in: stop one kind of mail. */
export type LinkPurpose = "reminders" | "weekly-summary";
const PREFIX: Record<LinkPurpose, string> = { reminders: "r", "weekly-summary": "w" };

export interface LinkSigner {
  /** A token naming a person and a purpose, signed with the server's secret. */
  sign(purpose: LinkPurpose, userId: string): string;
  /** The person and purpose of a genuine token, or undefined for anything else. */
  verify(token: string): { purpose: LinkPurpose; userId: string } | undefined;
}

/**
 * The signer over the server's own secret, made once and kept in the database, so every server
 * process on one database signs alike and links keep working across restarts.
 */
export async function loadLinkSigner(db: Kysely<Tables>, now: Date): Promise<LinkSigner> {
  await db
    .insertInto("server_secrets")
    .values({ name: "link-signing", value: randomBytes(32).toString("base64url"), created_at: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const { value } = await db.selectFrom("server_secrets").select("value").where("name", "=", "link-signing").executeTakeFirstOrThrow();
  return linkSigner(value);
}

export function linkSigner(secret: string): LinkSigner {
  const mac = (prefix: string, userId: string) => createHmac("sha256", secret).update(`${prefix}.${userId}`).digest("base64url");
  return {
    sign: (purpose, userId) => `${PREFIX[purpose]}.${userId}.${mac(PREFIX[purpose], userId)}`,
    verify: (token) => {
      const [prefix, userId, signature] = token.split(".");
      const purpose = (Object.keys(PREFIX) as LinkPurpose[]).find((p) => PREFIX[p] === prefix);
      if (!purpose || !userId || !signature || token.split(".").length !== 3) return undefined;
      return sameSecret(signature, mac(prefix!, userId)) ? { purpose, userId } : undefined;
    },
  };
}
