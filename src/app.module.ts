import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { SignInModule } from './sign-in/sign-in.module.js';
import { ConfigModule } from './config/config.module.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AuditLogModule } from './audit-log/audit-log.module.js';
import { NodesModule } from './nodes/nodes.module.js';
import { EventsModule } from './events/events.module.js';
import { FollowUpEventsModule } from './follow-up-events/follow-up-events.module.js';
import { FollowUpsModule } from './follow-ups/follow-ups.module.js';
import { FocusAreasModule } from './focus-areas/focus-areas.module.js';
import { GraphQLOptionsFactory } from './graphql/graphql-options.factory.js';
import { HealthModule } from './health/health.module.js';
import { ImportModule } from './import/import.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { ProductsModule } from './products/products.module.js';
import { RequirementsModule } from './requirements/requirements.module.js';
import { SeedingModule } from './seeding/seeding.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { SubstancesModule } from './substances/substances.module.js';
import { SuppliersModule } from './suppliers/suppliers.module.js';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuthModule,
    SignInModule,
    EventsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useClass: GraphQLOptionsFactory }),
    OrganisationsModule,
    DelegationsModule,
    SuppliersModule,
    ProductsModule,
    SubstancesModule,
    RequirementsModule,
    ContractsModule,
    FollowUpsModule,
    AssessmentsModule,
    ImportModule,
    FollowUpEventsModule,
    StatisticsModule,
    AuditLogModule,
    NotificationsModule,
    FocusAreasModule,
    NodesModule,
    SeedingModule,
    HealthModule,
  ],
})
export class AppModule {}
