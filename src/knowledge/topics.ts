import { CORE_TOPICS, type Topic } from './model.js';
import { issuesToProblems, type Problem } from './problem.js';
import { TopicsFileSchema } from './schema.js';
import { parseYamlText } from './yaml-source.js';

export interface TopicsResult {
  /** The topics, or the six core topics (named by id, no words) when the file has problems. */
  readonly topics: readonly Topic[];
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

const fallbackTopics: readonly Topic[] = CORE_TOPICS.map((id) => ({ id, name: id, words: [] }));

/** Parse and validate topics.yaml. Pure: the text in, topics and problems out. */
export function parseTopics(text: string, file: string): TopicsResult {
  const yaml = parseYamlText(text, file);
  if (yaml.value === undefined) return { topics: fallbackTopics, problems: yaml.problems, warnings: [] };
  const parsed = TopicsFileSchema.safeParse(yaml.value);
  if (!parsed.success) {
    return {
      topics: fallbackTopics,
      problems: issuesToProblems(parsed.error.issues, file, yaml.lineOf),
      warnings: [],
    };
  }
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Map<string, number>();
  const wordOwner = new Map<string, string>();
  parsed.data.topics.forEach((topic, index) => {
    const earlier = seen.get(topic.id);
    if (earlier !== undefined) {
      problems.push({
        file,
        line: yaml.lineOf(['topics', index, 'id']),
        field: `topics[${index}].id`,
        message: `topic "${topic.id}" is defined twice (also topics[${earlier}])`,
        hint: 'merge the two entries',
      });
    }
    seen.set(topic.id, index);
    topic.words.forEach((word, w) => {
      const owner = wordOwner.get(word);
      if (owner !== undefined && owner !== topic.id) {
        warnings.push({
          file,
          line: yaml.lineOf(['topics', index, 'words', w]),
          field: `topics[${index}].words[${w}]`,
          message: `"${word}" is also a word of topic "${owner}"; headings using it mean "${owner}"`,
        });
      } else wordOwner.set(word, topic.id);
    });
  });
  for (const id of CORE_TOPICS) {
    if (!seen.has(id)) {
      problems.push({
        file,
        line: yaml.lineOf(['topics']),
        field: 'topics',
        message: `the core topic "${id}" is missing`,
        hint: `add an entry with id: ${id}`,
      });
    }
  }
  if (problems.length > 0) return { topics: fallbackTopics, problems, warnings };
  return { topics: parsed.data.topics, problems, warnings };
}
