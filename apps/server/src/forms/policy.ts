import type { FormAbilities, Role } from '@coproduce/contract';

/**
 * Who may do what with questionnaires (pure, deny by default). A form in another workspace never
 * reaches these functions: queries filter by workspace, so it is a 404 before any policy.
 */
export const formActions = [
  'create',
  'edit',
  'publish',
  'archive',
  'readDraft',
  'readPublished',
  'comment',
  'decide',
] as const;
export type FormAction = (typeof formActions)[number];

const grants: Record<Role, readonly FormAction[]> = {
  coordinator: ['create', 'edit', 'publish', 'archive', 'readDraft', 'readPublished', 'comment', 'decide'],
  staff: ['create', 'edit', 'publish', 'archive', 'readDraft', 'readPublished', 'comment'],
  researcher: ['readDraft', 'readPublished', 'comment'],
  member: ['readDraft', 'readPublished', 'comment'],
  partner: ['readPublished'],
};

export function can(role: Role, action: FormAction): boolean {
  return grants[role]?.includes(action) ?? false;
}

/** Whether the form exists at all for this role: partners only see forms with a published version. */
export function canSeeForm(role: Role, form: { latestVersionId: string | null }): boolean {
  return can(role, 'readDraft') || (can(role, 'readPublished') && form.latestVersionId !== null);
}

/** A thread is closed by a coordinator, or by the person who opened it. */
export function canResolve(role: Role, isAuthor: boolean): boolean {
  return can(role, 'decide') || (isAuthor && can(role, 'comment'));
}

export function formAbilities(role: Role, archived: boolean): FormAbilities {
  const live = (action: FormAction) => can(role, action) && !archived;
  return {
    readDraft: can(role, 'readDraft'),
    edit: live('edit'),
    publish: live('publish'),
    archive: live('archive'),
    comment: live('comment'),
    decide: live('decide'),
  };
}

export function threadAbilities(role: Role, isAuthor: boolean, open: boolean, isSuggestion: boolean) {
  return {
    reply: can(role, 'comment'),
    resolve: open && canResolve(role, isAuthor),
    decide: open && isSuggestion && can(role, 'decide'),
  };
}
