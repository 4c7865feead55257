/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message), the payload the
 * Discord renderer emits (plain API JSON typed by discord-api-types, never discord.js) and a checker
 * used by the renderer's tests and the bot's.
 */
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from 'discord-api-types/v10';

export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Sum of every embed's title, description, field names and values, footer and author name. */
  embedsTotal: 6000,
  embeds: 10,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
});

export type DiscordEmbedField = APIEmbedField;
export type DiscordEmbed = APIEmbed;
/** A button that sends an interaction (it has a custom_id), as the API takes it. */
export type DiscordButton = APIButtonComponentWithCustomId;
/** An action row holding up to five buttons. */
export type DiscordActionRow = APIActionRowComponent<DiscordButton>;

/** The body of a create-message / interaction-response call. */
export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  /** Always empty: the bot never pings anyone, whatever the text says. */
  allowed_mentions: { parse: [] };
}

/** Characters Discord counts towards the 6,000 total for one embed. */
export function embedLength(embed: DiscordEmbed): number {
  let n =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Every limit the payload breaks, as readable lines; empty when it is within all of them. */
export function checkDiscordLimits(message: DiscordMessage): string[] {
  const L = DISCORD_LIMITS;
  const out: string[] = [];
  const over = (what: string, length: number, max: number): void => {
    if (length > max) out.push(`${what}: ${length} > ${max}`);
  };
  if (message.content !== undefined) over('content', message.content.length, L.content);
  over('embeds', message.embeds.length, L.embeds);
  let total = 0;
  message.embeds.forEach((e, i) => {
    if (e.title !== undefined) over(`embed ${i} title`, e.title.length, L.embedTitle);
    if (e.description !== undefined) over(`embed ${i} description`, e.description.length, L.embedDescription);
    if (e.footer) over(`embed ${i} footer`, e.footer.text.length, L.footer);
    over(`embed ${i} fields`, e.fields?.length ?? 0, L.fields);
    (e.fields ?? []).forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, L.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, L.fieldValue);
      if (f.name.trim() === '' || f.value.trim() === '') out.push(`embed ${i} field ${j} is empty`);
    });
    total += embedLength(e);
  });
  over('embeds total', total, L.embedsTotal);
  over('action rows', message.components.length, L.rows);
  message.components.forEach((row, i) => {
    over(`row ${i} buttons`, row.components.length, L.buttonsPerRow);
    for (const b of row.components) {
      const label = b.label ?? '';
      over(`button custom_id ${b.custom_id.slice(0, 20)}`, b.custom_id.length, L.customId);
      over(`button label ${label.slice(0, 20)}`, label.length, L.buttonLabel);
    }
  });
  const ids = message.components.flatMap((r) => r.components.map((b) => b.custom_id));
  if (new Set(ids).size !== ids.length) out.push('duplicate custom_id');
  return out;
}
