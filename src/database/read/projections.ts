import { FollowUpEntity } from '../../follow-ups/follow-up.entity.js';
import { MeasurementEntity } from '../../follow-ups/measurement.entity.js';
import { ProductEntity } from '../../products/product.entity.js';
import { SubstanceEntity } from '../../substances/substance.entity.js';
import { SupplierEntity } from '../../suppliers/supplier.entity.js';
import type { Projection } from './projection.js';

/**
 * The column allowlists of the GraphQL types whose reads are projected from the selection: the
 * `followUps` page and the relations a lookup follows (see Projection). A field missing here reads
 * the whole row: adding a field to one of these types costs nothing but the projection, until its
 * columns are listed here. Organisations are not projected: the instance keeps them whole
 * (ReadCaches.immutableRows), read once.
 */

/** FollowUp: the access rules (canSee, isOwner) need visibility, organisationId and supplierId; the measurements, the version. */
export const FOLLOW_UP: Projection<FollowUpEntity> = {
  always: ['id', 'version', 'visibility', 'organisationId', 'supplierId'],
  fields: {
    id: [],
    version: [],
    visibility: [],
    method: ['method'],
    performedOn: ['performedOn'],
    status: ['status'],
    validUntil: ['validUntil'],
    notes: ['notes'],
    retractedReason: ['retractedReason'],
    retractedAt: ['retractedAt'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    requiresSupplierRelease: ['requiresSupplierRelease'],
    reportReleasedAt: ['reportReleasedAt'],
    // Under canSeeReportDetails.
    laboratory: ['laboratory', 'requiresSupplierRelease', 'reportReleasedAt'],
    reportReference: ['reportReference', 'requiresSupplierRelease', 'reportReleasedAt'],
    // Under isOwner.
    confidentialNotes: ['confidentialNotes'],
    organisation: [],
    supplier: [],
    product: ['productId'],
    contract: ['contractId'],
    recordedBy: ['recordedByOrganisationId'],
    // Loaded by the follow-up's id (and version).
    measurements: [],
    requirements: [],
    deviations: [],
    reuses: [],
    history: [],
    comments: [],
  },
};

/** Measurement: grouped by follow-up, joined with its substance. */
export const MEASUREMENT: Projection<MeasurementEntity> = {
  always: ['id', 'followUpId', 'substanceId'],
  fields: {
    id: [],
    substance: [],
    followUp: [],
    part: ['part'],
    detected: ['detected'],
    value: ['value'],
    loq: ['loq'],
    unit: ['unit'],
    uncertainty: ['uncertainty'],
    analyticalMethod: ['analyticalMethod'],
  },
};

export const SUBSTANCE: Projection<SubstanceEntity> = {
  always: ['id'],
  fields: {
    id: [],
    name: ['name'],
    nameEn: ['name'],
    nameSv: ['nameSv'],
    casNumber: ['casNumber'],
    ecNumber: ['ecNumber'],
    groups: [],
    lists: [],
    followUps: [],
  },
};

export const PRODUCT: Projection<ProductEntity> = {
  always: ['id'],
  fields: {
    id: [],
    name: ['name'],
    articleNumber: ['articleNumber'],
    gtin: ['gtin'],
    supplier: ['supplierId'],
    category: ['categoryId'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    followUps: [],
  },
};

export const SUPPLIER: Projection<SupplierEntity> = {
  always: ['id'],
  fields: {
    id: [],
    name: ['name'],
    country: ['country'],
    organisationNumber: ['organisationNumber'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    followUps: [],
  },
};
