import { createEngine, type Engine } from '../engine/engine.js';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { createGapRecorder } from '../gaps/recorder.js';
import { openKnowledge, type ReloadingKnowledge } from '../engine/reload.js';
import { createLogger, type Logger } from '../log.js';
import { messages } from '../messages.js';

export interface TerminalEngine {
  readonly engine: Engine;
  readonly knowledge: ReloadingKnowledge;
  readonly logger: Logger;
}

/**
 * Start-up shared by `ask` and `chat`: settings, logger, knowledge (watched or not) and the engine with
 * the gaps log. Returns the exit code instead when the settings or the knowledge base are invalid
 * (the reason is already on stderr).
 */
export async function openTerminalEngine(options: {
  readonly watch: boolean;
}): Promise<TerminalEngine | number> {
  loadDotEnv();
  const env = parseEnv(CommonEnvSchema);
  if (!env.ok) {
    console.error(env.message);
    return 1;
  }
  const logger = createLogger(env.env.LOG_LEVEL);
  let knowledge: ReloadingKnowledge;
  try {
    knowledge = await openKnowledge(env.env.KNOWLEDGE_DIR, logger, {
      watch: options.watch,
      cacheDir: env.env.CACHE_DIR,
    });
  } catch (error) {
    console.error(messages.knowledgeFailed(env.env.KNOWLEDGE_DIR, (error as Error).message));
    return 1;
  }
  const engine = createEngine({
    knowledge,
    onUnanswered: createGapRecorder(
      { databaseFile: env.env.DATABASE_FILE, enabled: env.env.RECORD_GAPS },
      logger,
    ),
  });
  return { engine, knowledge, logger };
}
