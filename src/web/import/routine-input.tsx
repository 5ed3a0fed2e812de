import { useState } from "preact/hooks";
import { decodeRoutineBytes, MAX_ROUTINE_BYTES, pastedTextProblem, routineFileProblem } from "./routine-file.ts";

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Where the routine comes in: pasted into a box or read from a .txt, .md or .html file. */
export function RoutineInput(props: { onRead: (text: string) => void; busy: boolean }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState("");

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const why = routineFileProblem(file);
    if (why) return setProblem(why);
    try {
      const decoded = decodeRoutineBytes(file.name, await readBytes(file));
      if (!decoded.ok) return setProblem(decoded.message);
      setProblem("");
      setText(decoded.text);
      props.onRead(decoded.text);
    } catch {
      setProblem(`“${file.name}” could not be read. Try again, or paste the text instead.`);
    }
  }

  function submit(e: Event) {
    e.preventDefault();
    if (text.trim() === "") return setProblem("Paste a routine into the box first, or choose a file.");
    const why = pastedTextProblem(text);
    if (why) return setProblem(why);
    setProblem("");
    props.onRead(text);
  }

  return (
    <form class="card routine-input" onSubmit={submit} aria-labelledby="routine-input-title" noValidate>
      <h2 id="routine-input-title">Your routine</h2>
      <p class="field">
        <label for="routine-text">Paste the routine’s text</label>
        <textarea
          id="routine-text"
          rows={8}
          value={text}
          aria-describedby={problem ? "routine-problem" : "routine-text-hint"}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <span id="routine-text-hint" class="muted">
          A handout, an email or a web page: Limber looks for the holds, repetitions and sides.
        </span>
      </p>
      <p class="field">
        <label for="routine-file">Or choose a file (.txt, .md or .html, up to {Math.round(MAX_ROUTINE_BYTES / 1024)} KB)</label>
        <input
          id="routine-file"
          type="file"
          accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </p>
      {problem && (
        <p id="routine-problem" class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={props.busy}>
        Read the routine
      </button>
    </form>
  );
}
