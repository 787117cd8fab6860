import { CreateCatalogue1763769600000 } from './1763769600000-CreateCatalogue.js';
import { CreateAuthAndEvents1763769700000 } from './1763769700000-CreateAuthAndEvents.js';
import { CreateFollowUps1763769800000 } from './1763769800000-CreateFollowUps.js';
import { AddLookupIndexes1763770600000 } from './1763770600000-AddLookupIndexes.js';
import { AddDelegations1764100000000 } from './1764100000000-AddDelegations.js';
import { AddImportIdentity1764115200000 } from './1764115200000-AddImportIdentity.js';
import { CreateImportJobs1764115300000 } from './1764115300000-CreateImportJobs.js';
import { AddSupplierMembers1763771900000 } from './1763771900000-AddSupplierMembers.js';
import { AddSupplierAnswers1763772000000 } from './1763772000000-AddSupplierAnswers.js';
import { AddNotifications1763772100000 } from './1763772100000-AddNotifications.js';
import { AddBilingualNames1764200000000 } from './1764200000000-AddBilingualNames.js';
import { AddSignIn1764310000000 } from './1764310000000-AddSignIn.js';
import { AddReportReferenceIndex1764115400000 } from './1764115400000-AddReportReferenceIndex.js';
import { AddImportJobHeartbeat1764250000000 } from './1764250000000-AddImportJobHeartbeat.js';
import { CreateFocusAreas1764300000000 } from './1764300000000-CreateFocusAreas.js';

/** In order. Listed explicitly (not globbed) so the same list works from src under Jest and from dist. */
export const MIGRATIONS = [
  CreateCatalogue1763769600000,
  CreateAuthAndEvents1763769700000,
  CreateFollowUps1763769800000,
  AddLookupIndexes1763770600000,
  AddDelegations1764100000000,
  AddImportIdentity1764115200000,
  CreateImportJobs1764115300000,
  AddSupplierMembers1763771900000,
  AddSupplierAnswers1763772000000,
  AddNotifications1763772100000,
  AddBilingualNames1764200000000,
  AddReportReferenceIndex1764115400000,
  AddImportJobHeartbeat1764250000000,
  CreateFocusAreas1764300000000,
  AddSignIn1764310000000,
];
