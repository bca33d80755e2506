// Form parts shared by every screen: a label on every input, the error next to its field and
// tied to it with aria-describedby, and a summary that screen readers announce (aria-live).
import type { ButtonHTMLAttributes, ComponentChildren, InputHTMLAttributes, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import { useI18n } from '../i18n/i18n.ts';
import { fieldMessages } from '../i18n/issues.ts';

/** The input attributes our forms use; a closed list keeps Preact's large union types out of the way. */
interface InputProps {
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'search';
  autocomplete?: InputHTMLAttributes['autocomplete'];
  autocapitalize?: 'none' | 'characters' | 'words' | 'sentences';
  required?: boolean;
  disabled?: boolean;
  min?: number;
  max?: number;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  spellcheck?: boolean;
  class?: string;
}

/** The ids of a field's hint and error, for its input's aria-describedby. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Label, hint and error around one text-like control; the control names them in aria-describedby. */
function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}): JSX.Element {
  const { id, label, hint, error } = props;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  type = 'text',
  ...input
}: InputProps & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
}): JSX.Element {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        // Preact types each input type separately; ours are all text-like, which 'text' stands for.
        type={type as 'text'}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onValue,
  error,
}: {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
  error?: string | undefined;
}): JSX.Element {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onValue(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChecked,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}): JSX.Element {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The message for a failed call, in the reader's language; field details sit by their fields. */
export function problemMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `problem.${error.code}` as MessageKey;
    const text = t(key, { count: error.problem.errors?.length ?? 0 });
    if (text !== key) return text;
    return error.problem.detail ?? t('problem.generic');
  }
  return t('problem.generic');
}

/**
 * Always in the page, so that the live region exists before its text changes. A new error is
 * scrolled to and focused: after Save the reader is taken to what went wrong, not left below it.
 */
export function StatusMessage({ error, success }: { error?: unknown; success?: string | null }): JSX.Element {
  const { t } = useI18n();
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!error || !summary.current) return;
    summary.current.scrollIntoView?.({ block: 'center' });
    summary.current.focus({ preventScroll: true });
  }, [error]);
  return (
    <div class="status" aria-live="assertive" role="alert">
      {error ? (
        <p class="notice notice-error" tabIndex={-1} ref={summary}>
          {problemMessage(t, error)}
        </p>
      ) : null}
      {!error && success ? <p class="notice notice-success">{success}</p> : null}
    </div>
  );
}

export interface Action {
  busy: boolean;
  error: unknown;
  fieldErrors: Record<string, string>;
  run: (work: () => Promise<void>) => Promise<void>;
  setError: (error: unknown) => void;
}

/** Runs one piece of work at a time and keeps its error for the screen to show. */
export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  const fieldErrors = error instanceof ApiError ? fieldMessages(t, error.problem.errors) : {};
  return { busy, error, fieldErrors, run, setError };
}

export function Button({
  icon,
  children,
  variant = 'primary',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  icon?: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger' | 'plain';
}): JSX.Element {
  return (
    <button class={`button button-${variant}`} type="button" {...rest}>
      {icon}
      <span>{children}</span>
    </button>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  rows = 3,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  disabled?: boolean;
}): JSX.Element {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        disabled={disabled}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}
