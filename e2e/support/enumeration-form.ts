// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
// The enumeration form of the end-to-end check (issue #8): one form that numbers a structure and,
// when someone is home, enumerates its households and their members with the household's consent.
// Its records are declared as XLSForm's entities sheet and save_to column declare them (ODK
// entities): the structure group saves to `structures`, the household repeat to `households`, and
// the member repeat inside it to `household_members`.
import type { Form, SurveyItem } from '@coproduce/forms';
import { form, group, question } from '../../apps/server/src/test/form-models.ts';

const label = (text: string) => ({ default: text });
const saved = (name: string, type: string, text: string, saveTo: string, list?: string) =>
  question(name, type, label(text), { saveTo, ...(list ? { list } : {}) });
const repeat = (name: string, text: string, children: SurveyItem[]): SurveyItem => ({
  ...question(name, 'begin_repeat', label(text)),
  kind: 'repeat',
  children,
});
const choices = (pairs: Array<[string, string]>) =>
  pairs.map(([name, text]) => ({ name, label: label(text), media: {}, extra: {} }));

export const enumerationTitle = 'Numbering and enumeration';

export function enumerationForm(): Form {
  const model = form(
    [
      group('structure', label('Structure'), [
        question('painted_number', 'text', label('Painted number'), {
          saveTo: 'structures#number',
          bind: { required: 'yes' },
        }),
        saved('section', 'text', 'Section code', 'structures#section'),
        saved('location', 'geopoint', 'Where the structure is', 'structures#point'),
        saved('rooms', 'integer', 'Rooms', 'structures#rooms'),
        saved('door', 'image', 'Photo of the door', 'structures#photo'),
      ]),
      repeat('household', 'Household', [
        saved('size', 'integer', 'People in the household', 'households#size_stated'),
        saved('consent_method', 'select_one', 'How consent was given', 'households#consent_method', 'method'),
        saved('consent_given_by', 'select_one', 'Who gave consent', 'households#consent_given_by', 'giver'),
        saved('consent_notice', 'text', 'Consent notice version', 'households#consent_notice'),
        saved('consent_language', 'text', 'Language of the notice', 'households#consent_language'),
        saved(
          'consent_purposes',
          'select_multiple',
          'What the household agreed to',
          'households#consent_purposes',
          'purpose',
        ),
        repeat('member', 'Member', [
          // No range on the form: the record's own check (0–130) is what refuses a wrong age.
          saved('age', 'integer', 'Age', 'household_members#age'),
          saved('sex', 'select_one', 'Sex', 'household_members#sex', 'sex'),
        ]),
      ]),
    ],
    {
      method: choices([
        ['signed', 'Signed'],
        ['verbal_witnessed', 'Said aloud, with a witness'],
        ['thumbprint', 'Thumbprint'],
      ]),
      giver: choices([
        ['self', 'The person themselves'],
        ['proxy', 'Someone on their behalf'],
      ]),
      purpose: choices([
        ['community_planning', 'Community planning'],
        ['municipality_aggregates', 'Totals shared with the municipality'],
        ['housing_list', 'Household record for the housing list'],
        ['photos', 'Photos'],
        ['recontact', 'Being contacted again'],
      ]),
      sex: choices([
        ['female', 'Female'],
        ['male', 'Male'],
        ['other', 'Other'],
      ]),
    },
    'numbering_enumeration',
  );
  model.settings.formTitle = enumerationTitle;
  return {
    ...model,
    entities: [
      { list: 'structures', label: '${painted_number}', extra: {} },
      { list: 'households', label: "concat('Household of ', ${size})", extra: {} },
      { list: 'household_members', label: "concat('Member aged ', ${age})", extra: {} },
    ],
  };
}
