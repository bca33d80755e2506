// One logic column (relevant, constraint, calculation…) with live validation: the problem and
// where it is in the expression, or the ${names} the form does not have.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { checkExpression } from './validate.ts';

export function LogicField({
  id,
  column,
  label,
  hint,
  value,
  names,
  onValue,
}: {
  id: string;
  column: string;
  label: string;
  hint: string;
  value: string;
  names: Set<string>;
  onValue: (value: string) => void;
}): JSX.Element {
  const { t } = useI18n();
  const problem = checkExpression(column, value, names);
  const message = !problem
    ? ''
    : problem.kind === 'syntax'
      ? t('forms.builder.exprError', { position: (problem.position ?? 0) + 1, message: problem.message })
      : t('forms.builder.unknownNames', { names: (problem.names ?? []).map((n) => `\${${n}}`).join(', ') });
  const at = problem?.kind === 'syntax' ? Math.min(problem.position ?? 0, value.length) : -1;
  return (
    <div class={problem ? 'field field-error logic-field' : 'field logic-field'}>
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type="text"
        class="expr-input"
        spellcheck={false}
        autocapitalize="none"
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {problem && (
          <p class="error-text" id={`${id}-error`}>
            {message}
          </p>
        )}
        {at >= 0 && (
          <p class="expr-show" aria-hidden="true">
            <code>
              {value.slice(0, at)}
              <mark>{value.slice(at, at + 1) || ' '}</mark>
              {value.slice(at + 1)}
            </code>
          </p>
        )}
      </div>
    </div>
  );
}
