import { Catch } from '@nestjs/common';
import { type GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from './domain-error.js';

/**
 * Hands domain errors to GraphQL untouched (formatGraphQLError gives them their code), so
 * Nest does not log an expected refusal as a server error.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
