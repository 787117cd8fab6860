import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { FollowUpFilter, FollowUpsArgs } from '../../follow-ups/follow-up.inputs.js';
import { UNDECIDED, ValidationPlans } from './validation-plan.js';
import { copyOf, differenceOf, PlannedValidationPipe, validationPipe } from './validation.pipe.js';

class Child {
  @IsInt()
  n!: number;
}

class Parent {
  @IsString()
  name!: string;
  /** Set by the constructor, without a rule: whitelist deletes it. */
  unruled = 'initialised';
  @IsOptional()
  @IsInt()
  count? = 7;
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Child)
  children?: Child[];
  @IsOptional()
  @ValidateNested()
  @Type(() => Child)
  child?: Child;
}

class Transformed {
  @Transform(({ value }: { value: string }) => value.trim())
  @IsString()
  name!: string;
}

class TypedNotNested {
  @IsOptional()
  @Type(() => Child)
  child?: Child;
}

class SkippedNested {
  @ValidateIf(() => false)
  @ValidateNested()
  @Type(() => Child)
  child?: Child;
}

@ValidatorConstraint({ name: 'later', async: true })
class Later implements ValidatorConstraintInterface {
  validate(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

class WithAsync {
  @Validate(Later)
  name!: string;
}

const options = { transform: true, whitelist: true, forbidUnknownValues: false } as const;
const whole = new ValidationPipe(options);
const planned = new PlannedValidationPipe(options);
const meta = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype, data: '' });

/** What ValidationPipe makes of `value` (a copy: it strips keys in place), or the error it throws. */
const wholeWay = (type: ArgumentMetadata['metatype'], value: unknown) =>
  whole.transform(copyOf(value), meta(type)).then(
    (entity: unknown) => ({ entity }),
    (error: unknown) => ({ error }),
  );

describe('ValidationPlans', () => {
  const plans = new ValidationPlans();

  it.each<[string, ArgumentMetadata['metatype'], unknown]>([
    ['the lookup', FollowUpsArgs, { filter: { productId: 'p-1' }, orderBy: 'PERFORMED_ON_DESC' }],
    [
      'a fuller filter and a page',
      FollowUpsArgs,
      {
        filter: {
          gtin: '07350012340018',
          requirementCodes: ['K-PHT-01'],
          performedFrom: '2023-01-01',
          status: undefined,
        },
        orderBy: 'PERFORMED_ON_DESC',
        first: 10,
      },
    ],
    ['nested arrays, each, and initialisers', Parent, { name: 'a', tags: ['x', 'y'], children: [{ n: 1 }, { n: 2 }] }],
    ['an undefined key overriding an initialiser', Parent, { name: 'a', count: undefined }],
    ['a key without a rule (whitelisted away)', Parent, { name: 'a', extra: 1, child: { n: 3, extra: 2 } }],
  ])('builds what ValidationPipe builds: %s', async (_, type, value) => {
    const entity = plans.build(type!, copyOf(value));
    expect(entity).not.toBe(UNDECIDED);
    const reference = await wholeWay(type, value);
    expect(reference).toHaveProperty('entity');
    expect(differenceOf(entity, (reference as { entity: unknown }).entity, '')).toBeUndefined();
  });

  it('builds instances of the classes, nested ones included, without the keys it has no rule for', () => {
    const args = plans.build(FollowUpsArgs, { filter: { productId: 'p-1' }, orderBy: 'PERFORMED_ON_DESC' });
    expect(args).toBeInstanceOf(FollowUpsArgs);
    expect((args as FollowUpsArgs).filter).toBeInstanceOf(FollowUpFilter);
    const parent = plans.build(Parent, { name: 'a', children: [{ n: 1 }], extra: 1 }) as Parent;
    expect(parent.children![0]).toBeInstanceOf(Child);
    expect(Object.keys(parent)).not.toContain('unruled');
    expect(Object.keys(parent)).not.toContain('extra');
  });

  it.each<[string, ArgumentMetadata['metatype'], unknown]>([
    ['a bad GTIN', FollowUpsArgs, { filter: { gtin: '123' }, orderBy: 'PERFORMED_ON_DESC' }],
    ['an order out of its list', FollowUpsArgs, { orderBy: 'SIDEWAYS' }],
    ['a wrong type', Parent, { name: 1 }],
    ['a missing required value', Parent, {}],
    ['one bad element of an each rule', Parent, { name: 'a', tags: ['x', 2] }],
    ['one bad nested element', Parent, { name: 'a', children: [{ n: 1 }, { n: 'two' }] }],
    ['a null nested element', Parent, { name: 'a', children: [null] }],
    ['a primitive where an object belongs', Parent, { name: 'a', child: 3 }],
  ])('leaves what fails to ValidationPipe: %s', async (_, type, value) => {
    expect(plans.build(type!, copyOf(value))).toBe(UNDECIDED);
    expect(await wholeWay(type, value)).toHaveProperty('error');
  });

  it.each<[string, ArgumentMetadata['metatype'], unknown]>([
    ['@Transform on the class', Transformed, { name: ' a ' }],
    ['@Type without @ValidateNested', TypedNotNested, { child: { n: 1, extra: 2 } }],
    ['a nested object a condition skips', SkippedNested, { child: { n: 'not checked' } }],
    ['an asynchronous constraint', WithAsync, { name: 'a' }],
    ['a value that is not plain data', Parent, { name: 'a', child: new Date() }],
    ['an array with a gap', Parent, { name: 'a', tags: [, 'x'] }], // eslint-disable-line no-sparse-arrays
    ['a nested object without a class', FollowUpsArgs, { filter: Object.create(null) as object }],
  ])('leaves to ValidationPipe what it does not follow, accepted or not: %s', (_, type, value) => {
    expect(plans.build(type!, value)).toBe(UNDECIDED);
  });

  it('is not taken for a value the plan does not follow, which ValidationPipe still builds', async () => {
    const entity = await planned.transform({ name: ' a ' }, meta(Transformed));
    expect(entity).toBeInstanceOf(Transformed);
    expect((entity as Transformed).name).toBe('a');
  });
});

describe('PlannedValidationPipe', () => {
  it('refuses as ValidationPipe does, with the application’s BAD_USER_INPUT naming the field', async () => {
    await expect(
      validationPipe.transform({ filter: { gtin: '123' }, orderBy: 'PERFORMED_ON_DESC' }, meta(FollowUpsArgs)),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.gtin' });
  });

  it('in cross-check mode, compares what it accepted with what ValidationPipe builds', async () => {
    const checking = new PlannedValidationPipe(options);
    checking.crossCheck = true;
    await expect(checking.transform({ name: 'a', children: [{ n: 1 }] }, meta(Parent))).resolves.toBeInstanceOf(Parent);
    // A plan that disagreed with ValidationPipe would fail the request, either way it disagreed.
    const plans = (checking as unknown as { plans: ValidationPlans }).plans;
    plans.build = () => {
      const { unruled: _, ...rest } = Object.assign(new Parent(), { name: 'another' });
      return Object.assign(Object.create(Parent.prototype) as Parent, rest);
    };
    await expect(checking.transform({ name: 'a' }, meta(Parent))).rejects.toThrow(
      /built another Parent than ValidationPipe: \.name: another against a/,
    );
    await expect(checking.transform({ name: 1 }, meta(Parent))).rejects.toThrow(
      /accepted what ValidationPipe refuses \(Parent\)/,
    );
  });

  it('takes only the options it follows', () => {
    expect(() => new PlannedValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true })).toThrow(
      /transform and whitelist only/,
    );
    expect(() => new PlannedValidationPipe({ transform: false, whitelist: true })).toThrow();
  });
});
