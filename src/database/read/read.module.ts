import { Global, Module } from '@nestjs/common';
import { ReadCaches } from './cache/read-caches.js';
import { PageReader } from './page-reader.js';
import { SqlReader } from './sql-reader.js';

/**
 * The read path, for every feature: SqlReader (prepared SQL, rows straight to entities), the
 * pagination engine (PageReader) and the instance's read caches. Per-request DataLoaders (Loaders)
 * are made from these in the GraphQL context.
 */
@Global()
@Module({
  providers: [SqlReader, PageReader, ReadCaches],
  exports: [SqlReader, PageReader, ReadCaches],
})
export class ReadModule {}
