import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importArticle } from '../../src/importer/import.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures/import');

/** Import one fixture article (optionally into a knowledge base); throws when it is refused. */
export function importFixture(name: string, kb?: KnowledgeBase) {
  const result = importArticle({ fileName: name, content: readFileSync(join(FIXTURES, name), 'utf8') }, kb);
  if (!result.ok) throw new Error(result.message);
  return result;
}

export interface FrontRole {
  id: string;
  title: string;
  soc?: string;
  aliases: string[];
  summary: string;
  salary?: { amount: number; currency: string; period: string; kind: string };
  ladder?: { reports_to?: string[]; step_towards?: string[]; comes_from?: string[] };
}

export function frontMatter(text: string): {
  title: string;
  source: { title: string; url?: string };
  roles: FrontRole[];
} {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match?.[1] === undefined) throw new Error('no front matter');
  return parse(match[1]) as { title: string; source: { title: string; url?: string }; roles: FrontRole[] };
}

/** The text under `# heading` up to the next `# ` heading. */
export function part(text: string, heading: string): string {
  const body = text.split('\n---\n')[1] ?? '';
  const start = body.indexOf(`\n# ${heading}\n`);
  if (start < 0) return '';
  const next = body.indexOf('\n# ', start + 3);
  return body.slice(start, next < 0 ? undefined : next);
}

/** The paragraphs under `## topic` within a part. */
export function section(partText: string, topic: string): string {
  const start = partText.indexOf(`\n## ${topic}\n`);
  if (start < 0) return '';
  const next = partText.indexOf('\n## ', start + 4);
  return partText.slice(start + topic.length + 5, next < 0 ? undefined : next).trim();
}
