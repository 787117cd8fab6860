import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { ReadModule } from './read/read.module.js';
import { TransactionService } from './transaction.service.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Outside production fail fast on an unreachable database instead of retrying for half a minute.
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config),
        retryAttempts: config.production ? 9 : 0,
      }),
    }),
    ReadModule,
  ],
  providers: [TransactionService],
  exports: [TransactionService],
})
export class DatabaseModule {}
