import { TextInput } from "./field.tsx";

/** A labelled, required text box for account forms (name, email, password), used wherever people sign up or in. */
export function AccountField(props: {
  id: string;
  label: string;
  type: "text" | "email" | "password";
  value: string;
  autocomplete: "name" | "email" | "current-password" | "new-password";
  onInput: (v: string) => void;
}) {
  return (
    <TextInput
      id={props.id}
      label={props.label}
      type={props.type}
      value={props.value}
      autocomplete={props.autocomplete}
      required
      onInput={props.onInput}
    />
  );
}

/** What went wrong with an account form, read out at once; nothing when there is nothing to say. */
export function FormProblem({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p role="alert" class="card safety">
      {message}
    </p>
  );
}
