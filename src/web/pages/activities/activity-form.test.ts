import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../api/activities';
import { changeBody, createBody, type FormState, stateFromActivity } from './activity-form';
import { formErrors } from './activity-messages';

const call: Activity = {
  id: 7,
  version: 3,
  type: 'call',
  subject: 'Call: 20 laptops',
  description: null,
  startAt: '2026-03-04T06:00:00.000Z',
  endAt: null,
  deadline: null,
  dueAt: '2026-03-04T06:00:00.000Z',
  responsibleId: 2,
  participantIds: [],
  priority: 'normal',
  status: 'planned',
  result: null,
  completedAt: null,
  ownerEntity: 'deal',
  ownerId: 42,
  ownerTitle: '20 laptops',
  commType: 'phone',
  commValue: '+374 10 123456',
  remindBeforeMinutes: 15,
  remindAt: '2026-03-04T05:45:00.000Z',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
const YEREVAN = 'Asia/Yerevan';

describe('the plan form', () => {
  const base: FormState = {
    type: 'meeting',
    subject: '  Demo  ',
    subjectEdited: true,
    when: '2026-03-05T10:00',
    duration: 90,
    responsibleId: 2,
    priority: 'high',
    description: '',
    comm: 'email:anna@example.com',
    remind: 60,
  };

  it('sends a meeting’s start and end as UTC instants of the user’s wall clock', () => {
    const { body, issues } = createBody(base, { entity: 'deal', id: 42 }, YEREVAN);
    expect(issues).toEqual([]);
    expect(body).toEqual({
      type: 'meeting',
      subject: 'Demo',
      description: null,
      startAt: '2026-03-05T06:00:00.000Z',
      endAt: '2026-03-05T07:30:00.000Z',
      responsibleId: 2,
      priority: 'high',
      commType: 'email',
      commValue: 'anna@example.com',
      remindBeforeMinutes: 60,
      ownerEntity: 'deal',
      ownerId: 42,
    });
  });

  it('gives a task a deadline, and names what is missing before anything is sent', () => {
    const task = createBody({ ...base, type: 'task', comm: '' }, { entity: 'lead', id: 1 }, 'UTC');
    expect(task.body).toMatchObject({ deadline: '2026-03-05T10:00:00.000Z' });
    expect(task.body).not.toHaveProperty('startAt');
    const empty = createBody({ ...base, subject: ' ', when: '' }, { entity: 'lead', id: 1 }, 'UTC');
    expect(empty.issues).toEqual([
      { field: 'subject', message: 'is required' },
      { field: 'startAt', message: 'is required' },
    ]);
  });

  it('a change sends only what changed, so the responsible may move their own activity', () => {
    const state = stateFromActivity(call, YEREVAN);
    expect(state.when).toBe('2026-03-04T10:00');
    expect(changeBody(state, call, YEREVAN).body).toEqual({});
    expect(changeBody({ ...state, when: '2026-03-06T09:30' }, call, YEREVAN).body).toEqual({
      startAt: '2026-03-06T05:30:00.000Z',
    });
  });

  it('turning a call into a task moves its time to the deadline and clears the start', () => {
    const state = stateFromActivity(call, YEREVAN);
    expect(changeBody({ ...state, type: 'task', comm: '' }, call, YEREVAN).body).toEqual({
      type: 'task',
      deadline: '2026-03-04T06:00:00.000Z',
      startAt: null,
      endAt: null,
      commType: null,
      commValue: null,
    });
  });
});

describe('API problems on the form’s fields', () => {
  const t = ((key: string) => key) as unknown as TFunction;

  it('puts each API field on the input that edits it, in the user’s words', () => {
    expect(
      formErrors(t, [
        { field: 'startAt', message: 'is required for a call' },
        { field: 'endAt', message: 'must not be before startAt' },
        { field: 'responsibleId', message: 'user 9 may not see this deal' },
        { field: 'commValue', message: 'must be a phone number' },
        { field: 'ownerId', message: 'no deal with id 5' },
        { field: 'subject', message: 'must be at most 255 characters' },
        { field: 'description', message: 'something new the server says' },
      ]),
    ).toEqual({
      when: 'activities:api.required',
      duration: 'activities:api.endBeforeStart',
      responsibleId: 'activities:api.userCannotSee',
      comm: 'activities:api.phone',
      record: 'record:api.noRecord',
      subject: 'record:api.tooLong',
      description: 'something new the server says',
    });
  });
});
