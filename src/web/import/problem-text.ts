import { count } from "../../core/words.ts";
/**
 * The schema's messages in plain words for the person editing: what to type instead. Messages
 * that are already written for people (custom rules) pass through with a capital letter.
 */
export function problemText(path: string, message: string): string {
  const last = path.split(".").pop() ?? "";
  const seconds = path.includes("holdSeconds") || path.includes("capSeconds");
  let m: RegExpMatchArray | null;
  if (/must not exceed max/.test(message))
    return seconds
      ? "The shortest hold is longer than the longest. Make the first number the smaller one."
      : "The fewest is more than the most. Make the first number the smaller one.";
  if (/expected number, received (string|NaN)|received NaN/.test(message)) return "Type a whole number, for example 20.";
  if (/expected int/.test(message)) return "Use a whole number, without a decimal point.";
  if ((m = message.match(/Too small: expected number to be >=(\d+)/))) return `Use ${m[1]} or more${seconds ? " seconds" : ""}.`;
  if ((m = message.match(/Too big: expected number to be <=(\d+)/))) return `Use ${m[1]} or fewer${seconds ? " seconds" : ""}.`;
  if (/expected string to have >=1 characters/.test(message))
    return last === "title" ? "Give the program a title." : "This cannot be empty.";
  if ((m = message.match(/expected string to have <=(\d+) characters/)))
    return `Keep this to ${count(Number(m[1]), "character")} or fewer.`;
  if ((m = message.match(/^cap (\d+) s is below phase .* top of (\d+) s$/)))
    return `Holds would grow only to ${count(Number(m[1]), "second")}, less than the longest hold of ${m[2]}. Raise this, or shorten that hold.`;
  if (/needs a first side/.test(message)) return "Choose which side to start with.";
  if (/Invalid option/.test(message)) return "Choose one of the options.";
  if (/Too small: expected array/.test(message)) return "Add at least one.";
  if ((m = message.match(/Too big: expected array to have <=(\d+) items/))) return `Keep this to ${count(Number(m[1]), "item")} or fewer.`;
  return message.charAt(0).toUpperCase() + message.slice(1) + (/[.!?]$/.test(message) ? "" : ".");
}
