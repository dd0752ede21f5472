/** The worker thread of `readStructureOffThread`: reads one document at a time. */
import { parentPort } from 'node:worker_threads';
import { readStructure } from './index.ts';
import type { ReadLimits, StructureResult } from './types.ts';

export interface StructureRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  limits: Partial<ReadLimits>;
}

export interface StructureReply {
  id: number;
  result: StructureResult;
}

parentPort?.on('message', (request: StructureRequest) => {
  void readStructure(
    Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength),
    request.fileName,
    request.limits,
  ).then((result) => parentPort?.postMessage({ id: request.id, result } satisfies StructureReply));
});
