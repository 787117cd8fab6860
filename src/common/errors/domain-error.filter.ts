import { type ArgumentsHost, Catch } from '@nestjs/common';
import { type GqlExceptionFilter, GqlArgumentsHost } from '@nestjs/graphql';
import { DomainError } from './domain-error.js';

/**
 * Hands domain errors to GraphQL (formatGraphQLError gives them their code), so Nest does not log an
 * expected refusal as a server error, with each problem's path of a refused operation starting at
 * its argument, as a client sees it (`["input", "measurements", 2, "value"]`): the validation pipe
 * and the services name fields within the argument they check (`measurements[2].value`), not knowing
 * its name. An operation's own arguments (`filter.gtin`, `followUpIds[1]`) already start there.
 *
 * A filter runs only when something was thrown (what an interceptor did here before ran an rxjs
 * chain around every root field of every request).
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError {
    if (host.getType<string>() !== 'graphql') return error;
    return rooted(error, Object.keys(GqlArgumentsHost.create(host).getArgs<Record<string, unknown>>() ?? {}));
  }
}

/** The error with its problems' paths starting at an argument: `input` when the path names none. */
function rooted(error: DomainError, args: readonly string[]): DomainError {
  if (error.code !== 'BAD_USER_INPUT' || !error.problems?.length || !args.includes('input')) return error;
  const problems = error.problems.map((p) =>
    typeof p.path[0] === 'string' && args.includes(p.path[0]) ? p : { ...p, path: ['input', ...p.path] },
  );
  const copy = new DomainError(error.code, error.message, error.field, problems);
  copy.stack = error.stack;
  return copy;
}
