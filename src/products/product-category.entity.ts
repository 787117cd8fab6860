import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

@Entity('product_categories')
export class ProductCategoryEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 64, unique: true }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) parentId: string | null;
}
