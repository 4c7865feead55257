/** The worker thread of listArticlesInWorker (file-list.ts): lists and stats once, replies, and ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { listArticles, type ListingReply } from './file-list.js';

const { dir } = workerData as { readonly dir: string };
let reply: ListingReply;
try {
  reply = { listing: listArticles(dir) };
} catch {
  reply = {};
}
parentPort?.postMessage(reply);
