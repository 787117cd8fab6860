import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

@Entity('substances')
export class SubstanceEntity extends BaseEntity {
  /** The English name (nameEn). */
  @Column({ type: 'varchar', length: 300 }) name: string;
  /** The Swedish name, e.g. Bis(2-etylhexyl)ftalat (DEHP). */
  @Column({ type: 'varchar', length: 300, nullable: true }) nameSv: string | null;
  @Column({ type: 'varchar', length: 12, unique: true }) casNumber: string;
  @Column({ type: 'varchar', length: 9, nullable: true }) ecNumber: string | null;
  @Column({ type: 'varchar', length: 400, select: false }) searchText: string;
}

/** A substance's membership of a group such as ORTHO_PHTHALATE or PFAS. */
@Entity('substance_groups')
export class SubstanceGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) substanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) groupCode: string;
}

/** A substance's presence on a regulatory list such as REACH_CANDIDATE_LIST. */
@Entity('substance_lists')
export class SubstanceListEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) substanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) listCode: string;
}
