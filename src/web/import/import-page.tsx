import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { InputProblem, Program } from "../../core/program.ts";
import { services } from "../app-services.ts";
import { programs } from "../programs.ts";
import { ExerciseFields } from "./exercise-fields.tsx";
import { fieldDescription } from "./field-labels.ts";
import { fieldForProblem, fieldId, withValue } from "./field-path.ts";
import { TextField, type FormContext } from "./form-field.tsx";
import { formPaths } from "./form-paths.ts";
import type { RoutineReading } from "./import-engine.ts";
import { NotUnderstood } from "./not-understood.tsx";
import { PracticeSave } from "./practice-save.tsx";
import { problemText } from "./problem-text.ts";
import { RoutineInput } from "./routine-input.tsx";
import { SavedProgramList } from "./saved-program-list.tsx";
import { openSavedPrograms, type SavedProgram } from "./saved-programs.ts";
import { SourceView } from "./source-view.tsx";
import "./import.css";
import { count, plural } from "../../core/words.ts";

type Engine = typeof import("./import-engine.ts");
const store = openSavedPrograms();

const NO_DEVICE_STORE = "This browser is not letting Limber save on this device, so the program cannot be kept here.";

const minutes = (s: number) => (s < 90 ? count(Math.round(s), "second") : `about ${count(Math.round(s / 60), "minute")}`);

/** Import: prose in, a checked program out — the source and the draft side by side, saved on this device. */
export default function ImportPage() {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [source, setSource] = useState("");
  const [reading, setReading] = useState<RoutineReading | null>(null);
  const [edited, setEdited] = useState<Program | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedProgram[]>([]);
  const [savedAs, setSavedAs] = useState<{ id: string; title: string } | null>(null);
  const [status, setStatus] = useState("");
  const [serverProblems, setServerProblems] = useState<InputProblem[]>([]);
  const found = useRef<HTMLHeadingElement>(null);
  const engineLoad = useRef<Promise<Engine> | null>(null);

  const loadEngine = () => (engineLoad.current ??= import("./import-engine.ts").then((m) => (setEngine(m), m)));
  useEffect(() => {
    void loadEngine();
    store.list().then(setSaved, () => setStatus(NO_DEVICE_STORE));
  }, []);

  async function read(text: string) {
    const e = await loadEngine();
    const r = e.readRoutine(text);
    setSource(text);
    setReading(r);
    setEdited(r.program);
    setSelected(null);
    setSavedAs(null);
    setStatus("");
    setServerProblems([]);
    requestAnimationFrame(() => found.current?.focus());
  }

  const check = useMemo(() => (engine && edited ? engine.checkProgram(edited) : null), [engine, edited]);
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!edited || !check) return map;
    const paths = formPaths(edited);
    for (const p of [...(check.ok ? [] : check.problems), ...serverProblems]) {
      const at = fieldForProblem(p.path, paths);
      map.set(at, [...(map.get(at) ?? []), problemText(p.path, p.message)]);
    }
    return map;
  }, [edited, check, serverProblems]);
  const length = useMemo(() => (engine && check?.ok ? engine.sessionLength(check.value) : null), [engine, check]);

  const ctx: FormContext | null = edited &&
    reading && {
      program: edited,
      origins: reading.origins,
      source,
      problems,
      change: (path, value) => {
        setServerProblems([]);
        setStatus("");
        setEdited((p) => (p ? withValue(p, path, value) : p));
      },
      select: setSelected,
    };

  function pick(path: string) {
    setSelected(path);
    // A field hidden by an edit (the first side once "both feet together" is chosen) falls back to its box.
    const shown = edited ? fieldForProblem(path, formPaths(edited)) : path;
    const input = document.getElementById(fieldId(path)) ?? document.getElementById(fieldId(shown));
    input?.focus({ preventScroll: true });
    input?.scrollIntoView({ block: "center" });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (!engine || !edited || !check) return;
    if (!check.ok) {
      const first = [...problems.keys()][0] ?? "";
      setStatus(
        `Not saved yet: ${plural(problems.size, "one field needs", `${problems.size} fields need`)} fixing. The first is ${first ? fieldDescription(first, edited) : "the program"}.`,
      );
      document.getElementById(first === "" ? "draft-title" : fieldId(first))?.focus();
      return;
    }
    try {
      await saveOnDevice(engine, check.value);
    } catch (error) {
      console.warn("Saving the program on this device failed:", error);
      setStatus(NO_DEVICE_STORE);
    }
  }

  async function saveOnDevice(engine: Engine, checked: Program) {
    const existing = await store.list();
    const taken = new Set([...programs.map((p) => p.id), ...existing.map((s) => s.id)].filter((id) => id !== savedAs?.id));
    const id = engine.savedProgramId(checked.title, taken, savedAs?.id ?? null);
    const before = existing.find((s) => s.id === id);
    const program: Program = { ...checked, id, version: before ? before.program.version + 1 : 1 };
    await store.put({ id, program, savedAt: new Date(services().clock.wallNow()).toISOString(), origin: "imported" });
    setSavedAs({ id, title: program.title });
    setStatus(`Saved on this device as “${program.title}”.`);
    setSaved(await store.list());
  }

  async function remove(s: SavedProgram) {
    if (!window.confirm(`Remove “${s.program.title}” from this device?`)) return;
    await store.remove(s.id);
    if (savedAs?.id === s.id) setSavedAs(null);
    setSaved(await store.list());
  }

  // The server adds its own tail to a new program's id; the start of it follows the title as edited.
  const forPractice = engine && check?.ok ? { ...check.value, id: engine.savedProgramId(check.value.title, new Set(), null) } : null;
  const unusedSpans = useMemo(() => (reading ? reading.draft.unparsed.map((u) => u.span) : []), [reading]);
  // One per "Check" badge on the form: a pair shares its origin, and hidden fields do not count.
  const checks = useMemo(() => {
    if (!reading || !reading.program) return 0;
    const shown = formPaths(reading.program);
    return new Set(
      Object.entries(reading.origins)
        .filter(([path, o]) => shown.has(path) && (o.kind === "unsure" || o.kind === "default"))
        .map(([, o]) => o),
    ).size;
  }, [reading]);
  return (
    <div class="import-page">
      <h1>Import a routine</h1>
      <p class="lead">
        Paste a stretching routine written in everyday words. Limber turns it into a program you can check, correct and keep.
      </p>
      <RoutineInput onRead={(t) => void read(t)} busy={false} />
      {reading && (
        <section aria-labelledby="found-title">
          <h2 id="found-title" ref={found} tabIndex={-1}>
            What Limber found
          </h2>
          <p data-testid="found-summary">
            {reading.draft.exercises.length === 0
              ? "No exercises: Limber found no holds, repetitions or exercise names in this text."
              : `${count(reading.draft.exercises.length, "exercise")}. ${checks === 0 ? "Nothing is marked for checking" : `${checks} ${plural(checks, "value is", "values are")} marked “Check”`}; look over every field before you save.`}
          </p>
          {ctx && edited && (
            <div class="import-columns">
              <section class="import-source" aria-labelledby="source-title">
                <h3 id="source-title">The text</h3>
                <p class="muted">Marked words are what Limber used; press one to go to its field. Greyed text was not used.</p>
                <SourceView
                  source={source}
                  origins={reading.origins}
                  unused={unusedSpans}
                  program={edited}
                  selected={selected}
                  onPick={pick}
                />
              </section>
              <section class="import-draft" aria-labelledby="draft-title">
                <h3 id="draft-title" tabIndex={-1}>
                  The program
                </h3>
                <form onSubmit={(e) => void save(e)} noValidate>
                  {problems.get("")?.length ? <p class="field-error">{problems.get("")!.join(" ")}</p> : null}
                  <TextField ctx={ctx} path="title" label="Title" value={String(edited.title ?? "")} />
                  {edited.exercises.map((_, i) => (
                    <ExerciseFields key={i} ctx={ctx} index={i} />
                  ))}
                  <div class="card save-panel">
                    <h3>This session</h3>
                    <p data-testid="session-length">
                      {length
                        ? `${count(length.holds, "hold")}, ${minutes(length.seconds)} in all (first session).`
                        : "Fix the fields marked above to see the session."}
                    </p>
                    <p role="status" class={check?.ok ? "" : "field-error"} data-testid="save-status">
                      {status ||
                        (check && !check.ok
                          ? `${plural(problems.size, "One field needs", `${problems.size} fields need`)} fixing before saving.`
                          : "")}
                    </p>
                    <button type="submit" class="primary big">
                      {savedAs ? "Save changes" : "Save to this device"}
                    </button>
                    {savedAs && check?.ok && (
                      <p class="saved-here">
                        Kept on this device, under “Your programs” below.{" "}
                        <a class="button" href={`#/play?program=${encodeURIComponent(savedAs.id)}`}>
                          Start this program
                        </a>
                      </p>
                    )}
                    <PracticeSave program={forPractice} onProblems={setServerProblems} />
                  </div>
                </form>
              </section>
            </div>
          )}
          {reading.program === null && reading.draft.exercises.length > 0 && (
            <p class="card safety">{reading.problems.map((p) => problemText(p.path, p.message)).join(" ")}</p>
          )}
          <NotUnderstood unparsed={reading.draft.unparsed} warnings={reading.warnings} />
        </section>
      )}
      <SavedProgramList saved={saved} onRemove={(s) => void remove(s)} />
    </div>
  );
}
