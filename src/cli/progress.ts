/** A one-line progress display on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export class Progress {
  private last = 0;
  private readonly tty = process.stderr.isTTY === true;

  update(text: string, force = false): void {
    const now = Date.now();
    if (this.tty) {
      process.stderr.write(`\r\u001b[K${text}`);
    } else if (force || now - this.last > 5_000) {
      process.stderr.write(`${text}\n`);
      this.last = now;
    }
  }

  done(text: string): void {
    if (this.tty) process.stderr.write('\r\u001b[K');
    process.stderr.write(`${text}\n`);
  }
}

export function bar(done: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
