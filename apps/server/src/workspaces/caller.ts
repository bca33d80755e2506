import type { Membership, RequestContext } from '../context.ts';
import { forbidden } from '../errors.ts';

/** The registrar guarantees a membership on workspace endpoints; this narrows the type. */
export function callerOf(ctx: RequestContext): Membership {
  const membership = ctx.membership;
  if (!membership) throw forbidden();
  return membership;
}
