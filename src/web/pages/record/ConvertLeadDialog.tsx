import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { type ConvertBody, type ConvertTarget, useConvertLead } from '../../api/convert';
import type { CrmRecord } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';
import classes from './ConvertLeadDialog.module.css';
import { ConvertTargetSection, type TargetState } from './ConvertTargetSection';
import { useRecordPage } from './record-context';
import { useApiMessage } from './useInlineEdit';
import { useConflictHandler } from './useRecordSave';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function initialTargets(lead: CrmRecord) {
  const contact: TargetState = {
    mode: text(lead.name) || text(lead.lastName) ? 'new' : 'none',
    values: { name: text(lead.name), lastName: text(lead.lastName) },
    existing: null,
  };
  const company: TargetState = {
    mode: text(lead.companyTitle) ? 'new' : 'none',
    values: { title: text(lead.companyTitle) },
    existing: null,
  };
  return { contact, company };
}

function target(s: TargetState): ConvertTarget | undefined {
  if (s.mode === 'existing') return s.existing ? { id: s.existing.id } : undefined;
  if (s.mode !== 'new') return undefined;
  const overrides = Object.fromEntries(Object.entries(s.values).filter(([, v]) => v.trim() !== ''));
  return { create: true, ...overrides };
}

/** Lead → contact, company and deal in one step; each part new, existing or skipped. */
export function ConvertLeadDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['record', 'common', 'fields']);
  const { record, refs } = useRecordPage();
  const navigate = useNavigate();
  const convert = useConvertLead(record.id);
  const onConflict = useConflictHandler('lead', record.id);
  const translate = useApiMessage();
  const [{ contact, company }, setTargets] = useState(() => initialTargets(record));
  const defaultPipeline = refs.pipelines.find((p) => p.isDefault) ?? refs.pipelines[0];
  const [deal, setDeal] = useState({
    create: true,
    title: text(record.title),
    pipelineId: defaultPipeline?.id ?? null,
    stageId: null as number | null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const stages =
    refs.pipelines.find((p) => p.id === deal.pipelineId)?.stages.filter((s) => s.semantics === 'process') ??
    [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    const body: ConvertBody = { version: record.version };
    const c = target(contact);
    const co = target(company);
    if (c) body.contact = c;
    if (co) body.company = co;
    if (deal.create)
      body.deal = {
        create: true,
        ...(deal.title.trim() ? { title: deal.title.trim() } : {}),
        ...(deal.pipelineId ? { pipelineId: deal.pipelineId } : {}),
        ...(deal.stageId ? { stageId: deal.stageId } : {}),
      };
    if (!body.contact && !body.company && !body.deal) return setProblem(t('convert.needOne'));
    convert.mutate(body, {
      onSuccess: (res) => {
        onClose();
        notifications.show({ color: 'green', message: t('convert.done') });
        const next = res.deal
          ? `/deals/${res.deal.id}`
          : res.contact
            ? `/contacts/${res.contact.id}`
            : res.company
              ? `/companies/${res.company.id}`
              : null;
        if (next) navigate(next);
      },
      onError: (err) => {
        if (onConflict(err)) return onClose();
        if (err instanceof ApiError && err.status === 400 && err.fieldIssues.length) {
          const found: Record<string, string> = {};
          for (const i of err.fieldIssues) found[i.field] = translate(i.message);
          setErrors(found);
          const shown = /^(contact|company)\.(name|lastName|title|id)$|^deal\.title$/;
          const rest = err.fieldIssues.filter((i) => !shown.test(i.field));
          if (rest.length) setProblem(rest.map((i) => `${i.field}: ${translate(i.message)}`).join('; '));
          return;
        }
        setProblem(errorMessage((k: string) => t(`common:${k}`), err));
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('convert.title')}
      size="lg"
      data-testid="convert-dialog"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ConvertTargetSection
            entity="contact"
            state={contact}
            fields={['name', 'lastName']}
            errors={errors}
            onChange={(s) => setTargets((x) => ({ ...x, contact: s }))}
          />
          <ConvertTargetSection
            entity="company"
            state={company}
            fields={['title']}
            errors={errors}
            onChange={(s) => setTargets((x) => ({ ...x, company: s }))}
          />
          <fieldset className={classes.part} data-testid="convert-deal">
            <legend className={classes.legend}>{t('fields:entity.deal')}</legend>
            <Stack gap={6}>
              <SegmentedControl
                size="xs"
                fullWidth
                value={deal.create ? 'new' : 'none'}
                onChange={(v) => setDeal((d) => ({ ...d, create: v === 'new' }))}
                data={[
                  { value: 'none', label: t('convert.skip') },
                  { value: 'new', label: t('convert.new') },
                ]}
                aria-label={t('fields:entity.deal')}
                data-testid="convert-deal-mode"
              />
              {deal.create && (
                <div className={classes.dealFields}>
                  <TextInput
                    size="xs"
                    label={t('fields:f.title')}
                    value={deal.title}
                    onChange={(e) => setDeal({ ...deal, title: e.currentTarget.value })}
                    error={errors['deal.title']}
                  />
                  <Select
                    size="xs"
                    label={t('fields:f.pipelineId')}
                    data={refs.pipelines.map((p) => ({ value: String(p.id), label: p.name }))}
                    value={deal.pipelineId ? String(deal.pipelineId) : null}
                    onChange={(v) => setDeal({ ...deal, pipelineId: v ? Number(v) : null, stageId: null })}
                    allowDeselect={false}
                    error={errors['deal.pipelineId']}
                  />
                  <Select
                    size="xs"
                    label={t('fields:f.stageId')}
                    placeholder={stages[0]?.name}
                    data={stages.map((s) => ({ value: String(s.id), label: s.name }))}
                    value={deal.stageId ? String(deal.stageId) : null}
                    onChange={(v) => setDeal({ ...deal, stageId: v ? Number(v) : null })}
                    clearable
                    error={errors['deal.stageId']}
                  />
                </div>
              )}
            </Stack>
          </fieldset>
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={convert.isPending} data-testid="convert-submit">
              {t('convert.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
