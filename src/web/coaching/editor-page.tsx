import { useEffect, useMemo, useState } from "preact/hooks";
import type { Program } from "../../core/program.ts";
import { ExerciseFields } from "../import/exercise-fields.tsx";
import { fieldForProblem, withValue } from "../import/field-path.ts";
import { TextField, type FormContext } from "../import/form-field.tsx";
import { SelectInput } from "../components/field.tsx";
import { formPaths } from "../import/form-paths.ts";
import { checkProgram } from "../import/import-engine.ts";
import { problemText } from "../import/problem-text.ts";
import { openSavedPrograms } from "../import/saved-programs.ts";
import "../import/import.css";
import { account, callApi } from "../sync/server-api.ts";
import { PicturePicker } from "./picture-picker.tsx";
import { TimelinePreview } from "./timeline-preview.tsx";
import "./coaching.css";
import { plural } from "../../core/words.ts";

interface Listing {
  id: string;
  version: number;
  title: string;
  builtIn: boolean;
}

/** Where a program can start from: a built-in one (copied), the practice's own (edited), or one imported on this device. */
interface Source {
  key: string;
  label: string;
  load: () => Promise<Program | null>;
  own: boolean;
}

/**
 * A coach's program editor: start from a program, change it in a form that explains each
 * problem at its field, watch the session's length change, and save (a new version when the
 * program is the practice's own, a new program otherwise).
 */
export default function EditorPage() {
  const me = account.value;
  const [sources, setSources] = useState<Source[]>([]);
  const [picked, setPicked] = useState("");
  const [edited, setEdited] = useState<Program | null>(null);
  const [own, setOwn] = useState(false);
  const [serverProblems, setServerProblems] = useState<{ path: string; message: string }[]>([]);
  const [status, setStatus] = useState("");

  async function loadSources() {
    const r = await callApi<{ programs: Listing[] }>("GET", "/api/programs");
    const fromServer = (r.status === 200 ? r.body.programs : []).map((p): Source => ({
      key: `server:${p.id}`,
      label: p.builtIn ? `Copy of “${p.title}” (built in)` : `“${p.title}” (your practice, version ${p.version})`,
      own: !p.builtIn,
      load: async () => {
        const d = await callApi<Program>("GET", `/api/programs/${encodeURIComponent(p.id)}`);
        return d.status === 200 ? d.body : null;
      },
    }));
    const imported = (await openSavedPrograms().list()).map((s): Source => ({
      key: `device:${s.id}`,
      label: `“${s.program.title}” (imported on this device)`,
      own: false,
      load: async () => s.program,
    }));
    setSources([...fromServer, ...imported]);
    setPicked((p) => p || fromServer[0]?.key || "");
  }
  useEffect(() => {
    if (me?.role === "coach") void loadSources();
  }, [me?.role]);

  async function start(e: Event) {
    e.preventDefault();
    const source = sources.find((s) => s.key === picked);
    const program = source && (await source.load());
    if (!program || !source) return setStatus("Could not open that program.");
    setEdited(program);
    setOwn(source.own);
    setServerProblems([]);
    setStatus(
      source.own
        ? `Editing “${program.title}”. Saving makes version ${program.version + 1}; sessions already done stay with their version.`
        : "Saving makes a new program of your practice.",
    );
  }

  const check = useMemo(() => (edited ? checkProgram(edited) : null), [edited]);
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!edited) return map;
    const paths = formPaths(edited);
    const all = [...(check && !check.ok ? check.problems : []), ...serverProblems];
    for (const p of all) {
      const at = fieldForProblem(p.path, paths);
      map.set(at, [...(map.get(at) ?? []), problemText(p.path, p.message)]);
    }
    return map;
  }, [edited, check, serverProblems]);

  const ctx: FormContext | null = edited && {
    program: edited,
    origins: {},
    source: "",
    problems,
    change: (path, value) => {
      setServerProblems([]);
      setEdited((p) => (p ? withValue(p, path, value) : p));
    },
    select: () => undefined,
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!check?.ok)
      return setStatus(`Not saved: ${plural(problems.size, "one field needs", `${problems.size} fields need`)} fixing (marked above).`);
    const program = check.value;
    const r = own
      ? await callApi<Program>("PUT", `/api/programs/${encodeURIComponent(program.id)}`, program)
      : await callApi<Program>("POST", "/api/programs", program);
    if (r.status === 200 || r.status === 201) {
      setEdited(r.body);
      setOwn(true);
      setStatus(`Saved “${r.body.title}” as version ${r.body.version}. You can now prescribe it to clients.`);
      void loadSources();
      return;
    }
    const body = r.body as { problems?: { path: string; message: string }[]; error?: string };
    setServerProblems(body.problems ?? []);
    setStatus(
      body.problems?.length
        ? "Not saved. Correct the fields marked above, then save again."
        : `Not saved. ${body.error ?? "The server refused it; try again."}`,
    );
  }

  if (me?.role !== "coach") {
    return (
      <>
        <h1>Programs</h1>
        <p>
          Making programs is for coaches. <a href="#/coach">Open a practice</a> to make and prescribe your own.
        </p>
      </>
    );
  }
  return (
    <div class="import-page">
      <h1>Programs</h1>
      <form class="card" onSubmit={(e) => void start(e)}>
        <SelectInput
          id="editor-source"
          label="Start from"
          value={picked}
          options={sources.map((s) => ({ value: s.key, label: s.label }))}
          onChange={setPicked}
        />
        <p class="form-actions">
          <button type="submit">Open in the editor</button>
          <a href="#/import">Import a routine from text</a>
        </p>
      </form>
      {status && <p role="status">{status}</p>}
      {ctx && edited && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <TextField ctx={ctx} path="title" label="Title" value={String(edited.title ?? "")} />
          {problems.get("")?.length ? <p class="field-error">{problems.get("")!.join(" ")}</p> : null}
          {edited.exercises.map((ex, i) => (
            <div key={i}>
              <ExerciseFields ctx={ctx} index={i} />
              {Array.isArray(ex.phases) && <PicturePicker exercise={ex} index={i} onChange={ctx.change} />}
            </div>
          ))}
          {check?.ok ? (
            <TimelinePreview program={check.value} />
          ) : (
            <p class="card field-error">Fix the fields marked above to see the session.</p>
          )}
          <button type="submit" class="primary big">
            {own ? "Save as a new version" : "Save to my practice"}
          </button>
        </form>
      )}
    </div>
  );
}
