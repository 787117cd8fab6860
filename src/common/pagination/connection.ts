import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page lies in its list (the Relay cursor connections specification).' })
export class PageInfo {
  @Field({ description: 'More rows follow the page (reading forwards), or `before` was given (backwards).' })
  hasNextPage: boolean;
  @Field({ description: 'More rows precede the page (reading backwards), or `after` was given (forwards).' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: "The first row's cursor: pass it as `before`." })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: "The last row's cursor: pass it as `after`." })
  endCursor: string | null;
}

/** `first`, `last` and `before`: the page size of every list, and paging backwards. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forwards: this many from the start (or after \`after\`), 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
  @Field(() => Int, {
    nullable: true,
    description: `Page backwards: this many from the end (or before \`before\`), 1 to ${MAX_PAGE_SIZE}; not with \`first\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;
  @Field(() => String, { nullable: true, description: 'The startCursor of the next page: the rows before it.' })
  @IsOptional()
  @IsString()
  before?: string;
}

/** `first`/`after` and `last`/`before` for every list (the `events` query describes its own `after`). */
@ArgsType()
export class PageArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page: the rows after it.' })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a `XConnection` GraphQL type for a node type: one generic piece for every list. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque: pass it as `after` (or `before`) to page on from this row.' }) cursor: string;
    @Field(() => nodeType, { description: `The ${name}.` }) node: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} records (the Relay cursor connections specification).`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of the page with their cursors, in the list’s order.' })
    edges: Edge<T>[];
    @Field(() => [nodeType], { description: 'The rows of the page without cursors (the same as edges’ nodes).' })
    nodes: T[];
    @Field(() => PageInfo, { description: 'Where the page lies: cursors, and whether more rows precede or follow.' })
    pageInfo: PageInfo;
    @Field(() => Int, {
      description: 'How many rows the whole list holds under the filter (not just the page), as you may see them.',
    })
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}
