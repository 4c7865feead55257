import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { Answer, MedianComparison, PlaceNote, SalaryComparison, TopicBlock } from '../answer/model.js';
import type { Source, Topic } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { truncate } from '../text/truncate.js';
import { neutralizeMentions, quoteUserTextForDiscord } from './escape.js';
import {
  figureLines,
  formatSource,
  ladderSentence,
  medianDifferenceLine,
  placeLine,
  rankingLines,
  salaryDifferenceLine,
  salaryLinesFor,
} from './format.js';
import {
  DISCORD_LIMITS as L,
  embedLength,
  type DiscordActionRow,
  type DiscordButton,
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordMessage,
} from './limits.js';
import { rankedRoles, unknownLines } from './text.js';

export type {
  DiscordActionRow,
  DiscordButton,
  DiscordEmbed,
  DiscordEmbedField,
  DiscordMessage,
} from './limits.js';

/** A muted blue for answers; the colour carries no meaning. */
const COLOR = 0x4f7cac;

/**
 * How the buttons under an answer are named. The renderer draws them; what a click means (the
 * custom_id codec) belongs to the Discord adapter, which passes this in.
 */
export interface ButtonIds {
  /** The custom_id of a button answering `topic` for `roles`; undefined leaves the button out. */
  topic(topic: string, roles: readonly string[]): string | undefined;
  /** Buttons for a last row of their own (Helpful / Not helpful), kept whatever topics are dropped. */
  readonly actions?: readonly ActionButton[] | undefined;
}

export interface ActionButton {
  readonly label: string;
  readonly customId: string;
  readonly style?: DiscordButton['style'];
}

/** No buttons at all (previews, benchmarks). */
export const NO_BUTTONS: ButtonIds = Object.freeze({ topic: () => undefined });

/**
 * An Answer as a Discord message body (plain API JSON): one embed with a field per role and topic,
 * the sources in the footer, and buttons for the other topics of the same roles. Every limit is met
 * by shortening at a word boundary, never by failing; nothing in it can ping anyone.
 */
export function renderDiscord(answer: Answer, ids: ButtonIds = NO_BUTTONS): DiscordMessage {
  return fitMessage(draft(answer, ids));
}

function draft(answer: Answer, ids: ButtonIds): DiscordMessage {
  const actions = (ids.actions ?? []).flatMap((a) => button(a.label, a.customId, a.style) ?? []);
  const message = (embed: DiscordEmbed | undefined, buttons: DiscordButton[] = []): DiscordMessage => ({
    embeds: embed ? [{ color: COLOR, ...embed }] : [],
    components: rows(buttons, actions),
    allowed_mentions: { parse: [] },
  });
  switch (answer.kind) {
    case 'compare': {
      const titles = answer.roles.map((r) => r.title);
      const roleIds = answer.roles.map((r) => r.id);
      if (answer.ranking !== undefined) {
        const [heading, ...rest] = rankingLines(answer.ranking, '');
        return message(
          {
            ...(heading !== undefined ? { title: heading } : {}),
            description: [...rest, ...placeNote(answer.place)].join('\n'),
            ...footer(answer.sources),
          },
          topicButtons(ids, answer.otherTopics, roleIds),
        );
      }
      const notes: string[] = [];
      // The note is about composing article facts; figures alone (occupations) need none.
      const composed = answer.blocks.some((b) => b.perRole.some((p) => p.facts.length > 0));
      if (!answer.direct && composed)
        notes.push(answer.roles.length === 2 ? messages.notDirectPair(titles) : messages.notDirectMany);
      const line = answer.salary ? salaryDifferenceLine(answer.salary) : undefined;
      if (line !== undefined) notes.push(`**${line}**`);
      const median = answer.medians ? medianDifferenceLine(answer.medians) : undefined;
      if (median !== undefined) notes.push(`**${median}**`);
      notes.push(...placeNote(answer.place));
      return message(
        {
          title: messages.versus(titles),
          ...(notes.length > 0 ? { description: notes.join('\n\n') } : {}),
          fields: answer.blocks.flatMap((b) =>
            blockFields(b, answer.salary, answer.medians, answer.roles.length <= 3),
          ),
          ...footer(answer.sources),
        },
        topicButtons(ids, answer.otherTopics, roleIds),
      );
    }
    case 'role': {
      const line = answer.salary ? salaryDifferenceLine(answer.salary) : undefined;
      return message(
        {
          title: answer.role.title,
          description: [
            answer.summary,
            ...(line !== undefined ? [line] : []),
            ...placeNote(answer.place),
          ].join('\n\n'),
          fields: answer.blocks.flatMap((b) => blockFields(b, answer.salary, undefined, false)),
          ...footer(answer.sources),
        },
        topicButtons(ids, answer.otherTopics, [answer.role.id]),
      );
    }
    case 'ladder': {
      const first = answer.roles[0];
      const last = answer.roles[answer.roles.length - 1];
      const titles = messages.joinTitles(answer.roles.map((r) => r.title));
      const path = answer.ask === 'path' && first !== undefined && last !== undefined;
      const title = path
        ? messages.ladderHeadingPath(first.title, last.title)
        : answer.ask === 'after'
          ? messages.ladderHeadingAfter(titles)
          : messages.ladderHeadingInto(titles);
      const lines: string[] = [];
      if (answer.gap !== undefined) lines.push(answer.gap);
      else if (path) lines.push(messages.ladderPathFound(first.title, last.title));
      for (const step of answer.steps) lines.push(`- ${ladderSentence(step)}`);
      if (answer.steps.length === 0 && answer.gap === undefined) {
        for (const r of answer.roles) {
          lines.push(
            answer.ask === 'after'
              ? messages.ladderNothingAfter(r.title)
              : messages.ladderNothingInto(r.title),
          );
        }
      }
      const median = answer.medians ? medianDifferenceLine(answer.medians) : undefined;
      if (median !== undefined) lines.push('', `**${median}**`);
      lines.push(...placeNote(answer.place).flatMap((p) => ['', p]));
      const fields: DiscordEmbedField[] = (answer.requirements?.perRole ?? []).map(({ role, facts }) => ({
        name: `${messages.ladderRequirements}: ${role.title}`,
        value: facts.join('\n\n'),
      }));
      for (const block of answer.blocks ?? [])
        fields.push(...blockFields(block, answer.salary, answer.medians, answer.roles.length <= 3));
      return message({ title, description: lines.join('\n'), fields, ...footer(answer.sources) });
    }
    case 'list':
      return message(
        answer.roles.length === 0 && answer.occupations === undefined
          ? { description: messages.listEmpty }
          : {
              title: messages.listRolesHeading,
              description: [
                ...answer.roles.map((r) => `- ${r.title}`),
                ...(answer.occupations === undefined
                  ? []
                  : ['', messages.listOccupations(answer.occupations)]),
              ].join('\n'),
              fields: [
                {
                  name: messages.listComparisonsHeading,
                  value: answer.comparisons.map((c) => `- ${c.title}`).join('\n') || '-',
                },
              ],
            },
        roleButtons(ids, answer.roles),
      );
    case 'help':
      if (answer.outOfScope === true) {
        return message({
          description: [
            messages.outOfScope,
            messages.outOfScopeCan(
              answer.topics.filter((t) => t.id !== 'overview').map((t) => t.name.toLowerCase()),
            ),
          ].join('\n\n'),
        });
      }
      return message({
        description: [
          answer.occupations === undefined
            ? messages.helpIntro
            : messages.helpIntroOpenData(answer.occupations),
          ...answer.examples.map((e) => `- ${e}`),
          '',
          messages.helpFollowUp,
        ].join('\n'),
        ...(answer.credits === undefined ? {} : { footer: { text: answer.credits.join(' \u00B7 ') } }),
        fields: [
          {
            name: messages.helpCommandsHeading,
            value: messages.slashCommands.map(([cmd, what]) => `\`${cmd}\` ${what}`).join('\n'),
          },
          {
            name: messages.helpTopicsHeading,
            value: answer.topics.map((t) => t.name).join(', ') || '-',
          },
        ],
      });
    case 'smalltalk':
      return { content: answer.reply, embeds: [], components: [], allowed_mentions: { parse: [] } };
    case 'clarify':
      return message({ description: answer.question }, roleButtons(ids, answer.candidates));
    case 'unknown':
      return message(
        { description: unknownLines(answer, (t) => quoteUserTextForDiscord(t)).join('\n') },
        roleButtons(ids, answer.suggestions),
      );
  }
}

function placeNote(place: PlaceNote | undefined): string[] {
  return place === undefined ? [] : [placeLine(place, (t) => quoteUserTextForDiscord(t))];
}

function blockFields(
  block: TopicBlock,
  salary: SalaryComparison | undefined,
  medians: MedianComparison | undefined,
  inline: boolean,
): DiscordEmbedField[] {
  const isSalary = block.topic.id === 'salary' && (salary !== undefined || medians !== undefined);
  const perRole =
    isSalary && salary?.higher !== undefined && block.perRole.length > 2
      ? rankedRoles(block, salary)
      : block.perRole;
  const missing = new Set(block.missing?.roles.map((r) => r.id) ?? []);
  const fields: DiscordEmbedField[] = perRole
    .filter(({ role }) => !(missing.has(role.id) && block.perRole.length > 1))
    .map(({ role, facts, figures }) => {
      const articleFigures =
        isSalary && salary !== undefined ? salaryLinesFor(salary, role.id).map((f) => `**${f}**`) : [];
      // The open data's figures after the article's words, each under its own source line.
      const data = figures === undefined ? [] : figureLines(block.topic.id, figures);
      const nothing = articleFigures.length === 0 && data.length === 0 && facts.length === 0;
      const empty = missing.has(role.id) || !nothing ? [] : [isSalary ? messages.noSalary : messages.noFacts];
      return {
        name: block.perRole.length === 1 ? block.topic.name : `${block.topic.name}: ${role.title}`,
        value: [...articleFigures, ...facts, ...(data.length > 0 ? [data.join('\n')] : []), ...empty].join(
          '\n\n',
        ),
        inline,
      };
    });
  if (block.missing !== undefined) {
    fields.push({
      name: block.topic.name,
      value: messages.notInData(
        block.topic.name.toLowerCase(),
        block.missing.roles.map((r) => r.title),
        block.missing.instead.map((t) => t.name.toLowerCase()),
      ),
    });
  }
  if (block.difference !== undefined) {
    fields.push({
      name: `${block.topic.name}: ${messages.whatDiffers.toLowerCase()}`,
      value: block.difference,
    });
  }
  for (const d of block.pairDifferences ?? []) {
    fields.push({
      name: `${block.topic.name}: ${messages.pairDiffers(d.roles[0].title, d.roles[1].title)}`,
      value: d.text,
    });
  }
  return fields;
}

function footer(sources: readonly Source[]): Pick<DiscordEmbed, 'footer' | 'url'> {
  if (sources.length === 0) return {};
  const label = sources.length === 1 ? messages.source : messages.sources;
  const url = sources.length === 1 ? sources[0]?.url : undefined;
  return {
    footer: { text: `${label}: ${sources.map(formatSource).join(' \u00B7 ')}` },
    ...(url !== undefined && /^https?:\/\//.test(url) ? { url } : {}),
  };
}

function topicButtons(ids: ButtonIds, topics: readonly Topic[], roles: readonly string[]): DiscordButton[] {
  return topics.flatMap((t) => button(t.name, ids.topic(t.id, roles)) ?? []);
}

function roleButtons(ids: ButtonIds, roles: readonly { id: string; title: string }[]): DiscordButton[] {
  return roles.flatMap((r) => button(r.title, ids.topic('overview', [r.id])) ?? []);
}

function button(
  label: string,
  customId: string | undefined,
  style: DiscordButton['style'] = ButtonStyle.Secondary,
): DiscordButton | undefined {
  return customId === undefined
    ? undefined
    : { type: ComponentType.Button, style, label, custom_id: customId };
}

/** Topic buttons fill the rows left after the reserved last row of actions (feedback). */
function rows(buttons: readonly DiscordButton[], actions: readonly DiscordButton[]): DiscordActionRow[] {
  const out: DiscordActionRow[] = [];
  const reserved = actions.length > 0 ? 1 : 0;
  const capped = buttons.slice(0, L.buttonsPerRow * (L.rows - reserved));
  for (let i = 0; i < capped.length; i += L.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: capped.slice(i, i + L.buttonsPerRow) });
  }
  if (reserved > 0)
    out.push({ type: ComponentType.ActionRow, components: actions.slice(0, L.buttonsPerRow) });
  return out;
}

/** Never shorten a text below this while fitting the 6,000 total; drop fields instead. */
const MIN_TEXT = 40;

/** Every string made safe and within its limit, and the embeds within the 6,000 total. */
export function fitMessage(message: DiscordMessage): DiscordMessage {
  const safe = (text: string, max: number): string => {
    const t = truncate(neutralizeMentions(text), max);
    return t.trim() === '' ? '-' : t;
  };
  const embeds = message.embeds.slice(0, L.embeds).map((e): DiscordEmbed => {
    const out: DiscordEmbed = { ...e };
    if (e.title !== undefined) out.title = safe(e.title, L.embedTitle);
    if (e.description !== undefined) out.description = safe(e.description, L.embedDescription);
    if (e.footer) out.footer = { text: safe(e.footer.text, L.footer) };
    if (e.fields) {
      out.fields = e.fields.slice(0, L.fields).map((f) => ({
        ...f,
        name: safe(f.name, L.fieldName),
        value: safe(f.value, L.fieldValue),
      }));
    }
    return out;
  });
  shrinkToTotal(embeds);
  const components = message.components.slice(0, L.rows).map((row): DiscordActionRow => ({
    type: ComponentType.ActionRow,
    components: row.components
      .slice(0, L.buttonsPerRow)
      .filter((b) => b.custom_id.length <= L.customId)
      .map((b) => ({ ...b, label: safe(b.label ?? '', L.buttonLabel) })),
  }));
  return {
    ...(message.content !== undefined ? { content: safe(message.content, L.content) } : {}),
    embeds,
    components: components.filter((r) => r.components.length > 0),
    allowed_mentions: { parse: [] },
  };
}

/** Shorten the longest texts, then drop trailing fields, until all embeds together fit in 6,000. */
function shrinkToTotal(embeds: DiscordEmbed[]): void {
  const total = (): number => embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let over = total() - L.embedsTotal; over > 0; over = total() - L.embedsTotal) {
    let longest: { get: () => string; set: (s: string) => void } | undefined;
    let longestLength = MIN_TEXT;
    for (const e of embeds) {
      if (e.description !== undefined && e.description.length > longestLength) {
        longestLength = e.description.length;
        longest = { get: () => e.description ?? '', set: (s) => (e.description = s) };
      }
      for (const f of e.fields ?? []) {
        if (f.value.length > longestLength) {
          longestLength = f.value.length;
          longest = { get: () => f.value, set: (s) => (f.value = s) };
        }
      }
      if (e.footer && e.footer.text.length > longestLength) {
        longestLength = e.footer.text.length;
        const footer = e.footer;
        longest = { get: () => footer.text, set: (s) => (footer.text = s) };
      }
    }
    if (longest) {
      longest.set(truncate(longest.get(), Math.max(MIN_TEXT, longestLength - over)));
      continue;
    }
    const withFields = [...embeds].reverse().find((e) => (e.fields?.length ?? 0) > 0);
    if (withFields?.fields) withFields.fields = withFields.fields.slice(0, -1);
    // Only short texts are left, which cannot add up to the total with one embed: drop extra embeds.
    else if (embeds.pop() === undefined) return;
  }
}
