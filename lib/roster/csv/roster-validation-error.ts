/**
 * Everything wrong with a roster, collected in one pass so staff can fix the file once, each problem
 * citing the LINE (as Excel numbers it: the header is line 1) and the FIELD, in English and Japanese.
 */
export interface RosterIssue {
  /** 1-based line number; 0 for problems with the options rather than the file. */
  line: number;
  field: string;
  en: string;
  ja: string;
}

export function formatIssue(issue: RosterIssue): string {
  const where = issue.line > 0 ? `line ${issue.line} (${issue.line} 行目), ${issue.field}` : issue.field;
  return issue.ja ? `${where}: ${issue.en} / ${issue.ja}` : `${where}: ${issue.en}`;
}

/** Problems printed in the message; the rest are counted (all stay in `issues`). A 100,000-line roster
 * saved from the wrong sheet must give a message a person can read. */
export const ISSUES_SHOWN = 100;

export class RosterValidationError extends Error {
  constructor(readonly file: string, readonly issues: RosterIssue[]) {
    super(
      `${file}: the roster is invalid; nothing was applied (名簿に誤りがあるため、何も反映していません): ${issues.length} problem(s)\n` +
        issues.slice(0, ISSUES_SHOWN).map((i) => `  ${formatIssue(i)}`).join('\n') +
        (issues.length > ISSUES_SHOWN ? `\n  … and ${issues.length - ISSUES_SHOWN} more problem(s) of the same kinds; fix these and run again (ほか ${issues.length - ISSUES_SHOWN} 件)` : ''),
    );
    this.name = 'RosterValidationError';
  }
}
