import { useDraggable } from '@dnd-kit/core';
import { IconAlertCircle, IconChecklist, IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarActivity } from '../../api/calendar';
import type { ActivityKind } from '../../api/timeline';
import classes from './Calendar.module.css';
import type { Tone } from './calendar-layout';

export const TYPE_ICON: Record<ActivityKind, typeof IconPhone> = {
  call: IconPhone,
  meeting: IconUsersGroup,
  email: IconMail,
  task: IconChecklist,
};

/** Each type keeps one colour on every view. */
export const TYPE_COLOR: Record<ActivityKind, string> = {
  call: 'blue',
  meeting: 'grape',
  email: 'cyan',
  task: 'orange',
};

export const typeColorVar = (type: ActivityKind) => `var(--mantine-color-${TYPE_COLOR[type] ?? 'gray'}-6)`;

export type ChipVariant = 'block' | 'line' | 'agenda';

/** What a dragged chip carries: the activity and how to draw it under the pointer. */
export interface DragData {
  activity: CalendarActivity;
  tone: Tone;
  time: string;
  variant: ChipVariant;
  tall?: boolean | undefined;
  /** Whose activity it is, on a department's calendar. */
  person?: string | undefined;
}

export interface EventChipProps {
  activity: CalendarActivity;
  tone: Tone;
  time: string;
  variant: ChipVariant;
  draggable: boolean;
  pending?: boolean;
  /** Enough room for a second line (blocks of an hour or more). */
  tall?: boolean;
  /** Whose activity it is, on a department's calendar. */
  person?: string | undefined;
  style?: CSSProperties;
  onOpen: (id: number) => void;
}

function ChipBody({ activity, tone, time, variant, tall, person }: DragData) {
  const { t } = useTranslation('calendar');
  const Icon = TYPE_ICON[activity.type] ?? IconChecklist;
  const subject = <span className={classes.chipTitle}>{activity.subject || t('details.untitled')}</span>;
  const timeText = <span className={classes.chipTime}>{time}</span>;
  const inlineTime = <span className={`${classes.chipTime} ${classes.inlineTime}`}>{time}</span>;
  const overdue = tone === 'overdue' && (
    <IconAlertCircle size={12} className={classes.overdueIcon} aria-hidden />
  );
  const icon = <Icon size={12} stroke={1.8} className={classes.chipIcon} aria-hidden />;
  // a half-hour block has one line: what it is first, its time (also shown by its place) after
  if (variant === 'block' && !tall)
    return (
      <span className={classes.chipHead}>
        {icon}
        {overdue}
        {subject}
        {inlineTime}
      </span>
    );
  if (variant === 'line')
    return (
      <span className={classes.chipHead}>
        {icon}
        {overdue}
        {inlineTime}
        {subject}
      </span>
    );
  return (
    <>
      <span className={classes.chipHead}>
        {icon}
        {overdue}
        {timeText}
      </span>
      {subject}
      {(person || activity.ownerTitle) && (
        <span className={classes.chipOwner}>{[person, activity.ownerTitle].filter(Boolean).join(' · ')}</span>
      )}
    </>
  );
}

/** An activity on the calendar: a button that opens its details, dragged to another time or day. */
export function EventChip(props: EventChipProps) {
  const { activity, tone, time, variant, tall, person, draggable, pending, style, onOpen } = props;
  const { t } = useTranslation('calendar');
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `event|${activity.id}`,
    data: { activity, tone, time, variant, tall, person } satisfies DragData,
    disabled: !draggable,
    attributes: { roleDescription: t('dnd.roleDescription') },
  });
  const label = t('event.label', {
    type: t(`types.${activity.type}`),
    subject: activity.subject,
    time,
    status: t(`status.${tone}`),
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      aria-disabled={false}
      aria-label={label}
      className={`${classes.chip} ${classes[variant]} ${classes[tone] ?? ''} ${isDragging ? classes.dragging : ''} ${
        pending ? classes.pending : ''
      }`}
      style={{ ...style, '--ev': typeColorVar(activity.type) } as CSSProperties}
      onClick={() => onOpen(activity.id)}
      data-testid={`calendar-event-${activity.id}`}
    >
      <ChipBody {...props} />
    </button>
  );
}

/** The chip under the pointer while dragging. */
export function ChipOverlay(props: DragData) {
  return (
    <div
      className={`${classes.chip} ${classes[props.variant]} ${classes[props.tone] ?? ''} ${classes.overlay}`}
      style={{ '--ev': typeColorVar(props.activity.type) } as CSSProperties}
    >
      <ChipBody {...props} />
    </div>
  );
}
