import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors.ts';

describe('logging a failed request', () => {
  it("keeps a database error's code and constraint but never the row values in its detail", async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const app = Fastify({ loggerInstance: log as FastifyBaseLogger });
    installErrorHandling(app);
    app.get('/boom', async () => {
      // The shape of pg's DatabaseError for a CHECK violation on a person's row.
      throw Object.assign(
        new Error('new row for relation "people" violates check constraint "people_name"'),
        {
          code: '23514',
          constraint: 'people_name',
          table: 'people',
          detail: 'Failing row contains (0190…, Thandiwe Mokoena, thandiwe@example.org).',
          parameters: ['Thandiwe Mokoena'],
        },
      );
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('Thandiwe');
    const logged = lines.join('\n');
    expect(logged).toContain('request failed');
    expect(logged).toContain('23514');
    expect(logged).toContain('people_name');
    expect(logged).not.toContain('Thandiwe');
    expect(logged).not.toContain('example.org');
    await app.close();
  });
});
