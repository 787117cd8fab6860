/** class-transformer's registry of @Type, @Transform, @Expose and @Exclude, which its package does not export by name. */
declare module 'class-transformer/cjs/storage.js' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';
  export const defaultMetadataStorage: MetadataStorage;
}
