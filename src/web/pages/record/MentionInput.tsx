import { Popover, Text, Textarea } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { insertMention, type MentionDraft, mentionQueryAt } from '../../api/comments';
import type { UserRef } from '../../api/types';
import classes from './MentionInput.module.css';

const SHOWN = 8;

const fullName = (u: UserRef) => `${u.name} ${u.lastName}`.trim();

/** Users whose name (either order) or email contains what was typed after the "@". */
function matching(users: UserRef[], query: string): UserRef[] {
  const q = query.trim().toLowerCase();
  const hits = q
    ? users.filter((u) =>
        [fullName(u), `${u.lastName} ${u.name}`, u.email].some((s) => s.toLowerCase().includes(q)),
      )
    : users;
  return hits.slice(0, SHOWN);
}

export interface MentionInputProps {
  draft: MentionDraft;
  onDraftChange: (draft: MentionDraft) => void;
  /** Who may be mentioned (active users). */
  users: UserRef[];
  label: string;
  placeholder?: string;
  error?: string | null;
  /** Ctrl+Enter (⌘+Enter). */
  onSubmit: () => void;
  /** Escape while no list is open. */
  onCancel?: () => void;
  autoFocus?: boolean;
  disabled?: boolean;
  testId?: string;
}

/**
 * A comment field with @mentions: typing "@" and a few letters lists matching colleagues; arrows move,
 * Enter or Tab picks, Escape closes. The pick shows as "@Name" and is sent in the API's mention format.
 */
export function MentionInput({
  draft,
  onDraftChange,
  users,
  label,
  placeholder,
  error,
  onSubmit,
  onCancel,
  autoFocus,
  disabled,
  testId,
}: MentionInputProps) {
  const { t } = useTranslation('timeline');
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [range, setRange] = useState<{ start: number; end: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo(() => (range ? matching(users, range.query) : []), [users, range]);
  const open = range !== null && (options.length > 0 || !range.query.includes(' '));

  /** Looks at the text before the caret: is a mention being typed? */
  const follow = (text: string, caret: number | null) => {
    const found = caret === null ? null : mentionQueryAt(text, caret);
    const next = found && caret !== null ? { start: found.start, end: caret, query: found.query } : null;
    if (next?.start !== range?.start || next?.query !== range?.query) setActive(0);
    setRange(next);
  };

  const pick = (user: UserRef) => {
    if (!range) return;
    const res = insertMention(draft, range, { id: user.id, name: fullName(user) });
    onDraftChange(res.draft);
    setRange(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(res.caret, res.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (open && options.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + options.length) % options.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(options[Math.min(active, options.length - 1)] as UserRef);
        return;
      }
    }
    if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setRange(null);
      } else onCancel?.();
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  const activeId = open && options.length ? `${listId}-${Math.min(active, options.length - 1)}` : undefined;
  return (
    <Popover
      opened={open}
      position="bottom-start"
      offset={2}
      withinPortal
      withRoles={false}
      trapFocus={false}
      width={280}
    >
      <Popover.Target>
        <Textarea
          ref={ref}
          value={draft.text}
          onChange={(e) => {
            onDraftChange({ ...draft, text: e.currentTarget.value });
            follow(e.currentTarget.value, e.currentTarget.selectionStart);
          }}
          onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setRange(null)}
          onKeyDown={onKeyDown}
          aria-label={label}
          placeholder={placeholder}
          error={error || undefined}
          autosize
          minRows={2}
          maxRows={10}
          size="sm"
          autoFocus={autoFocus}
          disabled={disabled}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeId}
          data-testid={testId}
        />
      </Popover.Target>
      <Popover.Dropdown p={4} className={classes.dropdown}>
        {options.length ? (
          <div role="listbox" id={listId} aria-label={t('mention.list')} data-testid="mention-options">
            {options.map((u, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the field (aria-activedescendant), as in any combobox
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field's arrows, Enter and Tab pick an option
              <div
                key={u.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={classes.option}
                data-active={i === active || undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(u)}
              >
                <Text size="sm" truncate>
                  {fullName(u)}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {u.email}
                </Text>
              </div>
            ))}
          </div>
        ) : (
          <Text size="xs" c="dimmed" px={6} py={4} id={listId}>
            {t('mention.none')}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
