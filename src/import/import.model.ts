import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ImportJobState } from './import-jobs.service.js';
import { DateTimeScalar } from '../common/scalars/date-scalars.js';
import { graphqlEnum } from '../common/graphql-enums.js';
import {
  IMPORT_JOB_STATUSES,
  type ImportJobStatus,
  IDENTITY_BASES,
  IMPORT_OUTCOMES,
  ON_EXISTING,
  type IdentityBasis,
  type ImportOutcome,
  type OnExisting,
} from '../vocabulary/vocabulary.js';
import { Node } from '../nodes/node.model.js';
import {
  IDENTITY_BASIS_VALUES,
  IMPORT_JOB_STATUS_VALUES,
  IMPORT_OUTCOME_VALUES,
  ON_EXISTING_VALUES,
} from '../vocabulary/value-descriptions.js';

export const ImportOutcomeEnum = graphqlEnum(IMPORT_OUTCOMES, 'ImportOutcome', {
  description:
    'NEW: not in the registry yet; UNCHANGED: in the registry exactly as in the file; CHANGED: in the registry, with differences.',
  values: IMPORT_OUTCOME_VALUES,
});
export const OnExistingEnum = graphqlEnum(ON_EXISTING, 'OnExisting', {
  description:
    'What an import does with a CHANGED follow-up. SKIP: leave the stored one; UPDATE: store the file version as a new version ' +
    '(with its UPDATED event); REJECT (the default): list it as a row error, so the file stores nothing.',
  values: ON_EXISTING_VALUES,
});
export const IdentityBasisEnum = graphqlEnum(IDENTITY_BASES, 'ImportIdentityBasis', {
  description:
    'How a follow-up in a file was found in the registry. ID: its follow_up_key is the id (an export); REPORT_REFERENCE: the ' +
    'same organisation and report_reference; CONTENT: the same organisation, product (or supplier), method, performed_on and measurements.',
  values: IDENTITY_BASIS_VALUES,
});

@ObjectType({ description: 'How a file was read: what the import found, so the user sees what was assumed.' })
export class ImportFormat {
  @Field({ description: 'CSV or XLSX.' }) kind: string;
  @Field(() => String, {
    nullable: true,
    description: 'CSV: UTF-8, UTF-8 with BOM, UTF-16LE or Windows-1252; null for XLSX and for CSV sent as text.',
  })
  encoding: string | null;
  @Field(() => String, { nullable: true, description: 'CSV: the field separator, "," or ";" or a tab.' })
  delimiter: string | null;
  @Field({ description: 'How decimals are written in value, loq and uncertainty: "." or ",".' })
  decimalSeparator: string;
  @Field(() => String, { nullable: true, description: 'XLSX: the sheet read.' }) sheet: string | null;
}

@ObjectType({ description: 'A problem with one row of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'The row as a spreadsheet numbers it: the header is row 1, the first data row 2.' })
  row: number;
  @Field({ description: 'The column, as named in the header; empty when the problem is the whole row.' })
  column: string;
  @Field({ description: 'What is wrong, e.g. "substance_cas 117-81-8: check digit should be 7".' }) reason: string;
}

@ObjectType({ description: 'One difference between a stored follow-up and the file: a column, or one measurement.' })
export class ImportDifference {
  @Field({
    description: 'The column (e.g. notes, requirement_codes), or "measurement" for a measurement on one side only.',
  })
  field: string;
  @Field(() => String, { nullable: true, description: 'The stored value; null when empty or absent.' })
  stored: string | null;
  @Field(() => String, { nullable: true, description: "The file's value; null when empty or absent." })
  imported: string | null;
}

@ObjectType({ description: 'What the import found for one follow-up of the file (its rows share a follow_up_key).' })
export class ImportedFollowUp {
  @Field({ description: 'Its follow_up_key in the file.' }) key: string;
  @Field(() => Int, { description: 'Its first row in the file.' }) row: number;
  @Field(() => ImportOutcomeEnum, { description: 'NEW, UNCHANGED or CHANGED.' }) outcome: ImportOutcome;
  @Field(() => ID, {
    nullable: true,
    description:
      'The stored follow-up: the one found (UNCHANGED, CHANGED) or the one created; null for NEW in a dry run.',
  })
  followUpId: string | null;
  @Field(() => IdentityBasisEnum, { nullable: true, description: 'How it was found; null for NEW.' })
  matchedBy: IdentityBasis | null;
  @Field({
    description: 'True when this import stored it (NEW, or CHANGED with UPDATE), or would (dry run).',
  })
  written: boolean;
  @Field(() => [ImportDifference], { description: 'For CHANGED: what differs.' })
  differences: ImportDifference[];
}

@ObjectType({
  description:
    'The outcome of importFollowUps. A file is all or nothing: with any error nothing is stored (imported: false) and ' +
    'every bad row is listed; a dry run checks the whole file and stores nothing. Importing the same file again stores nothing.',
})
export class ImportResult {
  @Field({ description: 'true: the file was checked only, nothing was stored.' }) dryRun: boolean;
  @Field(() => OnExistingEnum, { description: 'What the import did with CHANGED follow-ups.' }) onExisting: OnExisting;
  @Field({ description: 'True when the file was accepted and its NEW (and, with UPDATE, CHANGED) follow-ups stored.' })
  imported: boolean;
  @Field(() => Int, {
    description: 'Follow-ups written, created or updated (or that a dry run would write); 0 when there are errors.',
  })
  followUps: number;
  @Field(() => Int, { description: 'Measurements of the follow-ups written (or that a dry run would write).' })
  measurements: number;
  @Field(() => Int, { description: 'NEW follow-ups created (or that a dry run would create).' }) created: number;
  @Field(() => Int, { description: 'CHANGED follow-ups updated with UPDATE (or that a dry run would update).' })
  updated: number;
  @Field(() => Int, { description: 'Follow-ups already stored exactly as in the file.' }) unchanged: number;
  @Field(() => Int, { description: 'CHANGED follow-ups left as they are (SKIP).' }) skipped: number;
  @Field(() => [ImportedFollowUp], {
    description:
      'Each follow-up of the file with its outcome; empty when rows have errors (a CHANGED follow-up refused by REJECT is listed here and in errors).',
  })
  outcomes: ImportedFollowUp[];
  @Field(() => [ImportRowError], {
    description: 'Every problem of the file, by row and column; empty when it was accepted.',
  })
  errors: ImportRowError[];
  @Field(() => ImportFormat, { nullable: true, description: 'How the file was read.' })
  format: ImportFormat | null;
}

export const ImportJobStatusEnum = graphqlEnum(IMPORT_JOB_STATUSES, 'ImportJobStatus', {
  description:
    'QUEUED, RUNNING, FINISHED (its result says whether the file was accepted or lists the row errors), ' +
    'or FAILED (it could not finish; nothing was stored; see failure).',
  values: IMPORT_JOB_STATUS_VALUES,
});

@ObjectType({
  description:
    'An upload imported in the background (POST /imports of a large file, or with background=true). Poll importJob or ' +
    'subscribe to importProgress for its progress; its result is what importFollowUps answers.',
  implements: () => [Node],
})
export class ImportJob {
  @Field(() => ID, { description: 'Its id: a UUID, unique across the registry (node(id) refetches it).' }) id: string;
  @Field(() => ImportJobStatusEnum, { description: 'QUEUED, RUNNING, FINISHED or FAILED.' }) status: ImportJobStatus;
  @Field(() => Float, { description: 'From 0 to 1.' }) progress: number;
  @Field({ description: 'What it is doing: queued, reading, checking, writing, done.' }) phase: string;
  @Field(() => String, { nullable: true, description: "The uploaded file's name; null when none was sent." }) fileName:
    string | null;
  @Field({ description: 'true: the file is checked only, nothing is stored.' }) dryRun: boolean;
  @Field(() => OnExistingEnum, { description: 'What the import does with a CHANGED follow-up.' })
  onExisting: OnExisting;
  @Field(() => DateTimeScalar, { description: 'When the upload was accepted (UTC).' }) createdAt: string;
  @Field(() => DateTimeScalar, { description: 'When its state last changed (UTC).' }) updatedAt: string;
  @Field(() => [ImportRowError], { description: "The file's row errors, once it has finished (the result's errors)." })
  errors: ImportRowError[];
  @Field(() => ImportResult, { nullable: true, description: 'Once FINISHED: the answer of importFollowUps.' })
  result: ImportResult | null;
  @Field(() => String, { nullable: true, description: 'Once FAILED: why.' }) failure: string | null;
}

/** What `importJob`, `importProgress` and `node(id)` answer for a job's state. */
export const importJobOf = (s: ImportJobState): ImportJob => ({ ...s, errors: s.result?.errors ?? [] });
