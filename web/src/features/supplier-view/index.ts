// What other features may use of the supplier's view.
export { SupplierViewPage } from './SupplierViewPage';
