import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString } from 'class-validator';

@ArgsType()
export class EvaluateProductArgs {
  @Field(() => ID, { description: 'The product evaluated.' }) @IsString() productId: string;
  @Field(() => ID, { description: 'The contract whose requirements and limits apply.' })
  @IsString()
  contractId: string;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Judge only these follow-ups (e.g. your new lab report against your contract). Each must be visible to you, of the product, COMPLETED or CLOSED and valid today; omitted: every follow-up that counts.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  followUpIds?: string[] | null;
  @Field({
    defaultValue: false,
    description: 'Leave out the substances in scope that no counted follow-up measured (status NOT_MEASURED).',
  })
  @IsBoolean()
  measuredOnly: boolean;
}
