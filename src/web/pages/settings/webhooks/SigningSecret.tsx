import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookFormat } from '../../../api/webhooks';
import { SecretReveal } from '../shared/SecretReveal';
import own from './webhooks.module.css';

/** How a receiver checks that a request came from Sevan, in the language receivers of each format use. */
export function verifySnippet(format: WebhookFormat, secret: string): string {
  if (format === 'bitrix24')
    return [
      '<?php // the handler compares the token, as Bitrix24 handlers do',
      `if (($_POST['auth']['application_token'] ?? '') !== '${secret}') {`,
      '  http_response_code(401);',
      '  exit;',
      '}',
      "$dealId = $_POST['data']['FIELDS']['ID']; // then read it with crm.deal.get",
    ].join('\n');
  return [
    "import { createHmac, timingSafeEqual } from 'node:crypto';",
    '',
    '// rawBody: the request body exactly as received, before parsing',
    `const expected = Buffer.from('sha256=' + createHmac('sha256', '${secret}').update(rawBody).digest('hex'));`,
    "const given = Buffer.from(req.headers['x-sevan-signature'] ?? '');",
    'if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.status(401).end();',
    '// skip the event if its id (X-Sevan-Event-Id) was seen before',
  ].join('\n');
}

/** A webhook's signing secret, shown once, with how the receiver verifies requests. */
export function SigningSecret({
  secret,
  format,
  onDone,
}: {
  secret: string;
  format: WebhookFormat;
  onDone: () => void;
}) {
  const { t } = useTranslation('integrations');
  return (
    <Stack gap="sm" data-testid="outbound-webhook-secret">
      <SecretReveal label={t('outbound.secret')} value={secret} testId="outbound-webhook-secret-value" />
      <Text size="sm">{t(`outbound.verify.${format}`)}</Text>
      <Code block className={own.snippet}>
        {verifySnippet(format, secret)}
      </Code>
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="outbound-webhook-secret-done">
          {t('done')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The new secret after a rotation, in its own dialog. */
export function RotatedSecretModal({
  shown,
  onClose,
}: {
  shown: { secret: string; format: WebhookFormat } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('integrations');
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('outbound.rotated')} size="lg">
      {shown && <SigningSecret secret={shown.secret} format={shown.format} onDone={onClose} />}
    </Modal>
  );
}
