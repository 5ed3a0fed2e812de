import { useEffect, useRef } from "preact/hooks";

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onAnswer: (confirmed: boolean) => void;
}

/**
 * A modal question before an action that cannot be taken back. It is a real `<dialog>`: opened
 * modal, so focus moves into it and the page behind is inert; Escape and the cancel button say no.
 * Focus starts on the cancel button, so a stray Enter keeps the session going.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    cancel.current?.focus();
    return () => {
      if (d.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm card"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        props.onAnswer(false);
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div class="confirm-actions">
        <button type="button" class="primary big" ref={cancel} onClick={() => props.onAnswer(false)}>
          {props.cancelLabel}
        </button>
        <button type="button" class="big" onClick={() => props.onAnswer(true)}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
