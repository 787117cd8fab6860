import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { Role, roleAtLeast } from '../auth/role.js';
import type { RequestAuthenticator } from '../sign-in/request-authenticator.js';
import { sendHttpError } from '../common/http/http-error.js';

/**
 * The principal of a plain HTTP route (the import's upload and template), by the same bearer token
 * or session cookie (RequestAuthenticator, as /graphql) and role rule as GraphQL's `@Allow`: no token or a bad one answers 401 UNAUTHENTICATED, a role too
 * low 403 FORBIDDEN, as GraphQL-shaped JSON. Returns null when it has answered.
 */
export async function httpPrincipal(
  requests: RequestAuthenticator,
  request: FastifyRequest,
  reply: FastifyReply,
  role: Role,
  operation: string,
): Promise<Principal | null> {
  const auth = await requests.authenticate(request.headers, request.protocol === 'https');
  if (auth.error) {
    void sendHttpError(reply, 401, 'UNAUTHENTICATED', `Authorization refused: ${auth.error}`);
    return null;
  }
  if (!auth.principal) {
    void sendHttpError(
      reply,
      401,
      'UNAUTHENTICATED',
      `${operation} needs a token: send "Authorization: Bearer <token>"`,
    );
    return null;
  }
  if (!roleAtLeast(auth.principal.role, role)) {
    void sendHttpError(
      reply,
      403,
      'FORBIDDEN',
      `${operation} needs the role ${role}; your token has ${auth.principal.role}`,
    );
    return null;
  }
  return auth.principal;
}
