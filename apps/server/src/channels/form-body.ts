// application/x-www-form-urlencoded bodies as Twilio and Africa's Talking post them. A name may
// repeat (Twilio's MediaUrl0…, repeated keys in signatures), so values are kept as lists.
export type FormFields = Map<string, string[]>;

export function parseForm(body: Buffer | string): FormFields {
  const fields: FormFields = new Map();
  for (const [name, value] of new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))) {
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

export const first = (fields: FormFields, name: string): string | undefined => fields.get(name)?.[0];

export function encodeForm(fields: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}
