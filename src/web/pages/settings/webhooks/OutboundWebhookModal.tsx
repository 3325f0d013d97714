import { Button, Checkbox, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type OutboundWebhook,
  type OutboundWebhookInput,
  useCreateOutboundWebhook,
  useUpdateOutboundWebhook,
  useWebhookEvents,
  type WebhookFormat,
} from '../../../api/webhooks';
import { FormError } from '../shared/FormError';
import { fieldError } from '../shared/problem';
import { EventPicker } from './EventPicker';
import { toNativeNames } from './events';
import { SigningSecret } from './SigningSecret';

const FIELDS = ['name', 'url', 'events', 'format', 'active'];
const FORMATS: WebhookFormat[] = ['native', 'bitrix24'];
const EMPTY: OutboundWebhookInput = { name: '', url: '', events: [], format: 'native', active: true };

/** What the dialog works on: a new webhook, or an existing one to edit. */
export type OutboundTarget = { webhook: OutboundWebhook } | 'new' | null;

const formOf = (w: OutboundWebhook, events: string[]): OutboundWebhookInput => ({
  name: w.name,
  url: w.url,
  events,
  format: w.format,
  active: w.active,
});

/** Only what the administrator changed, so an unchanged URL is not checked again. */
function changes(before: OutboundWebhook, after: OutboundWebhookInput, native: string[]) {
  const out: Partial<OutboundWebhookInput> = {};
  if (after.name !== before.name) out.name = after.name;
  if (after.url !== before.url) out.url = after.url;
  if (after.format !== before.format) out.format = after.format;
  const same = after.events.length === native.length && after.events.every((e) => native.includes(e));
  if (!same) out.events = after.events;
  return out;
}

/**
 * Creates or edits an outbound webhook: where to post, in which format, which events. The server's
 * objection to a URL (the SSRF guard's refusal, say) appears under the URL. A new webhook's signing secret
 * is shown once, right after it is made.
 */
export function OutboundWebhookModal({ target, onClose }: { target: OutboundTarget; onClose: () => void }) {
  const { t } = useTranslation('integrations');
  const events = useWebhookEvents();
  const create = useCreateOutboundWebhook();
  const update = useUpdateOutboundWebhook();
  const existing = target && target !== 'new' ? target.webhook : null;
  const mutation = existing ? update : create;
  const [form, setForm] = useState<OutboundWebhookInput>(EMPTY);
  const existingNative = existing ? toNativeNames(existing.events, events.data ?? []) : [];
  const openKey = target === null ? null : existing ? existing.id : 'new';
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another webhook opens
  useEffect(() => {
    if (target === null) return;
    create.reset();
    update.reset();
    setForm(existing ? formOf(existing, existingNative) : EMPTY);
  }, [openKey]);
  // the list of events may arrive after the dialog opened: only then are stored names known in both spellings
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the event list arrives
  useEffect(() => {
    if (existing && events.data) setForm((f) => ({ ...f, events: existingNative }));
  }, [events.data]);
  const created = create.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, name: form.name.trim(), url: form.url.trim() };
    if (!existing) return create.mutate(body);
    const diff = changes(existing, body, existingNative);
    if (!Object.keys(diff).length) return onClose();
    update.mutate({ id: existing.id, ...diff }, { onSuccess: onClose });
  };
  const set = (patch: Partial<OutboundWebhookInput>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={created ? t('outbound.created') : existing ? t('outbound.editTitle') : t('outbound.create')}
      size="lg"
    >
      {created ? (
        <SigningSecret secret={created.secret} format={created.format} onDone={onClose} />
      ) : (
        <form onSubmit={submit} data-testid="outbound-webhook-form" noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('outbound.url')}
              description={t('outbound.urlHint')}
              placeholder="https://erp.example.com/sevan-events"
              type="url"
              value={form.url}
              onChange={(e) => set({ url: e.currentTarget.value })}
              error={fieldError(mutation.error, 'url')}
              required
              maxLength={2000}
              data-autofocus
              data-testid="outbound-webhook-url"
            />
            <TextInput
              label={t('outbound.name')}
              description={t('outbound.nameHint')}
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={fieldError(mutation.error, 'name')}
              maxLength={100}
              data-testid="outbound-webhook-name"
            />
            <Radio.Group
              label={t('outbound.format')}
              value={form.format}
              onChange={(v) => set({ format: v as WebhookFormat })}
              error={fieldError(mutation.error, 'format')}
            >
              <Stack gap={8} mt={6}>
                {FORMATS.map((f) => (
                  <Radio
                    key={f}
                    value={f}
                    label={t(`formats.${f}.label`)}
                    description={t(`formats.${f}.hint`)}
                    data-testid={`outbound-format-${f}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <EventPicker
              value={form.events}
              onChange={(v) => set({ events: v })}
              format={form.format}
              error={fieldError(mutation.error, 'events')}
            />
            {!existing && (
              <Checkbox
                label={t('outbound.activeLabel')}
                description={t('outbound.activeHint')}
                checked={form.active}
                onChange={(e) => set({ active: e.currentTarget.checked })}
                data-testid="outbound-webhook-active"
              />
            )}
            <FormError error={mutation.error} fields={FIELDS} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending}
                disabled={!form.url.trim() || form.events.length === 0}
                data-testid="outbound-webhook-submit"
              >
                {existing ? t('actions.save', { ns: 'common' }) : t('actions.create', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
