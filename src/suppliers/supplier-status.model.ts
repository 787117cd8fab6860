import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/date-scalars.js';
import { TrafficLightEnum } from '../follow-ups/follow-up.enums.js';
import { Deviation } from '../follow-ups/deviation.model.js';
import type { TrafficLight } from '../vocabulary/vocabulary.js';
import { Supplier } from './supplier.model.js';

@ObjectType()
export class SupplierStatus {
  @Field(() => Supplier) supplier: unknown;
  @Field(() => TrafficLightEnum) light: TrafficLight;
  @Field(() => DateScalar) evaluatedOn: string;
  @Field(() => [Deviation], { description: 'Unresolved deviations (observations carry no colour and are not listed).' })
  openDeviations: unknown[];
  @Field(() => [Deviation], { description: 'Unresolved deviations past their due date.' }) overdueDeviations: unknown[];
}
