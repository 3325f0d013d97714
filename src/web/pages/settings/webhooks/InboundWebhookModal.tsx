import { Button, Checkbox, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../api/reference';
import { useMe } from '../../../api/session';
import {
  INBOUND_SCOPES,
  type InboundScope,
  type InboundWebhookInput,
  useCreateInboundWebhook,
} from '../../../api/webhooks';
import { FormError } from '../shared/FormError';
import { fieldError } from '../shared/problem';
import { SecretReveal } from '../shared/SecretReveal';
import own from './webhooks.module.css';

const FIELDS = ['title', 'userId', 'scopes'];
const DEFAULT_SCOPES: InboundScope[] = ['crm', 'user', 'department'];

/** Example calls with a new base URL: a list read, and a lead created as a website form would. */
export function inboundExamples(base: string): string {
  return [
    `curl '${base}crm.deal.list.json'`,
    '',
    `curl '${base}crm.lead.add.json' \\`,
    `  -d 'fields[TITLE]=Website request' \\`,
    `  -d 'fields[PHONE][0][VALUE]=+374 10 123456'`,
  ].join('\n');
}

/** Creates an inbound webhook (title, the user it acts as, scopes), then shows its base URL once. */
export function InboundWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('integrations');
  const me = useMe();
  const users = useUsers();
  const create = useCreateInboundWebhook();
  const [form, setForm] = useState<InboundWebhookInput>({ title: '', userId: 0, scopes: DEFAULT_SCOPES });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    create.reset();
    setForm({ title: '', userId: me.data?.id ?? 0, scopes: DEFAULT_SCOPES });
  }, [opened]);
  const created = create.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...form, title: form.title.trim() });
  };
  const people = (users.data ?? [])
    .filter((u) => u.active || u.id === form.userId)
    .map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() || u.email }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={created ? t('inbound.created') : t('inbound.create')}
      size="lg"
    >
      {created ? (
        <Stack gap="sm" data-testid="inbound-webhook-created">
          <SecretReveal label={t('inbound.baseUrl')} value={created.url} testId="inbound-webhook-url" />
          <Text size="sm">{t('inbound.usage')}</Text>
          <Code block className={own.snippet} data-testid="inbound-webhook-example">
            {inboundExamples(created.url)}
          </Code>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="inbound-webhook-close">
              {t('done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} data-testid="inbound-webhook-form">
          <Stack gap="sm">
            <TextInput
              label={t('inbound.titleLabel')}
              description={t('inbound.titleHint')}
              placeholder={t('inbound.titlePlaceholder')}
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
              error={fieldError(create.error, 'title')}
              required
              maxLength={100}
              data-autofocus
              data-testid="inbound-webhook-title"
            />
            <Select
              label={t('inbound.user')}
              description={t('inbound.userHint')}
              data={people}
              value={form.userId ? String(form.userId) : null}
              onChange={(v) => setForm({ ...form, userId: v ? Number(v) : 0 })}
              error={fieldError(create.error, 'userId')}
              searchable
              allowDeselect={false}
              required
              nothingFoundMessage={t('nothingFound')}
              data-testid="inbound-webhook-user"
            />
            <Checkbox.Group
              label={t('inbound.scopes')}
              description={t('inbound.scopesHint')}
              value={form.scopes}
              onChange={(v) => setForm({ ...form, scopes: v as InboundScope[] })}
              error={fieldError(create.error, 'scopes')}
              required
            >
              <div className={own.scopeGrid}>
                {INBOUND_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={
                      <>
                        {t(`scopes.${scope}.label`)} <span className={own.code}>{scope}</span>
                      </>
                    }
                    description={t(`scopes.${scope}.hint`)}
                    data-testid={`inbound-scope-${scope}`}
                  />
                ))}
              </div>
            </Checkbox.Group>
            <FormError error={create.error} fields={FIELDS} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!form.title.trim() || !form.userId || form.scopes.length === 0}
                data-testid="inbound-webhook-submit"
              >
                {t('actions.create', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
