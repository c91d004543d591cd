/** A modal's private_metadata as JSON, or undefined when it is not (then the zod schema refuses it). */
export function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
