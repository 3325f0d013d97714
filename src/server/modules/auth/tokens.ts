import { createHash, randomBytes } from 'node:crypto';

/** Random secrets for sessions, CSRF and API tokens; only their SHA-256 is stored. */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
