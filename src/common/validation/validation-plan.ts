import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
// class-transformer's own registry of @Type, @Transform, @Expose and @Exclude (the one its
// plainToInstance reads: the package's CommonJS build, as `import … from 'class-transformer'` loads).
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';

type Class = abstract new (...args: never[]) => object;
type Constructible = new () => Record<string, unknown>;

interface ConstraintMetadata {
  async: boolean;
  instance: { validate(value: unknown, args: ValidationArguments): boolean | Promise<boolean> };
}
interface Storage {
  getTargetValidationMetadatas(
    target: unknown,
    schema: string | undefined,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): ValidationMetadata[];
  groupByPropertyName(metadata: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  getTargetValidatorConstraints(target: unknown): ConstraintMetadata[];
}
interface TransformerStorage {
  findTypeMetadata(
    target: unknown,
    property: string,
  ):
    | { typeFunction?: (options?: unknown) => unknown; reflectedType?: unknown; options?: { discriminator?: unknown } }
    | undefined;
  findTransformMetadatas(target: unknown, property: string, transformationType: number): unknown[];
  getExposedMetadatas(target: unknown): unknown[];
  getExcludedMetadatas(target: unknown): unknown[];
}

/** What a property asks: its validations in class-validator's order, and the class of a nested value. */
interface PropertyPlan {
  conditions: ValidationMetadata[];
  checks: Array<{ metadata: ValidationMetadata; constraints: ConstraintMetadata[] }>;
  nested: boolean;
  /** The class of a nested object (its @Type), if any. */
  type?: Constructible;
}

interface ClassPlan {
  type: Constructible;
  properties: Map<string, PropertyPlan>;
}

/** Returned by `build` when the value must go the whole way (it fails, or the plan cannot tell). */
export const UNDECIDED = Symbol('undecided');

/** Types class-transformer converts to instead of building (String(value), new Date(…), …). */
const CONVERTED_TYPES = new Set<unknown>([String, Number, Boolean, Date, Map, Set, Array, Object, Buffer, Promise]);
/** plainToInstance's PLAIN_TO_CLASS (class-transformer's TransformationType enum). */
const PLAIN_TO_CLASS = 0;

/**
 * The arguments of a resolver turned into an instance of their class and checked against its
 * class-validator rules, as ValidationPipe does with class-transformer and class-validator (with
 * `transform` and `whitelist`), but from a plan worked out once per class: which properties have
 * which rules, which constraints run for them, and the class of each nested value.
 *
 * Only the *accepting* path is taken here. `build` answers the instance when every rule holds, and
 * UNDECIDED when one does not or when the value or the class holds anything the plan does not follow
 * (a value that is neither a primitive, a plain object nor an array; a nested object without @Type;
 * @Transform, @Expose or @Exclude; an asynchronous constraint; schema-based or promise validation).
 * The caller then runs the whole ValidationPipe, which writes the error: so what is refused, and how,
 * stays class-validator's own word, and the plan only has to agree with it on what is accepted (the
 * e2e tests cross-check every value the plan accepts: PlannedValidationPipe.crossCheck).
 *
 * Why: the lookup's `FollowUpsArgs` with its 20-field filter cost about 15 % of the uniform lookup's
 * CPU through the general path (class-transformer's metadata look-ups per key, class-validator's
 * grouping and error objects built for every property, promises), see bench/report.md.
 */
export class ValidationPlans {
  private readonly plans = new Map<unknown, ClassPlan | null>();
  private readonly storage = getMetadataStorage() as unknown as Storage;
  private readonly transformer = defaultMetadataStorage as unknown as TransformerStorage;

  /** The instance of `type` built from `value` when it passes every rule; else UNDECIDED. */
  build(type: Class, value: unknown): object | typeof UNDECIDED {
    if (!isPlainObject(value)) return UNDECIDED;
    const plan = this.planFor(type);
    return plan ? this.instance(plan, value) : UNDECIDED;
  }

  private instance(plan: ClassPlan, value: Record<string, unknown>): object | typeof UNDECIDED {
    // As plainToInstance: the class's own constructor (its field initialisers), then every key of
    // the value, an undefined one included.
    const entity = new plan.type();
    for (const key of Object.keys(value)) {
      const property = plan.properties.get(key);
      // No rule for it: whitelist would delete what plainToInstance copied.
      if (!property) continue;
      // plainToInstance leaves a function an initialiser set alone.
      if (typeof entity[key] === 'function') return UNDECIDED;
      const converted = this.convert(property, value[key]);
      if (converted === UNDECIDED) return UNDECIDED;
      entity[key] = converted;
    }
    // Whitelist: what the initialisers set without a rule goes too.
    for (const key of Object.keys(entity)) if (!plan.properties.has(key)) delete entity[key];
    for (const [key, property] of plan.properties)
      if (!this.holds(entity, key, entity[key], property)) return UNDECIDED;
    return entity;
  }

  /** plainToInstance for one property's value: primitives as they are, arrays copied, nested objects built. */
  private convert(property: PropertyPlan, value: unknown): unknown {
    if (value === null || value === undefined || isPrimitive(value)) return value;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) return UNDECIDED; // a gap: ValidationPipe closes it first
        const element = this.convert(property, value[i]);
        if (element === UNDECIDED) return UNDECIDED;
        out.push(element);
      }
      return out;
    }
    // A plain object without @Type stays a plain copy (and, nested, would be emptied by whitelist).
    if (!property.type || !isPlainObject(value)) return UNDECIDED;
    const plan = this.planFor(property.type);
    return plan ? this.instance(plan, value) : UNDECIDED;
  }

  /** class-validator's performValidations for one property, answering only whether all holds. */
  private holds(object: object, key: string, value: unknown, property: PropertyPlan): boolean {
    for (const condition of property.conditions)
      if (!(condition.constraints[0] as (o: object, v: unknown) => boolean)(object, value))
        // Skipped. A nested object skipped so is neither checked nor whitelisted by class-validator,
        // but was both in convert: let the whole way answer.
        return !(property.nested && value !== null && typeof value === 'object');
    for (const { metadata, constraints } of property.checks) {
      if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
      const args: ValidationArguments = {
        targetName: object.constructor.name,
        property: key,
        object,
        value,
        constraints: metadata.constraints,
      };
      for (const constraint of constraints) {
        if (metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
          for (const element of Array.isArray(value) ? value : [...(value as Set<unknown>).values()])
            if (constraint.instance.validate(element, args) !== true) return false;
        } else if (constraint.instance.validate(value, args) !== true) return false;
      }
    }
    // Nested: undefined passes; anything else must be an instance (built and checked in convert)
    // or an array of them.
    if (property.nested && value !== undefined) return this.nestedHolds(value, property);
    return true;
  }

  private nestedHolds(value: unknown, property: PropertyPlan): boolean {
    if (Array.isArray(value))
      return value.every((element) => element === undefined || this.nestedHolds(element, property));
    return property.type !== undefined && value instanceof property.type;
  }

  private planFor(type: unknown): ClassPlan | null {
    let plan = this.plans.get(type);
    if (plan === undefined) {
      plan = this.makePlan(type as Constructible);
      this.plans.set(type, plan);
    }
    return plan;
  }

  private makePlan(type: Constructible): ClassPlan | null {
    if (typeof type !== 'function' || type.length > 0) return null;
    if (this.transformer.getExposedMetadatas(type).length || this.transformer.getExcludedMetadatas(type).length)
      return null;
    // The arguments ValidationExecutor.execute passes (no groups, `always` and `strictGroups` off).
    const metadatas = this.storage.getTargetValidationMetadatas(type, undefined, false, false, undefined);
    const grouped = this.storage.groupByPropertyName(metadatas);
    const properties = new Map<string, PropertyPlan>();
    for (const [key, list] of Object.entries(grouped)) {
      if (!list.length) continue;
      if (key in type.prototype) return null; // a getter or method of that name: plainToInstance skips it
      if (this.transformer.findTransformMetadatas(type, key, PLAIN_TO_CLASS).length) return null;
      const property: PropertyPlan = { conditions: [], checks: [], nested: false };
      for (const metadata of list) {
        if (typeof metadata.target === 'string') return null;
        switch (metadata.type) {
          case ValidationTypes.CONDITIONAL_VALIDATION:
            property.conditions.push(metadata);
            break;
          case ValidationTypes.NESTED_VALIDATION:
            property.nested = true;
            break;
          case ValidationTypes.WHITELIST:
            break;
          case ValidationTypes.IS_DEFINED:
          case ValidationTypes.CUSTOM_VALIDATION: {
            const constraints = this.storage.getTargetValidatorConstraints(metadata.constraintCls);
            if (constraints.some((c) => c.async)) return null;
            // IsDefined runs before the other checks; both only need to hold here.
            property.checks.push({ metadata, constraints });
            break;
          }
          default:
            return null; // promise validation, or a type this plan does not know
        }
      }
      const typeMetadata = this.transformer.findTypeMetadata(type, key);
      if (typeMetadata) {
        if (typeMetadata.options?.discriminator) return null;
        const nested = typeMetadata.typeFunction ? typeMetadata.typeFunction() : typeMetadata.reflectedType;
        if (typeof nested !== 'function' || CONVERTED_TYPES.has(nested)) return null;
        property.type = nested as Constructible;
        // Built but never checked nor whitelisted without @ValidateNested: not what convert does.
        if (!property.nested) return null;
      }
      properties.set(key, property);
    }
    return { type, properties };
  }
}

function isPrimitive(value: unknown): boolean {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype;
}
