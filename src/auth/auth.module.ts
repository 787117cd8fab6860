import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { TokenAdminService } from './token-admin.service.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  providers: [TokenService, TokenAdminService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, TokenAdminService],
})
export class AuthModule {}
