/** The topics a slash command offers (the six core topics). */
export const TOPIC_CHOICES = [
  { name: 'Overview', value: 'overview' },
  { name: 'Duties', value: 'duties' },
  { name: 'Requirements', value: 'requirements' },
  { name: 'Work environment', value: 'environment' },
  { name: 'Skills', value: 'skills' },
  { name: 'Salary', value: 'salary' },
] as const;
