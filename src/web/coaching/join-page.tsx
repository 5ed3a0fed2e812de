import { useEffect, useState } from "preact/hooks";
import type { InvitePreviewAnswer } from "../api-types.ts";
import { account, callApi, problemText } from "../sync/server-api.ts";
import type { CoachContact } from "./coaching-api.ts";
import { segments } from "./hash-params.ts";
import { SignInOrUp } from "../components/sign-in-or-up.tsx";
import { TextInput } from "../components/field.tsx";
import "./coaching.css";

function SignUpOrIn() {
  return <SignInOrUp idPrefix="join-" start="sign-up" headings={{ "sign-up": "First, make your account", "sign-in": "First, sign in" }} />;
}

/** Joining a coach's practice with an invite link or code; says plainly what the coach will see. */
export default function JoinPage() {
  const me = account.value;
  const [code, setCode] = useState(segments.value[0] ?? "");
  const [joined, setJoined] = useState<CoachContact | null>(null);
  const [message, setMessage] = useState("");
  const [invite, setInvite] = useState<InvitePreviewAnswer | null>(null);
  const linked = segments.value[0] ?? "";
  useEffect(() => {
    // Whom the link leads to, before anyone makes an account: the practice and the coach, nothing more.
    if (!linked) return;
    let current = true;
    callApi<InvitePreviewAnswer>("POST", "/api/invites/preview", { code: linked }).then(
      (r) => {
        if (!current) return;
        if (r.status === 200) setInvite(r.body);
        else setMessage(problemText(r));
      },
      () => current && setMessage("The server cannot be reached to check this invite. Try again when you are online."),
    );
    return () => {
      current = false;
    };
  }, [linked]);
  async function join(e: Event) {
    e.preventDefault();
    const r = await callApi<{ coach: CoachContact }>("POST", "/api/invites/accept", { code });
    if (r.status === 200) setJoined(r.body.coach);
    else setMessage(problemText(r));
  }
  return (
    <>
      <h1>{invite ? `Join ${invite.coachName}` : "Join your coach"}</h1>
      {invite && !joined && (
        <p class="lead card" data-testid="invite-preview">
          This invite is from <strong>{invite.coachName}</strong> at <strong>{invite.practice}</strong>.
        </p>
      )}
      {!me && message && !joined && <p role="alert">{message}</p>}
      {joined ? (
        <section class="card" role="status">
          <h2>You joined {joined.practice}</h2>
          <p>
            {joined.coachName} can now see your sessions, pain scores and notes, and set your plan. Your earlier sessions came with you.
          </p>
          <p>
            <a class="button primary" href="#/plan">
              See my plan
            </a>
          </p>
        </section>
      ) : (
        <>
          <p>
            When you join, {invite ? invite.coachName : "your coach"} sees your sessions, your pain scores before and after, and any notes
            you send. Nobody else does. You can stop sharing at any time from My plan.
          </p>
          {!me ? (
            <SignUpOrIn />
          ) : (
            <form class="card" onSubmit={(e) => void join(e)}>
              <TextInput
                id="join-code"
                label="Invite code"
                hint="Five groups of four letters and numbers, as your coach gave it."
                value={code}
                autocomplete="off"
                required
                onInput={setCode}
              />
              {message && <p role="alert">{message}</p>}
              <button type="submit" class="primary big">
                Join
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
