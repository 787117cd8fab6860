import { Field, ObjectType } from '@nestjs/graphql';
import { Supplier } from '../suppliers/supplier.model.js';
import type { TrafficLight } from '../vocabulary/vocabulary.js';
import { TrafficLightEnum } from './follow-up.enums.js';
import { Deviation } from './deviation.model.js';

@ObjectType()
export class SupplierStatus {
  @Field(() => Supplier) supplier: unknown;
  @Field(() => TrafficLightEnum) light: TrafficLight;
  @Field() evaluatedOn: string;
  @Field(() => [Deviation], { description: 'Unresolved deviations (observations carry no colour and are not listed).' })
  openDeviations: unknown[];
  @Field(() => [Deviation], { description: 'Unresolved deviations past their due date.' }) overdueDeviations: unknown[];
}
