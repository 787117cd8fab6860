import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A problem with one row of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'The row as a spreadsheet numbers it: the header is row 1, the first data row 2.' })
  row: number;
  @Field({ description: 'The column, as named in the header; empty when the problem is the whole row.' })
  column: string;
  @Field() reason: string;
}

@ObjectType({
  description:
    'The outcome of importFollowUps. A file is all or nothing: with any error nothing is stored (imported: false) and ' +
    'every bad row is listed; a dry run checks the whole file and stores nothing.',
})
export class ImportResult {
  @Field() dryRun: boolean;
  @Field({ description: 'True when the file was stored.' }) imported: boolean;
  @Field(() => Int, { description: 'Follow-ups stored (or that a dry run would store); 0 when there are errors.' })
  followUps: number;
  @Field(() => Int, { description: 'Measurements stored (or that a dry run would store); 0 when there are errors.' })
  measurements: number;
  @Field(() => [ImportRowError]) errors: ImportRowError[];
}
