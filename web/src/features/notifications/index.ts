// What other features may use of the notifications feature.
export { NotificationSettingsPage } from './NotificationSettingsPage';
