import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { forbidden } from '../common/errors/domain-error.js';
import { todayIso } from '../common/time.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import { trafficLight } from '../evaluation/traffic-light.js';
import { DeviationEntity } from '../follow-ups/deviation.entity.js';
import { visibleCondition } from '../follow-ups/follow-up-access.js';
import { SupplierEntity } from './supplier.entity.js';
import { sqlConstantList } from '../database/sql-constants.js';
import { UNRESOLVED_DEVIATION_STATUSES } from '../vocabulary/vocabulary.js';

/** A supplier's traffic light (DOMAIN.md), from the deviations the caller may see. */
@Injectable()
export class SupplierStatusService {
  constructor(private readonly reader: SqlReader) {}

  /** The light from the unresolved deviations on follow-ups the caller may see (not retracted ones), soonest due first. */
  async status(supplierId: string, viewer: Principal) {
    // A supplier member sees its own light (its SHARED follow-ups' deviations), never another supplier's.
    if (viewer.supplierId && viewer.supplierId !== supplierId)
      throw forbidden('supplierStatus: a supplier member asks for its own supplier only');
    const supplier = await this.reader.get(SupplierEntity, 'Supplier', supplierId);
    const visible = visibleCondition(viewer);
    const where = new SqlWhere()
      .and('d.supplier_id = ?', supplierId)
      .and(`d.status IN (${sqlConstantList(UNRESOLVED_DEVIATION_STATUSES)})`)
      .and("f.status <> 'RETRACTED'")
      .and(visible.sql, ...visible.params);
    const deviations = await this.reader.entities(
      DeviationEntity,
      `SELECT ${this.reader.selectList(DeviationEntity, 'd')} FROM deviations d INNER JOIN follow_ups f ON f.id = d.follow_up_id${where.sql} ORDER BY d.due_date ASC, d.id ASC`,
      where.params,
    );
    const today = todayIso();
    const result = trafficLight(deviations, today);
    const ids = (list: { id: string }[]) => new Set(list.map((d) => d.id));
    const open = ids(result.open);
    const overdue = ids(result.overdue);
    return {
      supplier,
      light: result.light,
      evaluatedOn: today,
      openDeviations: deviations.filter((d) => open.has(d.id)),
      overdueDeviations: deviations.filter((d) => overdue.has(d.id)),
    };
  }
}
