import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectionWorld, collectionWorld, household, jpeg, sha256 } from '../test/collection-world.ts';

let world: CollectionWorld;
beforeAll(async () => {
  world = await collectionWorld();
});
afterAll(() => world.server.close());

const withPhoto = (bytes = jpeg, contentType = 'image/jpeg') =>
  household(world, {
    answers: { structure: 'B-7', size: '2', door: 'door.jpg' },
    files: [{ name: 'door.jpg', size: bytes.length, sha256: sha256(bytes), contentType }],
  });
const part = (id: string, offset: number, bytes: Buffer, agent = world.as.coordinator) =>
  agent.put(world.url(`/submissions/${id}/files/door.jpg`), {
    offset,
    contentBase64: bytes.toString('base64'),
  });

describe('submission files', () => {
  it('resume after an interruption without storing any part twice, and count the submission received when all have arrived', async () => {
    const item = withPhoto();
    const stored = await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
    expect(stored.body.outcomes[0]).toMatchObject({ status: 'stored', filesMissing: ['door.jpg'] });
    const first = await part(item.id, 0, jpeg.subarray(0, 1000));
    expect(first.body).toMatchObject({ receivedBytes: 1000, complete: false, submissionComplete: false });
    // The answer was lost and the phone sends the same part again: acknowledged, not stored twice.
    expect((await part(item.id, 0, jpeg.subarray(0, 1000))).body.receivedBytes).toBe(1000);
    // A part that skips ahead is told where to resume.
    const gap = await part(item.id, 2000, jpeg.subarray(2000));
    expect(gap.statusCode).toBe(409);
    expect(gap.body.errors[0]).toMatchObject({ code: 'file.gap', params: { receivedBytes: 1000 } });
    // An overlapping part keeps only the new bytes.
    const overlap = await part(item.id, 500, jpeg.subarray(500, 2500));
    expect(overlap.body.receivedBytes).toBe(2500);
    const progress = await world.as.coordinator.get(world.url(`/submissions/${item.id}/files/door.jpg`));
    expect(progress.body.receivedBytes).toBe(2500);
    const last = await part(item.id, 2500, jpeg.subarray(2500));
    expect(last.body).toMatchObject({ receivedBytes: jpeg.length, complete: true, submissionComplete: true });
    const download = await world.as.coordinator.get(
      world.url(`/submissions/${item.id}/files/door.jpg/content`),
    );
    expect(download.statusCode).toBe(200);
    // Sent part after part as stored (three parts here, one overlapping), never joined first.
    expect(download.headers['content-length']).toBe(String(jpeg.length));
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(download.rawPayload).equals(jpeg)).toBe(true);
    // Resending the submission afterwards says nothing is missing.
    expect(
      (await world.as.coordinator.post(world.url('/submissions'), { items: [item] })).body.outcomes[0],
    ).toMatchObject({ status: 'duplicate', filesMissing: [] });
  });

  it('refuse a damaged file (starting it again) and a file that is not the image it claims to be', async () => {
    const item = withPhoto();
    await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
    const damaged = Buffer.from(jpeg);
    damaged[100] = 0;
    const refused = await part(item.id, 0, damaged);
    expect(refused.statusCode).toBe(422);
    expect(refused.body.code).toBe('file.checksum');
    expect(
      (await world.as.coordinator.get(world.url(`/submissions/${item.id}/files/door.jpg`))).body
        .receivedBytes,
    ).toBe(0);
    expect((await part(item.id, 0, jpeg)).body.complete).toBe(true);

    const text = Buffer.from('<html>not a photo</html>');
    const fake = withPhoto(text);
    await world.as.coordinator.post(world.url('/submissions'), { items: [fake] });
    const notImage = await part(fake.id, 0, text);
    expect(notImage.statusCode).toBe(415);
    expect(notImage.body.code).toBe('file.not_what_it_claims');
  });

  it('keep files to their submission and submitter', async () => {
    const item = withPhoto();
    await world.as.coordinator.post(world.url('/submissions'), { items: [item] });
    expect((await part(item.id, 0, jpeg, world.as.researcher)).statusCode).toBe(404);
    const unknown = await world.as.coordinator.put(world.url(`/submissions/${item.id}/files/other.jpg`), {
      offset: 0,
      contentBase64: jpeg.toString('base64'),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body.errors[0].path).toBe('params.fileName');
    const tooLong = await part(item.id, 0, Buffer.concat([jpeg, Buffer.alloc(10)]));
    expect(tooLong.statusCode).toBe(400);
  });
});
