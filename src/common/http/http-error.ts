import type { FastifyReply } from 'fastify';

/**
 * Answers a refusal of the HTTP layer (rate limit, body, media type) as GraphQL-shaped JSON with a
 * fixed message and `extensions.code`: never a parser's text or a stack.
 */
export function sendHttpError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}
