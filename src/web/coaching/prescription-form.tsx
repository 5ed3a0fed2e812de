import { useEffect, useState } from "preact/hooks";
import { WEEKDAYS, type Weekday } from "../../core/calendar-date.ts";
import type { Program } from "../../core/program.ts";
import { callApi, problemText } from "../sync/server-api.ts";
import type { StoredPrescription } from "./coaching-api.ts";
import { SelectInput, TextArea, TextInput } from "../components/field.tsx";

interface Listing {
  id: string;
  version: number;
  title: string;
  builtIn: boolean;
}

const SHORT: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** Problems of a 400 answer keyed by field path, for showing each under its field. */
function byPath(body: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of (body as { problems?: { path: string; message: string }[] })?.problems ?? []) map.set(p.path, p.message);
  return map;
}

/** A problem that belongs to a group of choices rather than one box. */
function GroupProblem({ problems, path }: { problems: Map<string, string>; path: string }) {
  const m = problems.get(path);
  return m ? (
    <p class="field-error" id={problemId(path)}>
      {m}
    </p>
  ) : null;
}

const problemId = (path: string) => `rx-${path.replace(/\W+/g, "-")}-error`;

/**
 * Choose a program, the days, the dates, any holds to fix and a note, then save to `path`
 * (a coach's client, or the person's own plan). Every refusal is shown next to its field.
 */
export function PrescriptionForm(props: {
  path: string;
  current: StoredPrescription | null;
  today: string;
  onSaved: (p: StoredPrescription) => void;
}) {
  const cur = props.current;
  const [programs, setPrograms] = useState<Listing[]>([]);
  const [programId, setProgramId] = useState(cur?.programId ?? "");
  const [program, setProgram] = useState<Program | null>(null);
  const [kind, setKind] = useState<"weekdays" | "per-week">(cur?.schedule.kind ?? "weekdays");
  const [days, setDays] = useState<Weekday[]>(cur?.schedule.days ?? ["mon", "wed", "fri"]);
  const [times, setTimes] = useState(String(cur?.schedule.timesPerWeek ?? 3));
  const [startDate, setStartDate] = useState(cur?.schedule.startDate ?? props.today);
  const [endDate, setEndDate] = useState(cur?.schedule.endDate ?? "");
  const [holds, setHolds] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const [e, phases] of Object.entries(cur?.holdOverrides ?? {}))
      for (const [p, s] of Object.entries(phases)) out[`${e}/${p}`] = String(s);
    return out;
  });
  const [note, setNote] = useState(cur?.note ?? "");
  const [problems, setProblems] = useState(new Map<string, string>());
  const [status, setStatus] = useState("");

  useEffect(() => {
    void callApi<{ programs: Listing[] }>("GET", "/api/programs").then((r) => {
      if (r.status !== 200) return;
      setPrograms(r.body.programs);
      if (!programId && r.body.programs[0]) setProgramId(r.body.programs[0].id);
    });
  }, []);
  useEffect(() => {
    if (!programId) return;
    void callApi<Program>("GET", `/api/programs/${encodeURIComponent(programId)}`).then((r) => r.status === 200 && setProgram(r.body));
  }, [programId]);

  async function save(e: Event) {
    e.preventDefault();
    const holdOverrides: Record<string, Record<string, number>> = {};
    for (const [key, value] of Object.entries(holds)) {
      if (value.trim() === "") continue;
      const [ex, ph] = key.split("/") as [string, string];
      (holdOverrides[ex] ??= {})[ph] = Number(value);
    }
    const body = {
      programId,
      programVersion: program?.id === programId ? program.version : (programs.find((p) => p.id === programId)?.version ?? 1),
      schedule: {
        kind,
        days: kind === "weekdays" ? WEEKDAYS.filter((d) => days.includes(d)) : [],
        timesPerWeek: kind === "per-week" ? Number(times) : null,
        startDate,
        endDate: endDate || null,
      },
      holdOverrides,
      note,
    };
    const r = await callApi<{ prescription: StoredPrescription }>("PUT", props.path, body);
    if (r.status === 200) {
      setProblems(new Map());
      setStatus("Plan saved.");
      props.onSaved(r.body.prescription);
    } else {
      setProblems(byPath(r.body));
      setStatus(`Not saved. ${problemText(r)}`);
    }
  }

  return (
    <form class="prescription-form" onSubmit={(e) => void save(e)} noValidate>
      <SelectInput
        id="rx-program"
        label="Program"
        value={programId}
        problem={problems.get("programVersion") ?? problems.get("programId")}
        options={programs.map((p) => ({ value: p.id, label: `${p.title} ${p.builtIn ? "(built in)" : `(version ${p.version})`}` }))}
        onChange={setProgramId}
      />
      <fieldset class="choices">
        <legend>How often</legend>
        <label>
          <input type="radio" name="rx-kind" checked={kind === "weekdays"} onChange={() => setKind("weekdays")} /> On set days of the week
        </label>
        <label>
          <input type="radio" name="rx-kind" checked={kind === "per-week"} onChange={() => setKind("per-week")} /> A number of times a week
        </label>
      </fieldset>
      {kind === "weekdays" ? (
        <fieldset class="choices weekdays" aria-describedby={problems.has("schedule.days") ? problemId("schedule.days") : undefined}>
          <legend>Days</legend>
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={days.includes(d)}
                onChange={(e) => setDays(e.currentTarget.checked ? [...days, d] : days.filter((x) => x !== d))}
              />{" "}
              {SHORT[d]}
            </label>
          ))}
          <GroupProblem problems={problems} path="schedule.days" />
        </fieldset>
      ) : (
        <TextInput
          id="rx-times"
          label="Times a week"
          hint="1 to 7."
          type="number"
          min={1}
          max={7}
          value={times}
          problem={problems.get("schedule.timesPerWeek")}
          onInput={setTimes}
        />
      )}
      <div class="field-pair">
        <TextInput
          id="rx-start"
          label="Start date"
          type="date"
          value={startDate}
          problem={problems.get("schedule.startDate")}
          onInput={setStartDate}
        />
        <TextInput
          id="rx-end"
          label="End date (optional)"
          type="date"
          value={endDate}
          problem={problems.get("schedule.endDate")}
          onInput={setEndDate}
        />
      </div>
      {program && (
        <details class="hold-overrides">
          <summary>Set holds by hand (optional)</summary>
          <p class="muted">Leave a box empty to let the hold grow with practice. Seconds, 5 to 600.</p>
          {program.exercises.flatMap((ex) =>
            ex.phases.map((ph) => {
              const key = `${ex.id}/${ph.id}`;
              return (
                <TextInput
                  key={key}
                  id={`rx-hold-${ex.id}-${ph.id}`}
                  label={`${ex.name}: ${ph.name}`}
                  hint={`Usually ${ph.holdSeconds.min}–${ph.holdSeconds.max} s.`}
                  type="number"
                  min={5}
                  max={600}
                  value={holds[key] ?? ""}
                  problem={problems.get(`holdOverrides.${ex.id}.${ph.id}`)}
                  onInput={(v) => setHolds({ ...holds, [key]: v })}
                />
              );
            }),
          )}
        </details>
      )}
      <TextArea
        id="rx-note"
        label="Note for the client (optional)"
        hint="Shown on their plan and printed on the handout."
        rows={3}
        maxLength={1000}
        value={note}
        problem={problems.get("note")}
        onInput={setNote}
      />
      <button type="submit" class="primary">
        Save plan
      </button>
      {status && (
        <p role="status" data-testid="plan-status">
          {status}
        </p>
      )}
    </form>
  );
}
