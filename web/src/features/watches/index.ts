// What other features may use of the watches feature.
export { WatchButton } from './WatchButton';
