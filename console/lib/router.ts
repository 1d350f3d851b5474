/** The console's screens by hash (#/counter, #/floor, #/printers, #/reports, #/reports/appointments, #/reports/what-if, #/admin/services…, #/password), and who may see each. */
import type { Role } from '../../protocol/domain';

export type AdminTab = 'services' | 'counters' | 'priorities' | 'staff' | 'devices' | 'center' | 'appointments' | 'procedures' | 'province' | 'audit';
export const ADMIN_TABS: AdminTab[] = ['services', 'counters', 'priorities', 'staff', 'devices', 'center', 'appointments', 'procedures', 'province', 'audit'];
/** The reports' own screens beside the summary: the appointments' figures and the staffing what-if. */
export type ReportsTab = 'appointments' | 'what-if';

export type Route =
  | { screen: 'counter' }
  | { screen: 'floor' }
  | { screen: 'printers' }
  | { screen: 'reports'; tab?: ReportsTab }
  | { screen: 'password' }
  | { screen: 'admin'; tab: AdminTab };

const ALLOWED: Record<Route['screen'], Role[]> = {
  counter: ['staff', 'director', 'admin'],
  floor: ['director', 'admin'],
  printers: ['director', 'admin'],
  reports: ['director', 'admin'],
  admin: ['admin'],
  password: ['staff', 'director', 'admin'],
};

export function canSee(role: Role, screen: Route['screen']): boolean {
  return ALLOWED[screen].includes(role);
}

export function homeFor(role: Role): Route {
  return role === 'staff' ? { screen: 'counter' } : { screen: 'floor' };
}

/**
 * The route a hash names, or the role's home when it names nothing it may see.
 * An account still on a one-time password gets the password screen whatever
 * the hash: nothing else is usable until it sets its own.
 */
export function parseHash(hash: string, role: Role, mustChangePassword = false): Route {
  if (mustChangePassword) return { screen: 'password' };
  const [screen, tab] = hash.replace(/^#\/?/, '').split('/');
  let route: Route | null = null;
  if (screen === 'reports' && (tab === 'what-if' || tab === 'appointments')) route = { screen, tab };
  else if (screen === 'counter' || screen === 'floor' || screen === 'printers' || screen === 'reports' || screen === 'password') route = { screen };
  else if (screen === 'admin') route = { screen: 'admin', tab: ADMIN_TABS.includes(tab as AdminTab) ? (tab as AdminTab) : 'services' };
  return route && canSee(role, route.screen) ? route : homeFor(role);
}

export function hashOf(route: Route): string {
  return route.screen === 'admin' || (route.screen === 'reports' && route.tab) ? `#/${route.screen}/${route.tab}` : `#/${route.screen}`;
}
