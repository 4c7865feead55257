/** A worker thread of parseFiles (parse-files.ts): parses the chunks of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { topicVocabulary } from './build.js';
import { parseFile, type WorkerData, type WorkerReply, type WorkerRequest } from './parse-files.js';

const data = workerData as WorkerData;
const vocabulary = topicVocabulary(data.topics);
parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = {
    start: request.start,
    outcomes: request.jobs.map((job) => parseFile(data.dir, job, vocabulary)),
  };
  parentPort?.postMessage(reply);
});
