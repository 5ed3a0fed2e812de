import { useState } from "preact/hooks";
import { renderSVG } from "uqr";
import type { InviteMade } from "../api-types.ts";
import { TextInput } from "../components/field.tsx";
import { fullDayText } from "../dates.ts";
import { localDay } from "../session/streak.ts";
import { InviteByMail } from "./invite-by-mail.tsx";
import { callApi, problemText } from "../sync/server-api.ts";

interface Made {
  code: string;
  link: string;
  expiresAt: string;
}

/** The invite just made: its link and code, copied in one tap, shared where the device can, and as a QR code to scan. */
function MadeInvite({ made, practice }: { made: Made; practice: string }) {
  const [said, setSaid] = useState("");
  const canShare = typeof navigator.share === "function";
  async function copy() {
    try {
      await navigator.clipboard.writeText(made.link);
      setSaid("Link copied. Paste it into a message to your client.");
    } catch {
      setSaid("This browser would not copy. Press and hold the link above to copy it.");
    }
  }
  async function share() {
    try {
      await navigator.share({
        title: `Join ${practice} in Limber`,
        text: `Your invite to ${practice} in Limber (code ${made.code}):`,
        url: made.link,
      });
    } catch (e) {
      // Closing the share sheet is a choice, not a failure.
      if (!(e instanceof DOMException && e.name === "AbortError")) setSaid("Sharing did not work here. Copy the link instead.");
    }
  }
  const qr = renderSVG(made.link, { border: 1 });
  return (
    <div class="made-invite" data-testid="invite">
      <p class="field-hint">Invite link</p>
      <p class="invite-link" data-testid="invite-link">
        {made.link}
      </p>
      <p>
        Or the code:{" "}
        <strong class="invite-code" data-testid="invite-code">
          {made.code}
        </strong>
      </p>
      <p class="form-actions">
        <button type="button" class="primary" onClick={() => void copy()}>
          Copy link
        </button>
        {canShare && (
          <button type="button" onClick={() => void share()}>
            Share…
          </button>
        )}
      </p>
      <p role="status" class="muted">
        {said}
      </p>
      <details class="invite-qr">
        <summary>Show a QR code to scan</summary>
        <div class="qr" role="img" aria-label="QR code of the invite link" dangerouslySetInnerHTML={{ __html: qr }} />
        <p class="muted">The client points their phone’s camera at it and opens the link.</p>
      </details>
      <p class="muted">
        Valid until {fullDayText(localDay(Date.parse(made.expiresAt)))}, for one person. It is shown only now; make a new one if it is lost.
      </p>
    </div>
  );
}

/** Making an invite for one client, with a label only the coach sees. */
export function InvitePanel({ practice }: { practice: string }) {
  const [label, setLabel] = useState("");
  const [made, setMade] = useState<Made | null>(null);
  const [problem, setProblem] = useState("");
  async function create(e: Event) {
    e.preventDefault();
    setProblem("");
    const r = await callApi<InviteMade>("POST", "/api/invites", { label });
    if (r.status !== 201) return setProblem(problemText(r));
    setMade({ code: r.body.code, link: `${location.origin}${r.body.path}`, expiresAt: r.body.invite.expiresAt });
    setLabel("");
  }
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a client</h2>
      <p class="muted">Each invite works once and for 14 days. Give the link, the code or the QR code to one client.</p>
      <form onSubmit={(e) => void create(e)}>
        <TextInput
          id="invite-label"
          label="Who it is for (optional)"
          hint="Only you see this."
          value={label}
          maxLength={80}
          problem={problem || undefined}
          onInput={setLabel}
        />
        <button type="submit" class={made ? "" : "primary"}>
          {made ? "Make another invite" : "Make an invite"}
        </button>
      </form>
      {made && <MadeInvite made={made} practice={practice} />}
      <InviteByMail />
    </section>
  );
}
