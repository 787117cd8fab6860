import { DomainError, fieldOf, type InputProblem, pathOf } from './domain-error.js';

/**
 * The problems of an input's independent checks, gathered so that a refusal lists every one
 * (`extensions.problems`) instead of one per try: each check runs, a BAD_USER_INPUT it throws is
 * kept, anything else (NOT_FOUND, FORBIDDEN, a database error) passes through at once.
 */
export class InputProblems {
  private readonly problems: InputProblem[] = [];
  private readonly messages: string[] = [];

  /** Runs a check; its answer, or undefined when it refused the input (the problem is kept). */
  async check<T>(run: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
      this.messages.push(error.message);
      this.problems.push(...(error.problems ?? [{ path: pathOf(error.field ?? ''), reason: error.message }]));
      return undefined;
    }
  }

  /** BAD_USER_INPUT listing every problem kept, if any. */
  throwIfAny(): void {
    if (!this.problems.length) return;
    throw new DomainError('BAD_USER_INPUT', this.messages.join('; '), fieldOf(this.problems[0]!.path), this.problems);
  }
}
