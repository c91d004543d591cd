/** One line of `/skima setup` and `skima setup`: what was checked, how it stands, and what to do. */
export interface SetupCheck {
  id: string;
  title: string;
  /** `fixed`: it was not ok, and `--fix` made it so. */
  status: 'ok' | 'warn' | 'fail' | 'fixed';
  detail: string;
  /** One actionable sentence whenever the status is not ok. */
  fix?: string;
}
