import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import { FollowUpExportService } from './follow-up-export.service.js';
import { httpPrincipal } from './http-principal.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import's plain HTTP routes, for browsers and tools that send files rather than GraphQL strings. */
@Controller('imports')
export class ImportController {
  constructor(
    private readonly tokens: TokenService,
    private readonly exporter: FollowUpExportService,
  ) {}

  /** The XLSX template: the layout's columns with drop-down lists, and sheets of the substances, requirements and units. */
  @Get('template.xlsx')
  async template(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!(await httpPrincipal(this.tokens, request, reply, Role.READER, 'GET /imports/template.xlsx'))) return;
    const workbook = await this.exporter.template();
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', 'attachment; filename="kemkollen-import-template.xlsx"')
      .header('cache-control', 'no-store')
      .send(workbook);
  }
}
