import { useEffect, useState } from "preact/hooks";
import { segments } from "../coaching/hash-params.ts";
import { callApi, problemText, refreshAccount } from "../sync/server-api.ts";

type Stage = { kind: "working" } | { kind: "done"; text: string } | { kind: "refused"; text: string };

/**
 * A page a link in a mail opens: it sends the link's code to the server once, when the page is
 * opened by a person (mail scanners that fetch links run no script), and says what happened.
 */
export function LinkPage(props: { title: string; path: string; working: string; done: (body: unknown) => string }) {
  const token = segments.value[0] ?? "";
  const [stage, setStage] = useState<Stage>({ kind: "working" });
  useEffect(() => {
    if (!token) return setStage({ kind: "refused", text: "This page needs the whole link from the mail." });
    // Learn this browser's session first, if any: its CSRF token must go with the request.
    void refreshAccount()
      .then(() => callApi("POST", props.path, { token }))
      .then(
        (r) => {
          if (r.status === 200) {
            // The code is spent or no longer needed: take it out of the address bar and history.
            history.replaceState(null, "", `#/${location.hash.split("/")[1] ?? ""}`);
            setStage({ kind: "done", text: props.done(r.body) });
          } else setStage({ kind: "refused", text: problemText(r) });
        },
        () => setStage({ kind: "refused", text: "Cannot reach the server. Check your connection, then open the link again." }),
      );
  }, [token]);
  return (
    <>
      <h1>{props.title}</h1>
      {stage.kind === "working" && <p class="loading">{props.working}</p>}
      {stage.kind === "refused" && (
        <section class="card safety" role="alert">
          <p>{stage.text}</p>
        </section>
      )}
      {stage.kind === "done" && (
        <section class="card" role="status">
          <p>{stage.text}</p>
          <p>
            <a class="button primary" href="#/">
              Go to today's session
            </a>
          </p>
        </section>
      )}
    </>
  );
}
