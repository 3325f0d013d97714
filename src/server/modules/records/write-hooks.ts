import type { Ctx } from '../../context.js';
import type { ApiRecord, EntityDescriptor } from './descriptor.js';

/**
 * What a record write looked like, for modules that react to it (live updates, notifications,
 * activities clean-up, outgoing events). Hooks run inside the write's transaction, after the row,
 * its links and its history are written: a hook that throws rolls the whole write back.
 */
export interface RecordWrite {
  descriptor: EntityDescriptor;
  action: 'created' | 'updated' | 'deleted';
  id: number;
  /** The record as the API showed it before (null on create) and after (null on delete). */
  before: ApiRecord | null;
  after: ApiRecord | null;
}

export type WriteHook = (ctx: Ctx, write: RecordWrite) => Promise<void>;

const hooks = new Map<string, WriteHook>();

/** Registers a hook under a name (registering the same name again replaces it, so imports may repeat). */
export function onRecordWrite(name: string, hook: WriteHook): void {
  hooks.set(name, hook);
}

export async function runWriteHooks(ctx: Ctx, write: RecordWrite): Promise<void> {
  for (const hook of hooks.values()) await hook(ctx, write);
}
