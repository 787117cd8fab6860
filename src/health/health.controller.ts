import { Controller, Get, HttpException, HttpStatus, Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { PUB_SUB } from '../events/event-log.service.js';
import { pubSubHealth } from '../events/pub-sub.factory.js';

/** Liveness and readiness for load balancers and orchestration. Public: no data in them. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      if (pending) throw new Error('migrations pending');
      // Redis (when configured) is reported but does not make the instance unready: while it is down,
      // subscribers still get every event from the log by polling, only later.
      return { status: 'ok', database: this.dataSource.options.type, ...pubSubHealth(this.pubSub) };
    } catch (error) {
      // The driver's message (host, port, file path) is logged, never answered: the endpoint is public.
      const reason = (error as Error).message === 'migrations pending' ? 'migrations pending' : 'database unreachable';
      if (reason !== 'migrations pending') new Logger('Health').warn(`not ready: ${(error as Error).message}`);
      throw new HttpException({ status: 'unavailable', reason }, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
