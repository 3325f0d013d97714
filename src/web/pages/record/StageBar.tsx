import { Loader, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordPage } from './record-context';
import { readableOn } from './record-text';
import classes from './StageBar.module.css';
import { useReportedSave } from './useInlineEdit';

export interface Step {
  id: number;
  name: string;
  color: string;
  semantics: string;
  /** What clicking does instead of moving (the lead's "converted" step opens the dialog). */
  onClick?: () => void;
}

const FINAL_FILL: Record<string, string> = {
  won: '#40c057',
  lost: '#fa5252',
  junk: '#fa5252',
  converted: '#40c057',
};

/**
 * The path of a deal or lead: earlier steps filled with the current step's colour, won/lost (junk) at the
 * end. A click moves the record; the current step is marked for screen readers as the current one.
 */
export function StageSteps({ steps, current, field }: { steps: Step[]; current: number; field: string }) {
  const { t } = useTranslation('record');
  const { record } = useRecordPage();
  const save = useReportedSave();
  const [moving, setMoving] = useState<number | null>(null);
  const bar = useRef<HTMLElement>(null);
  // On a narrow screen the bar scrolls sideways: keep the current step in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the record moves to another step
  useEffect(() => {
    const el = bar.current;
    const step = el?.querySelector<HTMLElement>('[aria-current="step"]');
    if (el && step) el.scrollLeft = step.offsetLeft - (el.clientWidth - step.offsetWidth) / 2;
  }, [current]);
  const index = steps.findIndex((s) => s.id === current);
  const cur = steps[index];
  const closed = cur && cur.semantics !== 'process';
  const fill = cur ? (closed ? (FINAL_FILL[cur.semantics] ?? cur.color) : cur.color) : undefined;

  const move = async (step: Step) => {
    if (step.onClick) return step.onClick();
    if (step.id === current || moving !== null) return;
    setMoving(step.id);
    const outcome = await save({ [field]: step.id });
    setMoving(null);
    if (outcome.status === 'saved')
      notifications.show({ message: t('stages.moved', { stage: step.name }), autoClose: 2500 });
  };

  return (
    <nav ref={bar} className={classes.bar} aria-label={t('stages.label')} data-testid="stage-bar">
      {steps.map((s, i) => {
        const final = s.semantics !== 'process';
        // the path up to the current step takes its colour (green once won, red once lost)
        const reached = final ? s.id === current : Boolean(closed) || i <= index;
        const bg = reached ? fill : undefined;
        return (
          <UnstyledButton
            key={s.id}
            className={`${classes.step} ${final ? classes.final : ''}`}
            data-reached={reached || undefined}
            data-tone={bg ? readableOn(bg) : undefined}
            style={bg ? { background: bg } : undefined}
            onClick={() => void move(s)}
            aria-current={s.id === current ? 'step' : undefined}
            disabled={record.statusSemantics === 'converted'}
            title={s.name}
            data-testid={`stage-${s.id}`}
          >
            {moving === s.id ? (
              <Loader size={12} color="currentColor" />
            ) : s.semantics === 'won' || s.semantics === 'converted' ? (
              <IconCheck size={13} />
            ) : final ? (
              <IconX size={13} />
            ) : null}
            <span className={classes.name}>{s.name}</span>
          </UnstyledButton>
        );
      })}
    </nav>
  );
}

/** Deals: the stages of the deal's pipeline. */
export function DealStageBar() {
  const { record, refs } = useRecordPage();
  const pipeline = refs.pipelines.find((p) => p.id === record.pipelineId);
  if (!pipeline) return null;
  const stages = [...pipeline.stages].sort((a, b) => {
    const rank = (s: string) => (s === 'process' ? 0 : s === 'won' ? 1 : 2);
    return rank(a.semantics) - rank(b.semantics) || a.sort - b.sort;
  });
  return <StageSteps steps={stages} current={Number(record.stageId)} field="stageId" />;
}

/** Leads: their statuses; "converted" is reached only through the convert dialog. */
export function LeadStatusBar({ onConvert }: { onConvert: () => void }) {
  const { record, refs } = useRecordPage();
  const rank = (s: string) => (s === 'process' ? 0 : s === 'converted' ? 1 : 2);
  const steps: Step[] = [...refs.leadStatuses]
    .sort((a, b) => rank(a.semantics) - rank(b.semantics) || a.sort - b.sort)
    .map((s) => (s.semantics === 'converted' ? { ...s, onClick: onConvert } : s));
  if (!steps.length) return null;
  return <StageSteps steps={steps} current={Number(record.statusId)} field="statusId" />;
}
