import { afterEach, beforeEach, vi } from 'vitest';

// Fail any test that writes to the console unexpectedly: stray output hides real problems.
const methods = ['log', 'info', 'warn', 'debug'] as const;
beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`Unexpected console.${method} in test: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
