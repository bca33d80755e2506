// Typed answers: text, numbers, dates and times, range, and notes that show a computed value.
import type { JSX } from 'preact';
import { useI18n } from '../../../i18n/i18n.ts';
import { appearances, type WidgetProps } from './types.ts';

function common(p: WidgetProps) {
  return {
    id: p.id,
    'aria-describedby': p.describedBy,
    'aria-invalid': p.invalid ? ('true' as const) : undefined,
    'aria-required': p.required ? ('true' as const) : undefined,
    readOnly: p.readOnly,
  };
}

export function TextWidget(p: WidgetProps): JSX.Element {
  if (appearances(p.node).has('multiline')) {
    return (
      <textarea {...common(p)} rows={4} value={p.value} onInput={(e) => p.setValue(e.currentTarget.value)} />
    );
  }
  const numbers = appearances(p.node).has('numbers');
  return (
    <input
      {...common(p)}
      type="text"
      inputMode={numbers ? 'numeric' : 'text'}
      value={p.value}
      onInput={(e) => p.setValue(e.currentTarget.value)}
    />
  );
}

export function NumberWidget(p: WidgetProps): JSX.Element {
  const integer = p.node.item.type === 'integer';
  return (
    <input
      {...common(p)}
      class="fq-number"
      type="number"
      step={integer ? '1' : 'any'}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={p.value}
      onInput={(e) => p.setValue(e.currentTarget.value)}
    />
  );
}

export function DateWidget(p: WidgetProps): JSX.Element {
  const type = p.node.item.type;
  const kind = type === 'date' ? 'date' : type === 'time' ? 'time' : 'datetime-local';
  // ODK keeps times with seconds and zone; the input shows minutes, so only that part goes in.
  const shown =
    kind === 'time' ? p.value.slice(0, 5) : kind === 'datetime-local' ? p.value.slice(0, 16) : p.value;
  return (
    <input
      {...common(p)}
      class="fq-date"
      type={kind as 'date'}
      value={shown}
      onChange={(e) => p.setValue(e.currentTarget.value)}
    />
  );
}

export function RangeWidget(p: WidgetProps): JSX.Element {
  const { t } = useI18n();
  const params = p.node.item.parameters;
  const start = Number(params.start ?? 1);
  const end = Number(params.end ?? 10);
  const step = Number(params.step ?? 1);
  const min = Math.min(start, end);
  const max = Math.max(start, end);
  return (
    <div class="fq-range">
      <input
        {...common(p)}
        type="range"
        min={min}
        max={max}
        step={step}
        // A range input always shows a value: unanswered sits at the start, clearly marked below.
        value={p.value === '' ? String(min) : p.value}
        onInput={(e) => p.setValue(e.currentTarget.value)}
      />
      <output for={p.id} aria-live="polite">
        {p.value === '' ? t('forms.fill.rangeUnset') : p.value}
      </output>
      <span class="fq-range-ends" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </span>
    </div>
  );
}

/** A note shows its label; with a calculation it also shows the computed value. */
export function NoteWidget(p: WidgetProps): JSX.Element {
  return (
    <p class="fq-note-value" id={p.id} aria-live="polite">
      {p.value}
    </p>
  );
}
