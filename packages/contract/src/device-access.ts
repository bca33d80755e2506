import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { IdSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { PageQuerySchema, pageOf } from './page.ts';
import { nameText } from './text.ts';
import { WorkspaceParamsSchema } from './workspaces.ts';

/**
 * A device access lets a phone running ODK Collect or KoboCollect fetch chosen forms and send
 * submissions without an account: a named, revocable secret carried in the server URL (as ODK
 * Central's app users are). It always names the person who answers for the phone.
 */
export const DeviceAccessSchema = z.object({
  id: IdSchema,
  name: z.string(),
  personId: IdSchema,
  formIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export type DeviceAccess = z.infer<typeof DeviceAccessSchema>;
export const DeviceAccessListSchema = pageOf(DeviceAccessSchema);

export const CreateDeviceAccessInputSchema = z.strictObject({
  name: nameText(limits.nameLength),
  personId: IdSchema,
  formIds: z.array(IdSchema).min(1).max(limits.deviceAccessFormsMax),
});
export const CreatedDeviceAccessSchema = z.object({
  access: DeviceAccessSchema,
  serverUrl: z.string().describe('shown once: the URL Collect uses, with the secret in its path'),
  collectSettings: z
    .string()
    .describe("shown once: ODK Collect's settings as base64(zlib(JSON)), the text of its QR code"),
});
export const DeviceAccessParamsSchema = z.object({ workspaceId: IdSchema, deviceAccessId: IdSchema });

const ws = '/api/workspaces/:workspaceId';
const base = { tag: 'collection', access: 'workspace' } as const;

export const deviceAccessEndpoints = {
  listDeviceAccess: endpoint({
    ...base,
    id: 'listDeviceAccess',
    method: 'GET',
    path: `${ws}/device-access`,
    status: 200,
    summary: 'Phones that collect with ODK Collect without an account (coordinators)',
    params: WorkspaceParamsSchema,
    query: PageQuerySchema,
    response: DeviceAccessListSchema,
  }),
  createDeviceAccess: endpoint({
    ...base,
    id: 'createDeviceAccess',
    method: 'POST',
    path: `${ws}/device-access`,
    status: 201,
    summary: 'Let a phone collect chosen forms with ODK Collect: its URL and QR settings, shown once',
    params: WorkspaceParamsSchema,
    body: CreateDeviceAccessInputSchema,
    response: CreatedDeviceAccessSchema,
  }),
  revokeDeviceAccess: endpoint({
    ...base,
    id: 'revokeDeviceAccess',
    method: 'DELETE',
    path: `${ws}/device-access/:deviceAccessId`,
    status: 204,
    summary: 'Stop a phone at once: its next request is refused',
    params: DeviceAccessParamsSchema,
  }),
} as const;
