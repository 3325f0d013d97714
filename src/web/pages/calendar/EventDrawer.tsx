import { Alert, Anchor, Badge, Button, Drawer, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconChecklist } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CalendarActivity, isTimedKind } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { userName, useUsers } from '../../api/reference';
import { ENTITY_PATH } from '../../api/types';
import { isoToLocalInput, localInputToIso } from '../record/datetime-tz';
import classes from './Calendar.module.css';
import { whenText } from './calendar-format';
import { toneOf } from './calendar-layout';
import { TYPE_COLOR, TYPE_ICON } from './EventChip';

const TONE_COLOR = { planned: 'blue', overdue: 'red', done: 'teal', cancelled: 'gray' } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="xs" c="dimmed" className={classes.detailLabel}>
        {label}
      </Text>
      <div className={classes.detailValue}>{children}</div>
    </>
  );
}

/** The keyboard way to reschedule: a date and time in the user's zone. */
function RescheduleForm({
  activity,
  timeZone,
  onReschedule,
}: {
  activity: CalendarActivity;
  timeZone: string;
  onReschedule: (a: CalendarActivity, dueAt: string) => Promise<void>;
}) {
  const { t } = useTranslation('calendar');
  const timed = isTimedKind(activity.type);
  const current = isoToLocalInput(activity.dueAt, timeZone);
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(current), [current]);
  const next = localInputToIso(value, timeZone);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!next) {
      setError(t('details.badDate'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onReschedule(activity, next);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? err.message : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className={classes.reschedule} data-testid="calendar-reschedule">
      <Text size="sm" fw={600}>
        {t('details.reschedule')}
      </Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          type="datetime-local"
          label={t(timed ? 'details.newStart' : 'details.newDeadline')}
          description={t('details.zone', { zone: timeZone })}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          required
          className={classes.grow}
          data-testid="calendar-reschedule-input"
        />
        <Button type="submit" loading={busy} disabled={!value || value === current} mb={error ? 22 : 0}>
          {t('details.move')}
        </Button>
      </Group>
    </form>
  );
}

/** An activity's details, a link to its record and a date field to reschedule it. */
export function EventDrawer({
  activity,
  timeZone,
  phone,
  mayMove,
  onClose,
  onReschedule,
}: {
  activity: CalendarActivity | null;
  timeZone: string;
  phone: boolean;
  mayMove: boolean;
  onClose: () => void;
  onReschedule: (a: CalendarActivity, dueAt: string) => Promise<void>;
}) {
  const { t } = useTranslation('calendar');
  const users = useUsers().data;
  const a = activity;
  const Icon = a ? (TYPE_ICON[a.type] ?? IconChecklist) : IconChecklist;
  const tone = a ? toneOf(a, Date.now()) : 'planned';
  return (
    <Drawer
      opened={a !== null}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? 'auto' : 400}
      title={a?.subject || t('details.untitled')}
      classNames={{ title: classes.drawerTitle, content: phone ? classes.sheet : undefined }}
      // a bottom sheet as tall as its content
      styles={phone ? { content: { height: 'auto' } } : undefined}
      data-testid="calendar-details"
    >
      {a && (
        <Stack gap="sm">
          <Group gap={6}>
            <Badge color={TYPE_COLOR[a.type]} variant="light" leftSection={<Icon size={12} />} radius="sm">
              {t(`types.${a.type}`)}
            </Badge>
            <Badge color={TONE_COLOR[tone]} variant="outline" radius="sm">
              {t(`status.${tone}`)}
            </Badge>
            {a.priority === 'high' && (
              <Badge color="red" variant="light" radius="sm">
                {t('priority.high')}
              </Badge>
            )}
          </Group>
          <div className={classes.details}>
            <Row label={t(isTimedKind(a.type) ? 'details.when' : 'details.due')}>
              <Text size="sm">{whenText(t, a, timeZone)}</Text>
            </Row>
            <Row label={t(`details.entity.${a.ownerEntity}`)}>
              <Anchor
                component={Link}
                to={`/${ENTITY_PATH[a.ownerEntity]}/${a.ownerId}`}
                size="sm"
                data-testid="calendar-details-record"
              >
                {a.ownerTitle || t('details.untitled')}
              </Anchor>
            </Row>
            <Row label={t('details.responsible')}>
              <Text size="sm">{userName(users, a.responsibleId) ?? '—'}</Text>
            </Row>
            {a.commValue && (
              <Row label={t('details.contact')}>
                <Anchor href={`${a.commType === 'email' ? 'mailto' : 'tel'}:${a.commValue}`} size="sm">
                  {a.commValue}
                </Anchor>
              </Row>
            )}
            {a.description && (
              <Row label={t('details.description')}>
                <Text size="sm" className={classes.prewrap}>
                  {a.description}
                </Text>
              </Row>
            )}
            {a.result && (
              <Row label={t('details.result')}>
                <Text size="sm" className={classes.prewrap}>
                  {a.result}
                </Text>
              </Row>
            )}
          </div>
          {a.status !== 'planned' ? (
            <Alert variant="light" color="gray" p="xs">
              <Text size="xs">{t('details.notPlanned')}</Text>
            </Alert>
          ) : mayMove ? (
            <RescheduleForm activity={a} timeZone={timeZone} onReschedule={onReschedule} />
          ) : null}
          <Button
            component={Link}
            to={`/${ENTITY_PATH[a.ownerEntity]}/${a.ownerId}`}
            variant="default"
            rightSection={<IconArrowRight size={16} />}
            w="fit-content"
          >
            {t('details.open')}
          </Button>
        </Stack>
      )}
    </Drawer>
  );
}
