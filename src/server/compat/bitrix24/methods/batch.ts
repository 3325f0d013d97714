import { B24Error, b24, toB24Error } from '../errors.js';
import { type Answer, type B24Call, type MethodDef, normalizeMethod } from '../registry.js';
import { runMethod } from '../transport/dispatch.js';
import { type TimeInfo, timeInfo } from '../transport/envelope.js';
import { parsePhpQuery } from '../transport/params.js';
import { boolIn, isPlainObject, param } from '../values.js';

/**
 * batch: up to 50 commands ("method?query" strings, as an array or a map of keys), run in order as the
 * same webhook. A command may use an earlier one's answer: `$result[key][path…]` (also `$result_total`,
 * `$result_next`). With `halt` the first error stops the batch. The reply collects result, result_error,
 * result_total, result_next and result_time per key; an empty collection is written [] as PHP does.
 */
export const MAX_BATCH = 50;

interface Collections {
  result: Map<string, unknown>;
  result_error: Map<string, unknown>;
  result_total: Map<string, unknown>;
  result_next: Map<string, unknown>;
  result_time: Map<string, TimeInfo>;
}

const REFERENCE = /\$(result|result_total|result_next|result_error)((?:\[[^\]]*\])+)/g;
const WHOLE_REFERENCE = new RegExp(`^${REFERENCE.source}$`);

function resolve(c: Collections, collection: string, path: string): unknown {
  const keys = [...path.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string);
  let value: unknown = (c[collection as keyof Collections] as Map<string, unknown>).get(keys.shift() ?? '');
  for (const k of keys) {
    if (Array.isArray(value)) value = value[Number(k)];
    else if (isPlainObject(value)) value = value[k] ?? value[k.toUpperCase()];
    else return undefined;
  }
  return value;
}

function substitute(value: unknown, c: Collections): unknown {
  if (typeof value === 'string') {
    if (!value.includes('$')) return value;
    const whole = WHOLE_REFERENCE.exec(value);
    if (whole) {
      const v = resolve(c, whole[1] as string, whole[2] as string);
      return v === undefined || v === null ? '' : typeof v === 'object' ? v : String(v);
    }
    return value.replace(REFERENCE, (_m, collection: string, path: string) => {
      const v = resolve(c, collection, path);
      return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, c));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, c)]));
  return value;
}

/** A map written as PHP writes an array: [] when empty, a list when keyed 0…n-1, else an object. */
function php(map: Map<string, unknown>, listKeys: boolean): unknown {
  if (!map.size) return [];
  const keys = [...map.keys()];
  if (listKeys && keys.every((k, i) => k === String(i))) return [...map.values()];
  return Object.fromEntries(map);
}

/** How many independent reads of a batch run at once (PostgreSQL; below the default pool of 10). */
const PARALLEL_READS = 8;
const READ_METHOD = /^[a-z0-9_.]+\.(get|list|fields)$/i;

/** A read that refers to no earlier answer: it may run beside its neighbours. */
function independentRead(command: unknown): boolean {
  if (typeof command !== 'string' || command.includes('$')) return false;
  const at = command.indexOf('?');
  return READ_METHOD.test((at < 0 ? command : command.slice(0, at)).trim());
}

type Outcome = { answer: Answer; time: TimeInfo } | { error: unknown; time: TimeInfo };

async function runCommand(call: B24Call, command: unknown, c: Collections): Promise<Outcome> {
  const started = Date.now();
  try {
    if (typeof command !== 'string' || !command.trim()) throw b24.methodNotFound();
    const at = command.indexOf('?');
    const method = normalizeMethod(at < 0 ? command : command.slice(0, at));
    const params = substitute(parsePhpQuery(at < 0 ? '' : command.slice(at + 1)), c) as Record<
      string,
      unknown
    >;
    const answer = await runMethod({ ...call, params, inBatch: true }, method);
    return { answer, time: timeInfo(started) };
  } catch (err) {
    return { error: toB24Error(err, 'coded').body(), time: timeInfo(started) };
  }
}

export const batchMethod: MethodDef = {
  name: 'batch',
  scope: null,
  errors: 'coded',
  batchable: false,
  handler: async (call): Promise<Answer> => {
    const cmd = param(call.params, 'cmd');
    const halt = boolIn(param(call.params, 'halt')) === true;
    const isList = Array.isArray(cmd);
    const entries: [string, unknown][] = isList
      ? (cmd as unknown[]).map((v, i) => [String(i), v])
      : isPlainObject(cmd)
        ? Object.entries(cmd)
        : [];
    if (!entries.length)
      throw new B24Error(400, 'INVALID_ARG_VALUE', 'Parameter cmd must name at least one command');
    if (entries.length > MAX_BATCH) throw b24.batchTooLong();
    const c: Collections = {
      result: new Map(),
      result_error: new Map(),
      result_total: new Map(),
      result_next: new Map(),
      result_time: new Map(),
    };
    // On PostgreSQL, reads that use no earlier answer run side by side on the pool; whatever runs, the
    // answers are collected in command order, as if one after another (halt drops what follows an error).
    const parallel = call.ctx.db.dialect === 'postgres';
    let halted = false;
    for (let i = 0; i < entries.length && !halted; ) {
      let end = i + 1;
      if (parallel && independentRead(entries[i]?.[1]))
        while (end < entries.length && end - i < PARALLEL_READS && independentRead(entries[end]?.[1])) end++;
      const group = entries.slice(i, end);
      const outcomes = await Promise.all(group.map(([, command]) => runCommand(call, command, c)));
      group.forEach(([key], k) => {
        if (halted) return;
        const o = outcomes[k] as Outcome;
        if ('error' in o) {
          c.result_error.set(key, o.error);
          if (halt) halted = true;
        } else {
          c.result.set(key, o.answer.result);
          if (o.answer.total !== undefined) c.result_total.set(key, o.answer.total);
          if (o.answer.next !== undefined) c.result_next.set(key, o.answer.next);
        }
        c.result_time.set(key, o.time);
      });
      i = end;
    }
    return {
      result: {
        result: php(c.result, isList),
        result_error: php(c.result_error, isList),
        result_total: php(c.result_total, isList),
        result_next: php(c.result_next, isList),
        result_time: php(c.result_time, isList),
      },
    };
  },
};
