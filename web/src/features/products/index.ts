// What other features may use of the products feature.
export { EvaluationPanel } from './EvaluationPanel';
export { FollowUpCard } from './FollowUpCard';
export { MyContractsQuery } from './product';
