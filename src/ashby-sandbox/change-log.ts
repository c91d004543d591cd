/**
 * The order in which records changed, for delta syncs. Each change is appended with its sequence
 * number (sequence numbers only grow), so the changes after a sync token are found by a binary search
 * and a page costs its own size. Scanning every changed record per page, as before, made a poll after
 * a 100,000-application backfill quadratic: tens of thousands of changes, 100 per page. A record
 * changed again keeps its older entries; they are skipped as superseded.
 */
export class ChangeLog {
  private readonly seqs: number[] = [];
  private readonly indices: number[] = [];

  record(index: number, seq: number): void {
    const last = this.seqs[this.seqs.length - 1];
    if (last !== undefined && seq <= last) throw new Error(`change ${seq} recorded after change ${last}`);
    this.seqs.push(seq);
    this.indices.push(index);
  }

  /** Records whose latest change is in (after, upto], oldest change first; at most `max` of them. */
  changed(after: number, upto: number, latestSeqOf: (index: number) => number, max = Infinity): number[] {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.seqs[mid] as number) <= after) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo; k < this.seqs.length && found.length < max; k++) {
      const seq = this.seqs[k] as number;
      if (seq > upto) break;
      const index = this.indices[k] as number;
      if (latestSeqOf(index) === seq) found.push(index);
    }
    return found;
  }
}
