// Editing one question, group or repeat: name, type, texts in every language, logic with live
// validation, and choices for select and rank questions.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import { Checkbox, SelectField, TextField } from '../../ui/forms.tsx';
import type { Form, SurveyItem } from '../lib.ts';
import { METADATA_TYPES } from '../renderer/tree.ts';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { type Address, allNames, updateItem } from './edit.ts';
import { LogicField } from './LogicField.tsx';
import { TYPE_KEYS, type TypeKey } from './Outline.tsx';
import { TextsByLanguage } from './TextsByLanguage.tsx';

type Bind = SurveyItem['bind'];
type LogicKey = Exclude<keyof Bind, 'appearance' | 'trigger'>;
const LISTED = new Set(['select_one', 'select_multiple', 'rank']);
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function QuestionEditor({
  form,
  address,
  item,
  languages,
  onChange,
}: {
  form: Form;
  address: Address;
  item: SurveyItem;
  languages: string[];
  onChange: (form: Form) => void;
}): JSX.Element {
  const { t } = useI18n();
  const names = allNames(form.survey);
  const change = (patch: Partial<SurveyItem>) =>
    onChange(updateItem(form, address, (old) => ({ ...old, ...patch }) as SurveyItem));
  const bind = (key: keyof Bind, value: string) => {
    const next: Bind = { ...item.bind };
    if (value === '') delete next[key];
    else next[key] = value;
    change({ bind: next });
  };
  const logic = (key: LogicKey, column: string) => (
    <LogicField
      id={`edit-${key}`}
      column={column}
      label={t(`forms.logic.${key}`)}
      hint={t(`forms.logic.${key}.hint`)}
      value={item.bind[key] ?? ''}
      names={names}
      onValue={(v) => bind(key, v)}
    />
  );
  const isQuestion = item.kind === 'question';
  const type = isQuestion ? item.type : item.kind;
  const duplicate = [...names].length < countNames(form.survey);
  const required = item.bind.required ?? '';
  const simpleRequired = required === '' || /^(yes|no|true|false)$/i.test(required);

  const setType = (next: string) => {
    if (!isQuestion) {
      change({ kind: next as 'group' | 'repeat', type: next === 'group' ? 'begin_group' : 'begin_repeat' });
      return;
    }
    if (LISTED.has(next) && !item.list) {
      // A new select gets its own list named after it, ready for choices.
      const list = form.choices[item.name] ? `${item.name}_list` : item.name;
      onChange({
        ...updateItem(form, address, (old) => ({ ...old, type: next, list }) as SurveyItem),
        choices: { ...form.choices, [list]: form.choices[list] ?? [] },
      });
      return;
    }
    change({ type: next } as Partial<SurveyItem>);
  };
  const typeOptions = (
    isQuestion ? TYPE_KEYS.filter((k) => k !== 'group' && k !== 'repeat') : (['group', 'repeat'] as const)
  ).map((k) => ({ value: k as string, label: t(`forms.type.${k as TypeKey}`) }));
  if (!typeOptions.some((o) => o.value === type)) typeOptions.push({ value: type, label: type });

  return (
    <div class="question-editor">
      <div class="editor-row">
        <TextField
          id="edit-name"
          label={t('forms.builder.name')}
          hint={t('forms.builder.nameHint')}
          error={
            !NAME.test(item.name)
              ? t('forms.builder.nameInvalid')
              : duplicate && countName(form.survey, item.name) > 1
                ? t('forms.builder.nameTaken')
                : undefined
          }
          value={item.name}
          onValue={(v) => change({ name: v.trim() })}
          class="expr-input"
          autocapitalize="none"
          spellcheck={false}
        />
        <SelectField
          id="edit-type"
          label={t('forms.builder.type')}
          value={type}
          options={typeOptions}
          onValue={setType}
        />
      </div>
      {isQuestion && METADATA_TYPES.has(item.type) ? (
        <p class="hint">{t('forms.builder.metadata')}</p>
      ) : (
        <>
          <TextsByLanguage
            id="edit-label"
            label={t('forms.field.label')}
            languages={languages}
            value={item.label}
            onValue={(label) => change({ label })}
            multiline
          />
          <TextsByLanguage
            id="edit-hint"
            label={t('forms.field.hint')}
            languages={languages}
            value={item.hint}
            onValue={(hint) => change({ hint })}
          />
          {isQuestion && LISTED.has(item.type) && item.list && (
            <ChoicesEditor form={form} list={item.list} languages={languages} onChange={onChange} />
          )}
          {isQuestion && item.type === 'range' && (
            <div class="editor-row">
              {(['start', 'end', 'step'] as const).map((p) => (
                <TextField
                  key={p}
                  id={`edit-param-${p}`}
                  label={t(`forms.builder.range.${p}`)}
                  inputMode="numeric"
                  value={item.parameters[p] ?? ''}
                  onValue={(v) => change({ parameters: { ...item.parameters, [p]: v } })}
                />
              ))}
            </div>
          )}
          <section class="logic" aria-labelledby="logic-heading">
            <h3 id="logic-heading">{t('forms.builder.logic')}</h3>
            {logic('relevant', 'relevant')}
            {isQuestion && item.type !== 'note' && item.type !== 'calculate' && (
              <>
                {simpleRequired ? (
                  <Checkbox
                    id="edit-required"
                    label={t('forms.builder.mustAnswer')}
                    checked={/^(yes|true)$/i.test(required)}
                    onChecked={(on) => bind('required', on ? 'yes' : '')}
                  />
                ) : (
                  logic('required', 'required')
                )}
                <TextsByLanguage
                  id="edit-required-message"
                  label={t('forms.builder.requiredMessage')}
                  languages={languages}
                  value={item.requiredMessage}
                  onValue={(requiredMessage) => change({ requiredMessage })}
                />
                {logic('constraint', 'constraint')}
                <TextsByLanguage
                  id="edit-constraint-message"
                  label={t('forms.builder.constraintMessage')}
                  languages={languages}
                  value={item.constraintMessage}
                  onValue={(constraintMessage) => change({ constraintMessage })}
                />
              </>
            )}
            {isQuestion && logic('calculation', 'calculate')}
            {isQuestion && logic('default', 'default')}
            {isQuestion && LISTED.has(item.type) && logic('choiceFilter', 'choiceFilter')}
            {!isQuestion && item.kind === 'repeat' && logic('repeatCount', 'repeatCount')}
            {isQuestion && logic('readOnly', 'readOnly')}
            <TextField
              id="edit-appearance"
              label={t('forms.logic.appearance')}
              hint={t('forms.logic.appearance.hint')}
              value={item.bind.appearance ?? ''}
              onValue={(v) => bind('appearance', v)}
              class="expr-input"
              autocapitalize="none"
            />
            {isQuestion && LISTED.has(item.type) && (
              <Checkbox
                id="edit-or-other"
                label={t('forms.builder.orOther')}
                checked={Boolean(item.orOther)}
                onChecked={(on) => change({ orOther: on || undefined } as Partial<SurveyItem>)}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}

function countNames(items: SurveyItem[]): number {
  return items.reduce((n, i) => n + 1 + (i.kind === 'question' ? 0 : countNames(i.children)), 0);
}

function countName(items: SurveyItem[], name: string): number {
  return items.reduce(
    (n, i) => n + (i.name === name ? 1 : 0) + (i.kind === 'question' ? 0 : countName(i.children, name)),
    0,
  );
}
