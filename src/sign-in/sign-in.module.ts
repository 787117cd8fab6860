import { Global, Module } from '@nestjs/common';
import { IdentityProvidersService } from './identity-providers.service.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { SecretKeyring } from './secret-keyring.js';
import { SessionsService } from './sessions.service.js';
import { SignInController } from './sign-in.controller.js';
import { SignInResolver } from './sign-in.resolver.js';
import { SignInService } from './sign-in.service.js';

/** Sign-in through an organisation's OpenID Connect identity provider, and the sessions it opens (issue 15). */
@Global()
@Module({
  controllers: [SignInController],
  providers: [
    RequestAuthenticator,
    SecretKeyring,
    IdentityProvidersService,
    SessionsService,
    SignInService,
    SignInResolver,
  ],
  exports: [RequestAuthenticator, SessionsService, IdentityProvidersService, SecretKeyring],
})
export class SignInModule {}
