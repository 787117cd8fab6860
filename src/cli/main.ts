#!/usr/bin/env node
import 'reflect-metadata';
import { type INestApplicationContext, type LoggerService, type LogLevel } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataSource } from 'typeorm';
import type { CreateTokenInput, TokenAdminService, TokenSummary } from '../auth/token-admin.service.js';
import { loadConfig } from '../config/configuration.js';
import { isOneOf, ON_EXISTING, orList, ROLES } from '../vocabulary/vocabulary.js';

/**
 * The operator's command line: `node dist/cli/main.js <command>` (see the npm scripts).
 * It boots the application as a Nest application context (no HTTP server, no seeding on start),
 * so the database, migrations and services are exactly those the server uses.
 *
 * The application is imported only once a command has parsed, so usage errors answer at once.
 */
const loadNest = () => import('@nestjs/core');
const loadAppModule = () => import('../app.module.js');

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  seed [--no-demo]            Run the migrations and load the reference data, and the demo
                              data unless --no-demo (never in production). Safe to repeat.
  migrate                     Run pending migrations and list the applied ones.
  schema                      Write schema/schema.graphql from the code.
  token create --organisation <code> --role <role> --name <name>
               [--email <address>] [--expires <YYYY-MM-DD | ISO date-time with zone>] [--client]
                              Create a principal (a member, or an API client with --client)
                              and issue a token for it. The token is shown once.
  token create --member <email> --role <role> [--organisation <code>] [--name <name>] [--expires …]
                              A token for the existing member with this e-mail address (any
                              case); when there is none, the member is created (then
                              --organisation and --name are needed).
  token revoke <tokenId>      Revoke a token.
  organisation create --code <code> --name <name> --kind <REGION|MUNICIPALITY|OTHER>
               [--number <organisationsnummer>] [--county <code>]
                              Create a member organisation (a power of the operator; through the
                              API only an ADMIN of OPERATOR_ORGANISATION has it).
  token list [--organisation <code>]
                              List tokens (never their secrets).
  import <file> [--organisation <code>] [--dry-run] [--on-existing SKIP|UPDATE|REJECT]
               [--sheet <name>]
                              Import follow-ups with measurements from a CSV or XLSX file
                              (layout in the README; CSV with , or ; and decimal points or
                              commas, UTF-8 or Windows-1252; XLSX: the first sheet or
                              --sheet): all or nothing; every bad row is listed. Rows
                              without an organisation are for --organisation. Repeatable:
                              follow-ups already stored are UNCHANGED; a CHANGED one is
                              refused (REJECT, the default), left (SKIP) or updated (UPDATE).
  template [<file.xlsx>]      Write the XLSX import template: the columns with drop-down lists
                              (methods, statuses, units…) and sheets of the registry's
                              substances, requirements and units.
  generate --scale <n> [--seed <n>] [--demo]
                              Load the reference data and generate a registry: at scale 1,
                              50 organisations, 2,000 suppliers, 20,000 products, 100,000
                              follow-ups, 500,000 measurements. Into an empty database.
  backup <file>               SQLite only: an online, consistent copy of the database into a new
                              file (safe while the server runs), checked with integrity_check.
  restore <backup>            SQLite only: replace the database with a backup (checked first);
                              refused while the server or anything else has the database open.
                              The replaced file is kept beside it. PostgreSQL: see the README
                              (pg_dump / pg_restore).
  organisations               List the organisations: code, name and kind.
  identity-provider add --organisation <code> --issuer <url> --client-id <id> --role-claim <claim>
               --map <claim value>=<ROLE> [--map …] [--scopes "<scope> …"] [--subject-claim sub|email]
                              Let the organisation's people sign in through its OpenID Connect
                              provider. The client secret is read from IDP_CLIENT_SECRET (never
                              from the command line) and stored encrypted with IDP_SECRET_KEY.
  identity-provider update <id> [the options of add, each optional; --map replaces the mapping]
  identity-provider remove <id>
                              Remove it and end the sessions opened through it.
  identity-provider list [--organisation <code>]
                              List the identity providers (never their client secrets).

Roles: ${ROLES.join(', ')} (in any case).
Every command takes --help. Exit codes: 0 done, 1 failed, 2 bad command line or value.
The database is the one the server uses: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite).`;

/** Bad command line: a plain sentence on stderr and the exit code 2. */
class UsageError extends Error {}
/** `--help`, `-h` or `help`, anywhere: the usage on stdout and the exit code 0. */
class HelpRequested extends Error {}

/** node:util parseArgs's messages, as a sentence about this command line. */
function usageMessage(error: Error & { code?: string }): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) || !option
        ? `${option ?? 'an option'} needs a value`
        : `${option} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}`.trim();
    default:
      return error.message;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses one command's arguments strictly: unknown options and extra positionals are usage errors. */
function parse<O extends Options>(args: string[], options: O, positionals: string[]) {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested();
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error));
  }
  if (parsed.positionals.length !== positionals.length) {
    throw new UsageError(
      positionals.length
        ? `expected ${positionals.map((p) => `<${p}>`).join(' ')}`
        : `unexpected argument "${parsed.positionals[0]}"`,
    );
  }
  return {
    values: parsed.values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string },
    positionals: parsed.positionals,
  };
}

/** A file the command reads: one that is not there is a usage error (a plain sentence, exit 2), not a stack trace. */
function readable(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (!stats.isFile()) throw new UsageError(`${file}: not a file`);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`--${flag} is required`);
  return value;
}

/**
 * Nest and TypeORM log through this: one line per message on stderr, no stack traces. Errors the
 * command fails with are printed once by `run`, so the ExceptionHandler's copy is dropped.
 */
class CliLogger implements LoggerService {
  constructor(private readonly levels: LogLevel[]) {}
  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]) {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : '';
    if (!this.levels.includes(level) || context === 'ExceptionHandler') return;
    const text =
      message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    process.stderr.write(`[${level}]${context ? ` ${context}:` : ''} ${text.split('\n')[0]}\n`);
  }
}

/** Warnings and errors by default; LOG_LEVEL=log (or debug, verbose) shows Nest's start-up lines too. */
function logLevels(): LogLevel[] {
  const all: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
  const chosen = process.env.LOG_LEVEL ? loadConfig().logLevel : 'warn';
  return all.slice(0, all.indexOf(chosen) + 1);
}

async function withContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const [{ NestFactory }, { AppModule }] = await Promise.all([loadNest(), loadAppModule()]);
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new CliLogger(logLevels()),
    abortOnError: false,
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function seed(args: string[]): Promise<void> {
  const { values } = parse(args, { 'no-demo': { type: 'boolean' } }, []);
  const demo = values['no-demo'] ? false : loadConfig().demoData;
  const report = await withContext(async (app) => {
    const { SeedService } = await import('../seeding/seed.service.js');
    return app.get(SeedService).seed({ demo });
  });
  const rows = Object.entries(report.inserted);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  console.log(`Seeded reference data${demo ? ' and demo data' : ''}; inserted:`);
  const width = Math.max(...rows.map(([what]) => what.length));
  for (const [what, n] of rows) console.log(`  ${what.padEnd(width)}  ${n}`);
  console.log(total === 0 ? 'Nothing new: every record was already there.' : `${total} records inserted.`);
}

async function migrate(args: string[]): Promise<void> {
  parse(args, {}, []);
  await withContext(async (app) => {
    const [{ getDataSourceToken }, { MIGRATIONS }] = await Promise.all([
      import('@nestjs/typeorm'),
      import('../database/migrations/index.js'),
    ]);
    // The data source runs pending migrations when it starts (migrationsRun), so they have run by now.
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const applied = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
    const pending = await dataSource.showMigrations();
    const { type, database, schema } = dataSource.options as { type: string; database?: unknown; schema?: string };
    console.log(
      `Database: ${type === 'postgres' ? `PostgreSQL${schema ? `, schema ${schema}` : ''}` : `SQLite ${String(database)}`}`,
    );
    console.log(`Applied migrations (${applied.length} of ${MIGRATIONS.length}):`);
    for (const m of applied) console.log(`  ${m.name}`);
    if (pending) throw new Error('some migrations are still pending');
  });
}

async function schema(args: string[]): Promise<void> {
  parse(args, {}, []);
  // The schema comes from the code alone: build it on a throw-away SQLite file, so generating it
  // neither needs the real database nor migrates it.
  const dir = mkdtempSync(join(tmpdir(), 'kemkollen-schema-'));
  delete process.env.DATABASE_URL;
  process.env.DATABASE_PATH = join(dir, 'schema.sqlite');
  process.env.DEMO_DATA = 'false';
  const { renderSchema, SCHEMA_FILE } = await import('../graphql/schema-file.js');
  try {
    const text = renderSchema(await withContext(builtSchema));
    const before = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : null;
    if (before !== text) writeFileSync(SCHEMA_FILE, text);
    console.log(`${relative(process.cwd(), SCHEMA_FILE) || SCHEMA_FILE}: ${before === text ? 'unchanged' : 'written'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * GraphQLModule builds the schema in onModuleInit, which an application context runs too; should a
 * later version build it only with an HTTP adapter, fall back to a full app that is initialised
 * but never listens.
 */
async function builtSchema(context: INestApplicationContext): Promise<GraphQLSchema> {
  const { GraphQLSchemaHost } = await import('@nestjs/graphql');
  try {
    return context.get(GraphQLSchemaHost).schema;
  } catch {
    const [{ NestFactory }, { AppModule }] = await Promise.all([loadNest(), loadAppModule()]);
    const app = await NestFactory.create(AppModule, { logger: new CliLogger(logLevels()), abortOnError: false });
    try {
      await app.init();
      return app.get(GraphQLSchemaHost).schema;
    } finally {
      await app.close();
    }
  }
}

async function token(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  /** Runs `work` with the token administration service of a booted application context. */
  const withTokens = <T>(work: (service: TokenAdminService) => Promise<T>) =>
    withContext(async (app) => work(app.get((await import('../auth/token-admin.service.js')).TokenAdminService)));
  switch (sub) {
    case 'create': {
      const { values } = parse(
        rest,
        {
          organisation: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          expires: { type: 'string' },
          client: { type: 'boolean' },
          member: { type: 'string' },
        },
        [],
      );
      const role = required(values.role, 'role').toUpperCase();
      if (!isOneOf(ROLES, role))
        throw new UsageError(`--role "${values.role}": must be one of ${ROLES.join(', ')} (in any case)`);
      if (values.member && values.client) throw new UsageError('--member is a person: it does not go with --client');
      if (values.member && values.email) throw new UsageError('--member is the e-mail address: leave out --email');
      const input: CreateTokenInput = {
        // With --member the organisation and name come from the member found (and are needed only to create one).
        organisationCode: values.member ? (values.organisation ?? '') : required(values.organisation, 'organisation'),
        role,
        name: values.member ? (values.name ?? '') : required(values.name, 'name'),
        email: values.email ?? null,
        member: values.member ?? null,
        expiresAt: values.expires ?? null,
        kind: values.client ? 'API_CLIENT' : 'MEMBER',
      };
      const { token: secret, summary } = await withTokens((tokens) => tokens.create(input));
      console.log(
        `Token created for ${summary.principalName} (${summary.principalKind}) in ${summary.organisationCode}, role ${summary.role}.`,
      );
      console.log(`  id:      ${summary.id}`);
      console.log(`  expires: ${summary.expiresAt ?? 'never'}`);
      console.log(`  token:   ${secret}`);
      console.log('Copy the token now: it is shown only this once and is not stored (only its SHA-256 hash is).');
      return;
    }
    case 'revoke': {
      const { positionals } = parse(rest, {}, ['tokenId']);
      const summary = await withTokens((tokens) => tokens.revoke(positionals[0]!));
      console.log(
        `Token ${summary.id} (${summary.prefix}…, ${summary.principalName}, ${summary.organisationCode}) revoked at ${summary.revokedAt}.`,
      );
      return;
    }
    case 'list': {
      const { values } = parse(rest, { organisation: { type: 'string' } }, []);
      printTokens(await withTokens((tokens) => tokens.list({ organisationCode: values.organisation })));
      return;
    }
    case '--help':
    case '-h':
    case 'help':
      throw new HelpRequested();
    case undefined:
      throw new UsageError('token needs a command: create, revoke or list');
    default:
      throw new UsageError(`unknown token command "${sub}"`);
  }
}

async function organisation(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new UsageError(
      sub && !['--help', '-h'].includes(sub)
        ? `unknown organisation command "${sub}"`
        : 'organisation needs a command: create',
    );
  const { values } = parse(
    rest,
    {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      number: { type: 'string' },
      county: { type: 'string' },
    },
    [],
  );
  const input = {
    code: required(values.code, 'code'),
    name: required(values.name, 'name'),
    kind: required(values.kind, 'kind'),
    organisationNumber: values.number ?? null,
    countyCode: values.county ?? null,
  };
  const created = await withContext(async (app) => {
    const [{ OrganisationsService }, { CreateOrganisationInput }, { validationPipe }] = await Promise.all([
      import('../organisations/organisations.service.js'),
      import('../organisations/organisation.inputs.js'),
      import('../common/validation/validation.pipe.js'),
    ]);
    const checked = (await validationPipe.transform(input, {
      type: 'body',
      metatype: CreateOrganisationInput,
    })) as InstanceType<typeof CreateOrganisationInput>;
    return app.get(OrganisationsService).create(checked, null);
  });
  console.log(`Organisation ${created.code} (${created.name}, ${created.kind}) created: id ${created.id}.`);
}

function printTokens(tokens: TokenSummary[]): void {
  if (!tokens.length) {
    console.log('No tokens.');
    return;
  }
  const header = ['ID', 'PREFIX', 'NAME', 'ROLE', 'ORGANISATION', 'PRINCIPAL', 'EXPIRES', 'REVOKED', 'CREATED'];
  const rows = tokens.map((t) => [
    t.id,
    t.prefix,
    t.name,
    t.role,
    t.organisationCode,
    t.principalName,
    t.expiresAt ?? '-',
    t.revokedAt ?? '-',
    t.createdAt,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

async function importFile(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      organisation: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'on-existing': { type: 'string' },
      sheet: { type: 'string' },
    },
    ['file'],
  );
  readable(positionals[0]!);
  const onExisting = (values['on-existing'] ?? 'REJECT').toUpperCase();
  if (!isOneOf(ON_EXISTING, onExisting))
    throw new UsageError(`--on-existing must be ${orList(ON_EXISTING)}, got "${values['on-existing']}"`);
  const { runImport } = await import('./import-command.js');
  await withContext((app) =>
    runImport(app, {
      file: positionals[0]!,
      organisation: values.organisation,
      dryRun: Boolean(values['dry-run']),
      onExisting,
      sheet: values.sheet,
    }),
  );
}

async function template(args: string[]): Promise<void> {
  // The file is optional: by default the template is written to the current directory.
  const { positionals } = parse(args, {}, args.some((a) => !a.startsWith('-')) ? ['file'] : []);
  const file = positionals[0] ?? 'kemkollen-import-template.xlsx';
  const bytes = await withContext(async (app) => {
    const { FollowUpExportService } = await import('../import/follow-up-export.service.js');
    return app.get(FollowUpExportService).template();
  });
  writeFileSync(file, bytes);
  console.log(
    `Wrote the import template to ${file} (${bytes.length} bytes): fill in the sheet follow-ups, then import it.`,
  );
}

async function organisations(args: string[]): Promise<void> {
  parse(args, {}, []);
  const rows = await withContext(async (app) => {
    const { SqlReader } = await import('../database/read/sql-reader.js');
    return app
      .get(SqlReader)
      .all<{ code: string; name: string; kind: string }>('SELECT code, name, kind FROM organisations ORDER BY code');
  });
  if (!rows.length) {
    console.log('No organisations: run `npm run cli -- seed` first.');
    return;
  }
  const header = { code: 'CODE', name: 'NAME', kind: 'KIND' };
  const width = (k: 'code' | 'name') => Math.max(...[header, ...rows].map((r) => r[k].length));
  for (const r of [header, ...rows])
    console.log(`${r.code.padEnd(width('code'))}  ${r.name.padEnd(width('name'))}  ${r.kind}`.trimEnd());
}

async function restore(args: string[]): Promise<void> {
  const { positionals } = parse(args, {}, ['backup']);
  readable(positionals[0]!);
  const { restoreSqlite } = await import('./backup.js');
  const report = restoreSqlite(loadConfig(), positionals[0]!);
  console.log(
    `Restored ${report.target} from ${report.source} (${report.bytes} bytes, integrity ${report.integrity})` +
      (report.previous ? `; the database it replaced is kept as ${report.previous}.` : '.'),
  );
}

async function generate(args: string[]): Promise<void> {
  const { values } = parse(
    args,
    { scale: { type: 'string' }, seed: { type: 'string' }, demo: { type: 'boolean' } },
    [],
  );
  const scale = Number(required(values.scale, 'scale'));
  const seed = Number(values.seed ?? '1');
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new UsageError(`--scale must be a positive number, got "${values.scale}"`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${values.seed}"`);
  const { runGenerate } = await import('./generate-command.js');
  await withContext((app) => runGenerate(app, { scale, seed, demo: Boolean(values.demo) && !loadConfig().production }));
}

async function backup(args: string[]): Promise<void> {
  const { positionals } = parse(args, {}, ['file']);
  const { backupSqlite } = await import('./backup.js');
  const report = await backupSqlite(loadConfig(), positionals[0]!);
  console.log(
    `Backed up ${report.source} to ${report.target}: ${report.pages} pages, ${report.bytes} bytes, integrity ${report.integrity}.`,
  );
}

const PROVIDER_OPTIONS = {
  organisation: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'role-claim': { type: 'string' },
  map: { type: 'string', multiple: true },
  scopes: { type: 'string' },
  'subject-claim': { type: 'string' },
} as const;

/** `--map value=ROLE`, repeated: the claim mapping (the role checked by the input's validation). */
function roleMappings(maps: unknown): Array<{ claimValue: string; role: string }> | undefined {
  if (maps === undefined) return undefined;
  return (maps as string[]).map((map) => {
    const at = map.lastIndexOf('=');
    if (at < 1) throw new UsageError(`--map "${map}" must be <claim value>=<ROLE>, e.g. --map kemkollen-admins=ADMIN`);
    return { claimValue: map.slice(0, at), role: map.slice(at + 1).toUpperCase() };
  });
}

async function identityProvider(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (!['add', 'update', 'remove', 'list'].includes(sub ?? ''))
    throw new UsageError(
      sub && !['--help', '-h'].includes(sub)
        ? `unknown identity-provider command "${sub}"`
        : 'identity-provider needs a command: add, update, remove or list',
    );
  const secret = process.env.IDP_CLIENT_SECRET || undefined;
  await withContext(async (app) => {
    const [{ IdentityProvidersService }, inputs, { validationPipe }, { SqlReader }, { OrganisationEntity }] =
      await Promise.all([
        import('../sign-in/identity-providers.service.js'),
        import('../sign-in/sign-in.inputs.js'),
        import('../common/validation/validation.pipe.js'),
        import('../database/read/sql-reader.js'),
        import('../organisations/organisation.entity.js'),
      ]);
    const providers = app.get(IdentityProvidersService);
    const organisationId = async (code: string | undefined) =>
      code ? (await app.get(SqlReader).get(OrganisationEntity, 'Organisation', code, 'code')).id : undefined;
    const print = (p: Awaited<ReturnType<typeof providers.add>>) =>
      console.log(
        `${p.id}  ${p.issuer}  client ${p.clientId}  ${p.subjectClaim}  ${p.roleClaim}: ${p.roleMappings.map((m) => `${m.claimValue}=${m.role}`).join(', ')}`,
      );
    if (sub === 'list') {
      const { values } = parse(rest, { organisation: { type: 'string' } }, []);
      const list = await providers.list(null, (await organisationId(values.organisation)) ?? null);
      if (!list.length) console.log('No identity providers.');
      list.forEach(print);
      return;
    }
    if (sub === 'remove') {
      const { positionals } = parse(rest, {}, ['id']);
      const removed = await providers.remove(positionals[0]!, null);
      console.log(`Identity provider ${removed.id} (${removed.issuer}) removed; its sessions have ended.`);
      return;
    }
    const { values, positionals } = parse(rest, PROVIDER_OPTIONS, sub === 'update' ? ['id'] : []);
    const fields = {
      issuer: values.issuer,
      clientId: values['client-id'],
      clientSecret: secret,
      roleClaim: values['role-claim'],
      roleMappings: roleMappings(values.map),
      scopes: values.scopes?.split(/\s+/).filter(Boolean),
      subjectClaim: values['subject-claim'],
    };
    if (sub === 'add') {
      if (!secret) throw new UsageError('set the client secret in the environment variable IDP_CLIENT_SECRET');
      const input = {
        ...fields,
        organisationId: await organisationId(required(values.organisation, 'organisation')),
        issuer: required(values.issuer, 'issuer'),
        clientId: required(values['client-id'], 'client-id'),
        roleClaim: required(values['role-claim'], 'role-claim'),
        roleMappings: fields.roleMappings ?? (required(undefined, 'map') as never),
      };
      const checked = await validationPipe.transform(input, {
        type: 'body',
        metatype: inputs.AddIdentityProviderInput,
      });
      print(await providers.add(checked as InstanceType<typeof inputs.AddIdentityProviderInput>, null));
      return;
    }
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const checked = await validationPipe.transform(defined, {
      type: 'body',
      metatype: inputs.UpdateIdentityProviderInput,
    });
    print(
      await providers.update(positionals[0]!, checked as InstanceType<typeof inputs.UpdateIdentityProviderInput>, null),
    );
  });
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  seed,
  migrate,
  schema,
  token,
  organisation,
  import: importFile,
  template,
  organisations,
  restore,
  generate,
  backup,
  'identity-provider': identityProvider,
};

/** Runs one command; returns the exit code: 0 done, 1 failed, 2 bad command line. */
async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (!command) {
      console.error(USAGE);
      return 2;
    }
    if (['--help', '-h', 'help'].includes(command)) throw new HelpRequested();
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler)
      throw new UsageError(`unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
    await handler(args);
    return 0;
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(USAGE);
      return 0;
    }
    if (error instanceof UsageError) {
      console.error(`error: ${command && Object.hasOwn(COMMANDS, command) ? `${command}: ` : ''}${error.message}`);
      console.error('Run "npm run cli -- --help" for the commands and their options.');
      return 2;
    }
    console.error(`error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    // A value the command line gave that the service refused (a bad date, an e-mail address): a usage error too.
    return (error as { name?: string; code?: string }).name === 'DomainError' &&
      (error as { code?: string }).code === 'BAD_USER_INPUT'
      ? 2
      : 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
