import type { Query } from '../understand/query.js';

/** The topics a slash command offers (the six core topics). */
export const TOPIC_CHOICES = [
  { name: 'Overview', value: 'overview' },
  { name: 'Duties', value: 'duties' },
  { name: 'Requirements', value: 'requirements' },
  { name: 'Work environment', value: 'environment' },
  { name: 'Skills', value: 'skills' },
  { name: 'Salary', value: 'salary' },
] as const;

/** A question a slash command states exactly (roles picked from autocomplete): no understanding needed. */
export function exactQuery(intent: Query['intent'], roles: readonly string[], topic?: string | null): Query {
  return {
    intent,
    roles: [...roles],
    topics: [topic ?? 'overview'],
    confidence: 1,
    unknownRoles: [],
    candidates: [],
    followUp: false,
  };
}
