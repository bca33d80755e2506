import type { Choice, Form } from '../model.ts';
import { coded, type Problem, problem } from '../problems.ts';
import { checkExpression, referencesInText } from './expression-check.ts';
import type { RawSheet } from './sheets.ts';
import { nameCounts, referenceProblem } from './validate.ts';

/**
 * `${name}` in the settings' instance_name and in choice labels must name a question too,
 * and instance_name must be a valid expression (pyxform turns both into XPath).
 */
export function checkSettingsAndChoices(
  form: Form,
  settingsSheet: RawSheet | undefined,
  choicesSheet: RawSheet | undefined,
  choiceRowOf: Map<Choice, number>,
): Problem[] {
  const problems: Problem[] = [];
  const counts = nameCounts(form);
  const instanceName = form.settings.instanceName;
  if (instanceName && settingsSheet) {
    const column = settingsSheet.headers.find((h) => h.text.toLowerCase() === 'instance_name')?.text ?? null;
    const row = settingsSheet.rows[0]?.row ?? null;
    const checked = checkExpression(instanceName);
    if (checked.error) {
      const { position, message } = checked.error;
      problems.push(
        coded(settingsSheet.name, row, column, 'form.xlsform.expression.syntax', {
          position,
          detail: message,
        }),
      );
    }
    for (const name of checked.references) {
      const message = referenceProblem(name, counts);
      if (message) problems.push(problem(settingsSheet.name, row, column, message));
    }
  }
  if (!choicesSheet) return problems;
  for (const choices of Object.values(form.choices)) {
    for (const choice of choices) {
      // Media columns may name a question too (an image per answer), as pyxform checks.
      for (const [kind, files] of Object.entries(choice.media)) {
        for (const [lang, text] of Object.entries(files ?? {})) {
          for (const name of referencesInText(text)) {
            const message = referenceProblem(name, counts);
            if (!message) continue;
            const header = choicesSheet.headers.find((h) => {
              const t = h.text.toLowerCase().replace(/\s*:+\s*/g, '::');
              const bare = t.replace(/^media::/, '');
              return lang === 'default' ? bare === kind : bare === `${kind}::${lang.toLowerCase()}`;
            });
            problems.push(
              problem(choicesSheet.name, choiceRowOf.get(choice) ?? null, header?.text ?? kind, message),
            );
          }
        }
      }
      for (const [lang, text] of Object.entries(choice.label)) {
        for (const name of referencesInText(text)) {
          const message = referenceProblem(name, counts);
          if (!message) continue;
          const column = lang === 'default' ? 'label' : `label::${lang}`;
          const header = choicesSheet.headers.find(
            (h) => h.text.replace(/\s*:+\s*/, '::').toLowerCase() === column.toLowerCase(),
          );
          problems.push(
            problem(choicesSheet.name, choiceRowOf.get(choice) ?? null, header?.text ?? column, message),
          );
        }
      }
    }
  }
  return problems;
}
