import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../auth/role.js';
import { RequestAuthenticator } from '../sign-in/request-authenticator.js';
import { DomainError, type ErrorCode } from '../common/errors/domain-error.js';
import { sendHttpError } from '../common/http/http-error.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { isOneOf, ON_EXISTING, orList, type OnExisting } from '../vocabulary/vocabulary.js';
import { FollowUpExportService } from './follow-up-export.service.js';
import { FollowUpImportService } from './follow-up-import.service.js';
import { httpPrincipal } from './http-principal.js';
import { ImportJobsService } from './import-jobs.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIELDS = ['dryRun', 'onExisting', 'sheet', 'background'] as const;
const STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The form of POST /imports, checked. */
interface UploadForm {
  bytes: Buffer;
  fileName: string | null;
  dryRun: boolean;
  onExisting: OnExisting;
  sheet: string | null;
  background: boolean | null;
}

/**
 * The import's plain HTTP routes, for the web app and tools that send files rather than GraphQL
 * strings: the upload (multipart, through @fastify/multipart) and the template.
 */
@Controller('imports')
export class ImportController {
  constructor(
    private readonly requests: RequestAuthenticator,
    private readonly importer: FollowUpImportService,
    private readonly jobs: ImportJobsService,
    private readonly exporter: FollowUpExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `POST /imports`, multipart/form-data: the file (CSV or XLSX) in the field `file`; optional
   * fields `dryRun` (true|false), `onExisting` (SKIP|UPDATE|REJECT), `sheet` and `background`
   * (true|false; by default a file larger than IMPORT_JOB_KB runs in the background). Answers what
   * importFollowUps answers (200), or, in the background, `{ job }` (202) to follow with importJob
   * or importProgress. Refusals are GraphQL-shaped JSON with extensions.code.
   */
  @Post()
  async upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const principal = await httpPrincipal(this.requests, request, reply, Role.CONTACT_PERSON, 'POST /imports');
    if (!principal) return;
    const form = await this.form(request, reply);
    if (!form) return;
    const background = form.background ?? form.bytes.length > this.config.importJobBytes;
    try {
      if (background) {
        const job = await this.jobs.start(form.bytes, principal, form);
        await reply.code(202).send({ job: { ...job, errors: [] } });
        return;
      }
      await reply.code(200).send(await this.importer.importFile(form.bytes, { principal }, form));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await sendHttpError(reply, STATUS_OF[error.code], error.code, error.message);
    }
  }

  /** The XLSX template: the layout's columns with drop-down lists, and sheets of the substances, requirements and units. */
  @Get('template.xlsx')
  async template(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!(await httpPrincipal(this.requests, request, reply, Role.READER, 'GET /imports/template.xlsx'))) return;
    const workbook = await this.exporter.template();
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', 'attachment; filename="kemkollen-import-template.xlsx"')
      .header('cache-control', 'no-store')
      .send(workbook);
  }

  /** Reads and checks the multipart form; answers the refusal itself and returns null when it is not acceptable. */
  private async form(request: FastifyRequest, reply: FastifyReply): Promise<UploadForm | null> {
    const refuse = (status: number, code: string, message: string) => {
      void sendHttpError(reply, status, code, message);
      return null;
    };
    if (!request.isMultipart())
      return refuse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'POST /imports takes multipart/form-data with the file in the field "file"',
      );
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; name: string | null } | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname !== 'file')
            return refuse(400, 'BAD_USER_INPUT', `${part.fieldname}: the file goes in the field "file"`);
          if (file) return refuse(400, 'BAD_USER_INPUT', 'file: one file per upload');
          file = { bytes, name: part.filename || null };
        } else {
          if (!(FIELDS as readonly string[]).includes(part.fieldname))
            return refuse(
              400,
              'BAD_USER_INPUT',
              `${part.fieldname}: unknown field; the fields are file, ${FIELDS.join(', ')}`,
            );
          fields[part.fieldname] = String(part.value).trim();
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE')
        return refuse(
          413,
          'PAYLOAD_TOO_LARGE',
          `file: larger than the ${this.config.importMaxBytes} bytes an upload may have (IMPORT_MAX_MB)`,
        );
      if (code === 'FST_FILES_LIMIT') return refuse(400, 'BAD_USER_INPUT', 'file: one file per upload');
      if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
        return refuse(400, 'BAD_USER_INPUT', `too many fields; the fields are file, ${FIELDS.join(', ')}`);
      return refuse(400, 'BAD_REQUEST', 'The multipart body could not be read');
    }
    if (!file) return refuse(400, 'BAD_USER_INPUT', 'file: required: the CSV or XLSX file, in the field "file"');
    if (!file.bytes.length) return refuse(400, 'BAD_USER_INPUT', 'file: the file is empty');
    const flag = (name: 'dryRun' | 'background'): boolean | null | undefined => {
      const v = fields[name]?.toLowerCase();
      if (v === undefined || v === '') return null;
      if (v === 'true' || v === 'false') return v === 'true';
      return undefined;
    };
    const dryRun = flag('dryRun');
    const background = flag('background');
    const onExisting = (fields.onExisting || 'REJECT').toUpperCase();
    if (dryRun === undefined) return refuse(400, 'BAD_USER_INPUT', `dryRun: "${fields.dryRun}": must be true or false`);
    if (background === undefined)
      return refuse(400, 'BAD_USER_INPUT', `background: "${fields.background}": must be true or false`);
    if (!isOneOf(ON_EXISTING, onExisting))
      return refuse(400, 'BAD_USER_INPUT', `onExisting: "${fields.onExisting}": must be ${orList(ON_EXISTING)}`);
    return {
      bytes: file.bytes,
      fileName: file.name?.slice(0, 300) ?? null,
      dryRun: dryRun ?? false,
      onExisting,
      sheet: fields.sheet || null,
      background,
    };
  }
}
