import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestClient } from './client.ts';

/** Posts a file as a browser would: multipart, with the CSRF token as a field. */
export async function postFile(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  file: { field: string; fileName: string; bytes: Buffer; type?: string },
): Promise<LightMyRequestResponse> {
  const boundary = '----wesaid-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}
