import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { MAX_CHANNEL_OVERRIDES, settingsStore } from '../../src/store/settings.js';
import { tempDatabase } from '../gaps/helpers.js';

const G = '400000000000000001';
const C = '500000000000000001';

describe('per-server settings', () => {
  it('GIVEN nothing set THEN every setting follows the default', () => {
    const settings = settingsStore(openStore(tempDatabase()));
    expect(settings.guild(G)).toEqual({});
    expect(settings.channel(G, C)).toBeUndefined();
    expect(settings.channels(G)).toEqual([]);
  });

  it('keeps a cooldown and the replies switch per server, and a change made through one connection is read by another at once', () => {
    const file = tempDatabase();
    const shard0 = settingsStore(openStore(file));
    const shard1 = settingsStore(openStore(file));
    shard0.setCooldown(G, { max: 2, windowMs: 30_000 });
    shard0.setReplies(G, false);
    expect(shard1.guild(G)).toEqual({ cooldown: { max: 2, windowMs: 30_000 }, replies: false });
    expect(shard1.guild('400000000000000002')).toEqual({});
    shard1.setReplies(G, true);
    expect(shard0.guild(G).replies).toBe(true);
  });

  it('records answer channels added and defaults removed, changeable, and forgets a server', () => {
    const settings = settingsStore(openStore(tempDatabase()));
    expect(settings.setChannel(G, C, true)).toBe(true);
    expect(settings.setChannel(G, '500000000000000002', false)).toBe(true);
    expect(settings.channel(G, C)).toBe(true);
    expect(settings.channels(G)).toEqual([
      { channelId: C, enabled: true },
      { channelId: '500000000000000002', enabled: false },
    ]);
    settings.setChannel(G, C, false);
    expect(settings.channel(G, C)).toBe(false);
    settings.forget(G);
    expect(settings.channels(G)).toEqual([]);
  });

  it(`keeps at most ${MAX_CHANNEL_OVERRIDES} channel settings per server`, () => {
    const settings = settingsStore(openStore(tempDatabase()));
    for (let i = 0; i < MAX_CHANNEL_OVERRIDES; i++)
      expect(settings.setChannel(G, `5000000000000${String(i).padStart(5, '0')}`, true)).toBe(true);
    expect(settings.setChannel(G, '599999999999999999', true)).toBe(false);
    // Changing one it already has is still allowed.
    expect(settings.setChannel(G, '500000000000000000', false)).toBe(true);
  });
});
