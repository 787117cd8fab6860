import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit-log/audit-log.module.js';
import { ImportModule } from '../import/import.module.js';
import { NodesResolver } from './nodes.resolver.js';
import { NodesService } from './nodes.service.js';

/** `node(id)`, `nodes(ids)` and the `Node` interface. */
@Module({
  imports: [AuditLogModule, ImportModule],
  providers: [NodesResolver, NodesService],
})
export class NodesModule {}
