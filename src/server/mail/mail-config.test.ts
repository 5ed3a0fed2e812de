import { describe, expect, it } from "vitest";
import { mailConfigFrom } from "./mail-config.ts";

const defaults = { dataDir: "/srv/limber/data", serverUrl: "http://127.0.0.1:8080" };

describe("mail settings from the environment", () => {
  it("writes into the data folder's outbox, from Limber at the server's host, when nothing is set", () => {
    expect(mailConfigFrom({}, defaults)).toEqual({
      delivery: { kind: "outbox", dir: "/srv/limber/data/outbox" },
      from: "Limber <limber@127.0.0.1>",
      publicUrl: "http://127.0.0.1:8080",
    });
  });

  it("reads smtp:// as STARTTLS on 587 and smtps:// as TLS on 465, with the login decoded and the password never shown", () => {
    const plain = mailConfigFrom(
      { SMTP_URL: "smtp://clinic%40example.org:p%40ss@mail.example.org", PUBLIC_URL: "https://limber.example.org/" },
      defaults,
    );
    expect(plain.delivery).toEqual({
      kind: "smtp",
      host: "mail.example.org",
      port: 587,
      secure: false,
      user: "clinic@example.org",
      password: "p@ss",
      shown: "smtp://clinic@example.org@mail.example.org:587",
    });
    expect(plain.publicUrl).toBe("https://limber.example.org");
    expect(plain.from).toBe("Limber <limber@limber.example.org>");
    expect(mailConfigFrom({ SMTP_URL: "smtps://mail.example.org" }, defaults).delivery).toMatchObject({ port: 465, secure: true });
    expect(mailConfigFrom({ SMTP_URL: "smtp://127.0.0.1:2525" }, defaults).delivery).toMatchObject({
      host: "127.0.0.1",
      port: 2525,
      secure: false,
    });
  });

  it("stops on a bad setting with a message naming it and what to write", () => {
    expect(() => mailConfigFrom({ SMTP_URL: "mail.example.org" }, defaults)).toThrow(
      /^SMTP_URL is not a valid address; write it as smtp:\/\/user:password@mail\.example\.org:587/,
    );
    expect(() => mailConfigFrom({ SMTP_URL: "https://mail.example.org" }, defaults)).toThrow(
      /^SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not https:\/\//,
    );
    expect(() => mailConfigFrom({ SMTP_URL: "smtp://" }, defaults)).toThrow(/^SMTP_URL names no mail server/);
    expect(() => mailConfigFrom({ SMTP_URL: "smtp://mail.example.org:587/inbox" }, defaults)).toThrow(
      /^SMTP_URL should end after the server and port \(found "\/inbox"\)/,
    );
    expect(() => mailConfigFrom({ MAIL_FROM: "Limber" }, defaults)).toThrow('MAIL_FROM is "Limber", which is not a mail address');
    expect(() => mailConfigFrom({ PUBLIC_URL: "limber.example.org" }, defaults)).toThrow(
      /^PUBLIC_URL is "limber.example.org", which is not a web address/,
    );
    expect(() => mailConfigFrom({ PUBLIC_URL: "ftp://limber.example.org" }, defaults)).toThrow(
      "PUBLIC_URL must start with https:// or http://, not ftp://",
    );
  });
});
