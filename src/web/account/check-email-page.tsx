import { LinkPage } from "./link-page.tsx";

/** Opened from the check mail sent at sign-up: shows the address is the person's own. */
export default function CheckEmailPage() {
  return (
    <LinkPage
      title="Check your email"
      path="/api/mail/email-check/use"
      working="Checking your email…"
      done={(b) =>
        `Thank you: ${(b as { email: string }).email} is checked. Reminders by mail can now reach you; turn them on under Account.`
      }
    />
  );
}
