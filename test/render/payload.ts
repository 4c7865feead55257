import type { ButtonIds } from '../../src/render/discord.js';
import type { DiscordMessage } from '../../src/render/limits.js';

/** Button ids as simple as can be: `t|topic|roles`, left out beyond Discord's 100 characters. */
export const TEST_BUTTONS: ButtonIds = {
  topic: (topic, roles) => {
    const id = `t|${topic}|${roles.join(',')}`;
    return id.length <= 100 ? id : undefined;
  },
};

/** Every string a Discord client would render from the payload. */
export function allStrings(payload: DiscordMessage): string[] {
  const out: string[] = [];
  if (payload.content !== undefined) out.push(payload.content);
  for (const e of payload.embeds) {
    if (e.title !== undefined) out.push(e.title);
    if (e.description !== undefined) out.push(e.description);
    if (e.footer) out.push(e.footer.text);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const row of payload.components) for (const b of row.components) out.push(b.label ?? '');
  return out;
}

/** Mentions Discord would turn into a ping or a link: @everyone, @here, <@id>, <@!id>, <@&id>, <#id>. */
export function unsafeMentions(text: string): string[] {
  return [...text.matchAll(/@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/g)].map((m) => m[0]);
}

/** Where a masked link `[label](url)` could start its url: a `](` whose bracket is not escaped. */
export function maskedLinks(text: string): string[] {
  return [...text.matchAll(/(?<!\\)\]\(/g)].map((m) => m[0]);
}
