// What other features may use of the requirements feature.
export { RequirementPage } from './RequirementPage';
