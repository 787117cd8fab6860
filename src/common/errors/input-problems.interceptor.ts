import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, type Observable, throwError } from 'rxjs';
import { DomainError } from './domain-error.js';

/**
 * Makes each problem's path of a refused operation start at its argument, as a client sees it
 * (`["input", "measurements", 2, "value"]`): the validation pipe and the services name fields
 * within the argument they check (`measurements[2].value`), not knowing its name. An operation's
 * own arguments (`filter.gtin`, `followUpIds[1]`) already start there.
 */
@Injectable()
export class InputProblemsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const args = Object.keys(GqlExecutionContext.create(context).getArgs<Record<string, unknown>>());
    return next
      .handle()
      .pipe(
        catchError((error: unknown) => throwError(() => (error instanceof DomainError ? rooted(error, args) : error))),
      );
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
