import { stringify } from 'yaml';
import { CORE_TOPICS, CORE_TOPIC_NAMES } from '../knowledge/model.js';
import type { ArticleTopic } from './article.js';
import type { DifferenceTopic } from './place.js';
import type { SalaryFigure } from './salary.js';

/** One role as it goes into the front matter and the body of a knowledge file. */
export interface RoleEntry {
  readonly id: string;
  readonly title: string;
  /** The O*NET-SOC occupation the role is linked to, when O*NET lists its title (one occupation only). */
  readonly soc?: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly salary?: SalaryFigure;
  readonly ladder: {
    readonly reports_to: readonly string[];
    readonly step_towards: readonly string[];
    readonly comes_from: readonly string[];
  };
  /** Overview text beyond the summary, then one entry per topic. */
  readonly sections: Partial<Record<DifferenceTopic, readonly string[]>>;
}

export interface ArticleFile {
  readonly title: string;
  readonly source: { readonly title: string; readonly url?: string };
  readonly roles: readonly [RoleEntry, RoleEntry];
  readonly differences: Partial<Record<DifferenceTopic, readonly string[]>>;
}

/** `## ` headings, in the order articles use; names from the bundled topics.yaml. */
export const TOPIC_HEADINGS: readonly (readonly [DifferenceTopic, string])[] = CORE_TOPICS.map(
  (id) => [id, CORE_TOPIC_NAMES[id]] as const,
);

/** Keep imported text from being read as Markdown structure (a heading, a front-matter fence). */
function escapeParagraph(text: string): string {
  return text.replace(/^(#|---|\+\+\+)/, '\\$1');
}

function sections(
  out: string[],
  content: Partial<Record<DifferenceTopic | ArticleTopic, readonly string[]>>,
): void {
  for (const [topic, heading] of TOPIC_HEADINGS) {
    const paragraphs = content[topic];
    if (paragraphs === undefined || paragraphs.length === 0) continue;
    out.push(`## ${heading}`, paragraphs.map(escapeParagraph).join('\n\n'), '');
  }
}

/** The knowledge file text: YAML front matter, one `# ` section per role, then `# Differences`. */
export function renderArticle(file: ArticleFile): string {
  const front = {
    title: file.title,
    source:
      file.source.url === undefined
        ? { title: file.source.title }
        : { title: file.source.title, url: file.source.url },
    roles: file.roles.map((role) => {
      const ladder = Object.fromEntries(Object.entries(role.ladder).filter(([, list]) => list.length > 0));
      return {
        id: role.id,
        title: role.title,
        ...(role.soc === undefined ? {} : { soc: role.soc }),
        aliases: [...role.aliases],
        summary: role.summary,
        ...(role.salary === undefined ? {} : { salary: { ...role.salary } }),
        ...(Object.keys(ladder).length === 0 ? {} : { ladder }),
      };
    }),
  };
  // No anchors/aliases: the loader refuses them, and every value here is written out in full.
  const yaml = stringify(front, { aliasDuplicateObjects: false, lineWidth: 100 });
  const out: string[] = ['---', yaml.trimEnd(), '---', ''];
  for (const role of file.roles) {
    const hasText = TOPIC_HEADINGS.some(([topic]) => (role.sections[topic]?.length ?? 0) > 0);
    if (!hasText) continue;
    out.push(`# ${role.title}`, '');
    sections(out, role.sections);
  }
  if (TOPIC_HEADINGS.some(([topic]) => (file.differences[topic]?.length ?? 0) > 0)) {
    out.push('# Differences', '');
    sections(out, file.differences);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
