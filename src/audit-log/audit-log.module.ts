import { Module } from '@nestjs/common';
import { AuditLogResolver } from './audit-log.resolver.js';
import { AuditLogService } from './audit-log.service.js';

/** `auditLog`: the event log read back for ADMINs. */
@Module({ providers: [AuditLogResolver, AuditLogService], exports: [AuditLogService] })
export class AuditLogModule {}
