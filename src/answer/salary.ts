import type { Role, Salary } from '../knowledge/model.js';
import { messages } from '../messages.js';
import type { SalaryComparison, SalaryFigure } from './model.js';
import { roleRef } from './model.js';

/** Salary arithmetic: figures are compared only on the same currency, period and kind. */

export const sameBasis = (a: Salary, b: Salary): boolean =>
  a.currency === b.currency && a.period === b.period && a.kind === b.kind;

/** Salaries of one role that say different things (same amount and basis from two sources is one figure). */
function distinctSalaries(role: Role): Salary[] {
  const out: Salary[] = [];
  for (const s of role.salaries) if (!out.some((o) => o.amount === s.amount && sameBasis(o, s))) out.push(s);
  return out;
}

/** Who earns more and by how much; explains instead when the figures cannot honestly be compared. */
export function compareSalaries(roles: readonly Role[]): SalaryComparison {
  const figures: SalaryFigure[] = roles.flatMap((r) =>
    distinctSalaries(r).map((salary) => ({ role: roleRef(r), salary })),
  );
  if (roles.length < 2) return { figures };
  const missing = roles.filter((r) => r.salaries.length === 0).map((r) => r.title);
  if (missing.length > 0) return { figures, incomparable: messages.salaryMissing(missing) };
  const disagree = roles.filter((r) => distinctSalaries(r).length > 1).map((r) => r.title);
  if (disagree.length > 0) return { figures, incomparable: messages.salarySourcesDisagree(disagree) };
  const first = figures[0] as SalaryFigure;
  const odd = figures.find((f) => !sameBasis(f.salary, first.salary));
  if (odd) {
    const describe = (f: SalaryFigure): string =>
      `${f.role.title}: ${f.salary.kind}, per ${f.salary.period}, ${f.salary.currency}`;
    return { figures, incomparable: messages.salaryBasisDiffers(`${describe(first)}; ${describe(odd)}`) };
  }
  const ranked = [...figures].sort((a, b) => b.salary.amount - a.salary.amount);
  const top = ranked[0] as SalaryFigure;
  const bottom = ranked[ranked.length - 1] as SalaryFigure;
  const difference = top.salary.amount - bottom.salary.amount;
  const percent = Math.round((difference / bottom.salary.amount) * 1000) / 10;
  return { figures: ranked, higher: top.role, lower: bottom.role, difference, percent };
}
