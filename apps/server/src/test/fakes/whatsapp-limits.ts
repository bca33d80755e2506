// What the fake Graph API refuses with 131009, written from Meta's documented limits for text and
// interactive messages, so a render that breaks them fails in tests as it would against Meta.
const len = (value: unknown) => (typeof value === 'string' ? [...value].length : -1);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkIds(ids: unknown[], max: number, what: string): string | undefined {
  if (ids.some((id) => len(id) < 1 || len(id) > max)) return `${what} id must be 1 to ${max} characters`;
  if (new Set(ids).size !== ids.length) return `${what} ids must be unique`;
  return undefined;
}

export function checkWhatsAppPayload(body: Record<string, unknown>): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (typeof body.to !== 'string' && typeof body.recipient !== 'string') return 'to or recipient is required';
  if (body.type === 'text') {
    const text = isObject(body.text) ? body.text.body : undefined;
    return len(text) >= 1 && len(text) <= 4096 ? undefined : 'text.body must be 1 to 4096 characters';
  }
  if (body.type === 'template') {
    const template = body.template;
    if (!isObject(template) || len(template.name) < 1) return 'template.name is required';
    return isObject(template.language) && len(template.language.code) >= 2
      ? undefined
      : 'template.language.code is required';
  }
  if (body.type !== 'interactive' || !isObject(body.interactive))
    return `type ${String(body.type)} is not supported here`;
  const interactive = body.interactive;
  const text = isObject(interactive.body) ? interactive.body.text : undefined;
  if (len(text) < 1 || len(text) > 1024) return 'interactive.body.text must be 1 to 1024 characters';
  const action = isObject(interactive.action) ? interactive.action : {};
  if (interactive.type === 'button') {
    const buttons = Array.isArray(action.buttons) ? action.buttons : [];
    if (buttons.length < 1 || buttons.length > 3) return 'a button message has 1 to 3 buttons';
    const replies = buttons.map((b) => (isObject(b) && isObject(b.reply) ? b.reply : {}));
    if (replies.some((r) => len(r.title) < 1 || len(r.title) > 20))
      return 'button titles are 1 to 20 characters';
    return checkIds(
      replies.map((r) => r.id),
      256,
      'button',
    );
  }
  if (interactive.type === 'list') {
    if (len(action.button) < 1 || len(action.button) > 20)
      return 'the list button label is 1 to 20 characters';
    const sections = Array.isArray(action.sections) ? action.sections : [];
    if (sections.length < 1 || sections.length > 10) return 'a list has 1 to 10 sections';
    const rows = sections.flatMap((s) => (isObject(s) && Array.isArray(s.rows) ? s.rows : []));
    if (rows.length < 1 || rows.length > 10) return 'a list has 1 to 10 rows in all';
    const items = rows.map((r) => (isObject(r) ? r : {}));
    if (items.some((r) => len(r.title) < 1 || len(r.title) > 24)) return 'row titles are 1 to 24 characters';
    if (items.some((r) => r.description !== undefined && len(r.description) > 72))
      return 'row descriptions are at most 72 characters';
    return checkIds(
      items.map((r) => r.id),
      200,
      'row',
    );
  }
  return `interactive type ${String(interactive.type)} is not supported here`;
}
