import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../context.ts";
import { requestOrigin } from "./client-address.ts";

export const SESSION_COOKIE = "limber_session";
/** A session lasts 30 days from sign-in; signing in again starts a new one. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60_000;

/** Whether the browser reached us over https (directly, or through a trusted proxy). */
export function isHttps(c: AppContext): boolean {
  return requestOrigin(c).https;
}

export function readSessionCookie(c: AppContext): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with a POST, Secure on https. */
export function writeSessionCookie(c: AppContext, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });
}
