import type { FieldIssue } from '../../../shared/errors.js';
import type { ActivityOwner } from '../../../shared/schemas/activities.js';
import { loadActor } from '../../access/actor.js';
import { reachIncludes, reachOf } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';

/**
 * The people on an activity must be active users who may read its record themselves: an activity never
 * tells anyone about a record out of their reach.
 */
export async function checkPerson(
  db: Db,
  entity: ActivityOwner,
  ownerResponsibleId: number,
  userId: number,
  field: string,
  issues: FieldIssue[],
): Promise<void> {
  const person = await loadActor(db, userId);
  if (!person) {
    issues.push({ field, message: `no active user with id ${userId}` });
    return;
  }
  if (!reachIncludes(await reachOf(db, person, entity, 'read'), ownerResponsibleId)) {
    issues.push({ field, message: `user ${userId} may not see this ${entity}` });
  }
}

export async function checkPeople(
  db: Db,
  entity: ActivityOwner,
  ownerResponsibleId: number,
  people: { responsibleId?: number | undefined; participantIds?: number[] | undefined },
  issues: FieldIssue[],
): Promise<void> {
  if (people.responsibleId !== undefined)
    await checkPerson(db, entity, ownerResponsibleId, people.responsibleId, 'responsibleId', issues);
  for (const [i, userId] of (people.participantIds ?? []).entries())
    await checkPerson(db, entity, ownerResponsibleId, userId, `participantIds.${i}`, issues);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Which phone or email the activity uses: both parts or neither, and a value that fits the type. */
export function checkCommunication(
  type: string | null,
  value: string | null,
  issues: FieldIssue[],
): { comm_type: string | null; comm_value: string | null } {
  if (type === null && value === null) return { comm_type: null, comm_value: null };
  if (type === null) issues.push({ field: 'commType', message: 'is required with commValue' });
  else if (value === null) issues.push({ field: 'commValue', message: 'is required with commType' });
  else if (type === 'phone' && !/\d/.test(value))
    issues.push({ field: 'commValue', message: 'must be a phone number' });
  else if (type === 'email' && !EMAIL.test(value))
    issues.push({ field: 'commValue', message: 'must be an email address' });
  return { comm_type: type, comm_value: value };
}
