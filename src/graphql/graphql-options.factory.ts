import { type ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Injectable } from '@nestjs/common';
import { type GqlOptionsFactory } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { formatGraphQLError } from '../common/errors/format-error.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { Loaders } from '../common/loaders.js';

/**
 * Apollo Server options. The schema is built from the code and kept in memory: the app never
 * writes files at start. schema/schema.graphql is written by `npm run schema:generate` (see
 * schema-file.ts) and checked against the code by test/schema.e2e-spec.ts.
 */
@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  createGqlOptions(): Omit<ApolloDriverConfig, 'driver'> {
    return {
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      introspection: true,
      graphiql: !this.config.production,
      includeStacktraceInErrorResponses: false,
      formatError: formatGraphQLError,
      fieldResolverEnhancers: ['guards'],
      context: async ({ req }: { req: GraphQLContext['req'] & { headers: Record<string, string | undefined> } }): Promise<GraphQLContext> => ({
        req,
        auth: await this.tokens.authenticate(req?.headers?.authorization),
        loaders: new Loaders(this.dataSource),
      }),
    };
  }
}
