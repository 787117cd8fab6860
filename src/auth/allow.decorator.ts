import { SetMetadata } from '@nestjs/common';
import { Role } from './role.js';

export const ALLOW_KEY = 'kemkollen:allow';
export const PUBLIC = 'PUBLIC' as const;

/**
 * The one authorization style: every resolver (query, mutation, field, subscription) states the
 * least role it needs; the global AuthGuard reads it. Without the decorator, READER is required.
 * `@Allow(PUBLIC)` opens an operation to callers without a token.
 */
export const Allow = (role: Role | typeof PUBLIC) => SetMetadata(ALLOW_KEY, role);
