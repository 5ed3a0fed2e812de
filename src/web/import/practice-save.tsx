import { useState } from "preact/hooks";
import type { InputProblem, Program } from "../../core/program.ts";
import { hrefOf } from "../router.ts";
import { account, callApi, problemText } from "../sync/server-api.ts";

/**
 * For a signed-in coach: keeps the checked program in their practice on the server (the first
 * save makes a new program, later ones new versions of it), and says where it now lives.
 */
export function PracticeSave(props: { program: Program | null; onProblems: (problems: InputProblem[]) => void }) {
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(null);
  const [status, setStatus] = useState("");
  if (account.value?.role !== "coach") return null;

  async function save() {
    const program = props.program;
    if (!program) return setStatus("Not saved to your practice: fix the fields marked above first.");
    try {
      const r = saved
        ? await callApi<Program>("PUT", `/api/programs/${encodeURIComponent(saved.id)}`, { ...program, id: saved.id })
        : await callApi<Program>("POST", "/api/programs", program);
      if (r.status === 200 || r.status === 201) {
        setSaved({ id: r.body.id, version: r.body.version });
        setStatus(`Saved to your practice as “${r.body.title}”, version ${r.body.version}.`);
        return;
      }
      const problems = (r.body as { problems?: InputProblem[] }).problems ?? [];
      props.onProblems(problems);
      setStatus(
        problems.length
          ? "Not saved to your practice: the server found problems, marked above."
          : `Not saved to your practice: ${problemText(r)}`,
      );
    } catch {
      setStatus("Not saved to your practice: the server cannot be reached. You can still save it on this device.");
    }
  }

  return (
    <div class="practice-save">
      <button type="button" class="big" onClick={() => void save()}>
        {saved ? "Save changes to my practice" : "Save to my practice"}
      </button>
      <p role="status" data-testid="practice-status">
        {status}
      </p>
      {saved && (
        <p>
          It is listed under <a href={hrefOf("editor")}>Programs</a>, where you can edit it and prescribe it to your clients.
        </p>
      )}
    </div>
  );
}
