/** A calm tick in a circle for the end of a session. */
export function DoneArt() {
  return (
    <svg class="art" viewBox="0 0 120 120" width="120" height="120" role="img" aria-label="Session complete">
      <g fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
        <circle class="soft" cx="60" cy="60" r="46" />
        <path d="M38 62 L54 77 L84 45" />
      </g>
    </svg>
  );
}
