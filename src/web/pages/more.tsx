import { hrefOf, type RouteName } from "../router.ts";
import { account } from "../sync/server-api.ts";

const entries: { route: RouteName; title: string; about: string }[] = [
  { route: "exercises", title: "Exercises", about: "How to do each stretch: position, equipment, holds and sides, with drawings." },
  { route: "learn", title: "Learn", about: "Why the feet matter for the back, the four foot movements, and when to stop." },
  { route: "account", title: "Account", about: "Sign in to keep your sessions safe on the server and on your other devices." },
  { route: "settings", title: "Settings", about: "Voice, beeps and vibration, hold lengths, text size and colours." },
  { route: "import", title: "Import a routine", about: "Paste stretches written as text and get a timed program to follow." },
  { route: "coach", title: "For coaches", about: "Open a practice, invite clients, give each a plan and see how they are doing." },
];

/** The pages that are not needed every day, one tap from the main navigation, each with what it is for. */
export default function MorePage() {
  const coach = account.value?.role === "coach";
  const all = coach
    ? [
        ...entries,
        {
          route: "editor" as const,
          title: "Programs",
          about: "Write and change your practice's programs, with a preview of each session.",
        },
      ]
    : entries;
  return (
    <>
      <h1>More</h1>
      <ul class="more-list">
        {all.map((e) => (
          <li key={e.route}>
            <a class="card more-link" href={hrefOf(e.route)}>
              <span class="more-title">{e.title}</span>
              <span class="muted">{e.about}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
