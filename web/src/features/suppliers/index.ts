// What other features may use of the suppliers feature.
export { DeviationFacts } from './DeviationFacts';
