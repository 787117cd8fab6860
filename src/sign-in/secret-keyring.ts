import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { DomainError } from '../common/errors/domain-error.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { DEVELOPMENT_SECRET_KEY, SecretBox } from './secret-box.js';

/**
 * The key of the identity providers' secrets. IDP_SECRET_KEY when set. Without it: in development a
 * fixed, published key (logged as such at start); in production none, so adding a provider is
 * refused and the service refuses to start while providers are stored.
 */
@Injectable()
export class SecretKeyring implements OnApplicationBootstrap {
  private readonly logger = new Logger('SignIn');
  readonly box: SecretBox | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: SqlReader,
  ) {
    const key = config.signIn.secretKey ?? (config.production ? null : DEVELOPMENT_SECRET_KEY);
    this.box = key ? new SecretBox(key) : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.signIn.secretKey) return;
    if (!this.config.production) {
      // At `log` level: the server's start shows it, the CLI's commands (warnings and errors only) stay quiet.
      this.logger.log(
        'IDP_SECRET_KEY is not set: client secrets are encrypted with the fixed DEVELOPMENT key (never use this in production)',
      );
      return;
    }
    const row = await this.reader.one<{ n: number | string }>('SELECT COUNT(*) AS n FROM identity_providers');
    if (Number(row?.n ?? 0) > 0)
      throw new Error(
        'IDP_SECRET_KEY is not set, but identity providers are stored: their client secrets cannot be read. Set IDP_SECRET_KEY (32 bytes, base64 or hex) to the key they were stored with.',
      );
  }

  /** The box, or a refusal saying why there is none (production without IDP_SECRET_KEY). */
  required(): SecretBox {
    if (this.box) return this.box;
    throw new DomainError(
      'FORBIDDEN',
      'clientSecret: IDP_SECRET_KEY is not set on the server, so no client secret can be stored (production refuses a fixed key)',
      'clientSecret',
    );
  }
}
