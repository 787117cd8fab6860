import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { PrincipalResolver, TokenAdminResolver } from './token-admin.resolver.js';
import { TokenAdminService } from './token-admin.service.js';
import { TokenQueriesService } from './token-queries.service.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  providers: [
    TokenService,
    TokenAdminService,
    TokenQueriesService,
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthResolver,
    TokenAdminResolver,
    PrincipalResolver,
  ],
  exports: [TokenService, TokenAdminService],
})
export class AuthModule {}
