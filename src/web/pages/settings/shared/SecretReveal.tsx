import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from '../settings.module.css';

/** Clipboard API where the page is a secure context; otherwise the selected text and the copy command. */
async function copyText(input: HTMLInputElement | null, value: string): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // fall through to the selection, which also lets the user press Ctrl+C themselves
  }
  input?.select();
  return document.execCommand('copy');
}

/** A secret shown once (a password, an API token): read-only, selectable, with a copy button. */
export function SecretReveal({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation('settings');
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => setCopied(await copyText(ref.current, value));
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          ref={ref}
          label={label}
          value={value}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          classNames={{ input: classes.secret }}
          className={classes.grow}
          data-testid={testId}
        />
        <Button
          variant={copied ? 'filled' : 'light'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          onClick={() => void copy()}
          data-testid={`${testId}-copy`}
        >
          {copied ? t('secret.copied') : t('secret.copy')}
        </Button>
      </Group>
      {copied === false && (
        <Alert color="yellow" variant="light">
          {t('secret.copyManually')}
        </Alert>
      )}
      <Alert color="yellow" variant="light" title={t('secret.onceTitle')}>
        {t('secret.once')}
      </Alert>
    </Stack>
  );
}
