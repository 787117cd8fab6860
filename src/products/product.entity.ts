import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

@Entity('products')
export class ProductEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 }) supplierId: string;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) articleNumber: string | null;
  @Column({ type: 'varchar', length: 14, nullable: true, unique: true }) gtin: string | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) categoryId: string | null;
  @Column({ type: 'varchar', length: 500, select: false }) searchText: string;
}
