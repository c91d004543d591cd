import { createInterface } from 'node:readline/promises';

/** Asks on the terminal; anything but y/yes is a no. Without a terminal there is nobody to ask: no. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
