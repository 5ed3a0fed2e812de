import { useEffect, useState } from "preact/hooks";
import { WEEKDAYS, type Weekday } from "../../core/calendar-date.ts";
import type { Program } from "../../core/program.ts";
import { callApi, problemText } from "../sync/server-api.ts";
import type { StoredPrescription } from "./coaching-api.ts";

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

function Problem({ problems, path }: { problems: Map<string, string>; path: string }) {
  const m = problems.get(path);
  return m ? (
    <p class="field-error" id={`rx-${path.replace(/\W+/g, "-")}-error`}>
      {m}
    </p>
  ) : null;
}

/**
 * Choose a program, the days, the dates, any holds to fix and a note, then save to `path`
 * (a coach's client, or the person's own plan). Every refusal is shown next to its field.
 */
export function PrescriptionForm(props: { path: string; current: StoredPrescription | null; today: string; onSaved: (p: StoredPrescription) => void }) {
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
    for (const [e, phases] of Object.entries(cur?.holdOverrides ?? {})) for (const [p, s] of Object.entries(phases)) out[`${e}/${p}`] = String(s);
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
      schedule: { kind, days: kind === "weekdays" ? WEEKDAYS.filter((d) => days.includes(d)) : [], timesPerWeek: kind === "per-week" ? Number(times) : null, startDate, endDate: endDate || null },
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
      setStatus(`Not saved: ${problemText(r)}`);
    }
  }

  const describedBy = (path: string) => (problems.has(path) ? `rx-${path.replace(/\W+/g, "-")}-error` : undefined);
  return (
    <form class="prescription-form" onSubmit={(e) => void save(e)} noValidate>
      <p class="field">
        <label for="rx-program">Program</label>
        <select id="rx-program" value={programId} onChange={(e) => setProgramId(e.currentTarget.value)} aria-describedby={describedBy("programVersion")}>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} {p.builtIn ? "(built in)" : `(version ${p.version})`}
            </option>
          ))}
        </select>
      </p>
      <Problem problems={problems} path="programVersion" />
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
        <fieldset class="choices weekdays" aria-describedby={describedBy("schedule.days")}>
          <legend>Days</legend>
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.currentTarget.checked ? [...days, d] : days.filter((x) => x !== d))} /> {SHORT[d]}
            </label>
          ))}
          <Problem problems={problems} path="schedule.days" />
        </fieldset>
      ) : (
        <p class="field">
          <label for="rx-times">Times a week (1 to 7)</label>
          <input id="rx-times" type="number" min={1} max={7} value={times} onInput={(e) => setTimes(e.currentTarget.value)} aria-describedby={describedBy("schedule.timesPerWeek")} />
          <Problem problems={problems} path="schedule.timesPerWeek" />
        </p>
      )}
      <div class="field-pair">
        <p class="field">
          <label for="rx-start">Start date</label>
          <input id="rx-start" type="date" value={startDate} onInput={(e) => setStartDate(e.currentTarget.value)} aria-describedby={describedBy("schedule.startDate")} />
          <Problem problems={problems} path="schedule.startDate" />
        </p>
        <p class="field">
          <label for="rx-end">End date (optional)</label>
          <input id="rx-end" type="date" value={endDate} onInput={(e) => setEndDate(e.currentTarget.value)} aria-describedby={describedBy("schedule.endDate")} />
          <Problem problems={problems} path="schedule.endDate" />
        </p>
      </div>
      {program && (
        <details>
          <summary>Set holds by hand (optional)</summary>
          <p class="muted">Leave a box empty to let the hold grow with practice. Seconds, 5 to 600.</p>
          {program.exercises.flatMap((ex) =>
            ex.phases.map((ph) => {
              const key = `${ex.id}/${ph.id}`;
              const id = `rx-hold-${ex.id}-${ph.id}`;
              return (
                <p class="field" key={key}>
                  <label for={id}>
                    {ex.name}: {ph.name} (usually {ph.holdSeconds.min}–{ph.holdSeconds.max} s)
                  </label>
                  <input id={id} type="number" min={5} max={600} value={holds[key] ?? ""} onInput={(e) => setHolds({ ...holds, [key]: e.currentTarget.value })} />
                  <Problem problems={problems} path={`holdOverrides.${ex.id}.${ph.id}`} />
                </p>
              );
            }),
          )}
        </details>
      )}
      <p class="field">
        <label for="rx-note">Note for the client (optional)</label>
        <textarea id="rx-note" rows={3} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </p>
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
