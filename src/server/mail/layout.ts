/** The parts of a mail, written once and rendered as plain text and as HTML saying the same. */
export interface MailContent {
  subject: string;
  /** The first words a mail program shows beside the subject; never health details. */
  preview: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing to do, as a link; it is also written out in full in the plain text. */
  action?: { label: string; href: string };
  /** Lines under the action: why this mail came, how to stop it. */
  footer: string[];
  /** How to stop this kind of mail with one click, shown under the footer. */
  unsubscribe?: { label: string; href: string };
  /** Short lists (a weekly summary's sections), each with a heading. */
  sections?: { heading: string; items: string[] }[];
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The plain-text body: what any mail program shows, and what screen readers read when HTML is off. */
export function plainText(m: MailContent): string {
  const lines = [m.greeting, "", ...m.paragraphs.flatMap((p) => [p, ""])];
  for (const s of m.sections ?? []) lines.push(s.heading, ...(s.items.length ? s.items.map((i) => `- ${i}`) : ["- none"]), "");
  if (m.action) lines.push(`${m.action.label}:`, m.action.href, "");
  lines.push("--", ...m.footer);
  if (m.unsubscribe) lines.push(`${m.unsubscribe.label}: ${m.unsubscribe.href}`);
  return lines.join("\n") + "\n";
}

/**
 * The HTML body: one column of large, dark-on-light text with real headings and a link whose words
 * say where it goes. No images, so nothing is lost when a mail program blocks them.
 */
export function html(m: MailContent): string {
  const p = (t: string) => `<p style="margin:0 0 16px">${escape(t)}</p>`;
  const sections = (m.sections ?? [])
    .map(
      (s) =>
        `<h2 style="font-size:18px;margin:24px 0 8px">${escape(s.heading)}</h2><ul style="margin:0 0 16px;padding-left:24px">${(s.items.length ? s.items : ["none"]).map((i) => `<li>${escape(i)}</li>`).join("")}</ul>`,
    )
    .join("");
  const action = m.action
    ? `<p style="margin:24px 0"><a href="${escape(m.action.href)}" style="display:inline-block;padding:14px 20px;background:#1f5f8b;color:#ffffff;border-radius:8px;text-decoration:underline;font-weight:bold">${escape(m.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:15px">If the button does not open, copy this address into your browser: <a href="${escape(m.action.href)}" style="color:#1f5f8b">${escape(m.action.href)}</a></p>`
    : "";
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(m.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5">`,
    `<div style="display:none;max-height:0;overflow:hidden">${escape(m.preview)}</div>`,
    `<main style="max-width:600px;margin:0 auto;padding:24px">`,
    `<h1 style="font-size:22px;margin:0 0 16px">${escape(m.greeting)}</h1>`,
    m.paragraphs.map(p).join(""),
    sections,
    action,
    `<hr style="border:none;border-top:1px solid #cccccc;margin:24px 0">`,
    `<footer style="font-size:15px;color:#444444">${m.footer.map(p).join("")}${
      m.unsubscribe
        ? `<p style="margin:0 0 16px"><a href="${escape(m.unsubscribe.href)}" style="color:#1f5f8b">${escape(m.unsubscribe.label)}</a></p>`
        : ""
    }</footer>`,
    `</main></body></html>`,
  ].join("");
}
