import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsPositive, Max } from 'class-validator';
import { UNIT_SYMBOLS } from '../evaluation/units.js';
import { UnitEnum } from './graphql-enums.js';
import { type Unit, UNITS } from '../vocabulary/vocabulary.js';

@ObjectType({ description: 'A limit value with its unit.' })
export class Limit {
  @Field(() => Float, { description: 'The threshold, in unit: a result above it fails.' }) value: number;
  @Field(() => UnitEnum, { description: 'The unit of value.' }) unit: Unit;
  @Field({ description: 'Human-readable unit, e.g. "% w/w".' }) unitSymbol: string;
}

@InputType({ description: 'A threshold: value in unit (e.g. 0.1 PERCENT_WW).' })
export class LimitInput {
  @Field(() => Float, { description: 'Positive.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  @IsPositive({ message: 'value must be positive' })
  @Max(1e12, { message: 'value must be at most 1e12' })
  value: number;

  @Field(() => UnitEnum, { description: 'The unit of value.' })
  @IsIn(UNITS, { message: `unit must be one of ${UNITS.join(', ')}` })
  unit: Unit;
}

export const toLimit = (value: number | null, unit: Unit | null): Limit | null =>
  value === null || unit === null ? null : { value, unit, unitSymbol: UNIT_SYMBOLS[unit] };
