import { CORE_TOPICS, CORE_TOPIC_NAMES } from '../knowledge/model.js';

/** The topics a slash command offers (the core topics). */
export const TOPIC_CHOICES = CORE_TOPICS.map((id) => ({ name: CORE_TOPIC_NAMES[id], value: id }));
