/** The console's screens by hash (#/counter, #/floor, #/printers, #/reports, #/admin/services…), and who may see each. */
import type { Role } from '../../protocol/domain';

export type AdminTab = 'services' | 'counters' | 'priorities' | 'staff' | 'center' | 'procedures' | 'audit';
export const ADMIN_TABS: AdminTab[] = ['services', 'counters', 'priorities', 'staff', 'center', 'procedures', 'audit'];

export type Route = { screen: 'counter' } | { screen: 'floor' } | { screen: 'printers' } | { screen: 'reports' } | { screen: 'admin'; tab: AdminTab };

const ALLOWED: Record<Route['screen'], Role[]> = {
  counter: ['staff', 'director', 'admin'],
  floor: ['director', 'admin'],
  printers: ['director', 'admin'],
  reports: ['director', 'admin'],
  admin: ['admin'],
};

export function canSee(role: Role, screen: Route['screen']): boolean {
  return ALLOWED[screen].includes(role);
}

export function homeFor(role: Role): Route {
  return role === 'staff' ? { screen: 'counter' } : { screen: 'floor' };
}

/** The route a hash names, or the role's home when it names nothing it may see. */
export function parseHash(hash: string, role: Role): Route {
  const [screen, tab] = hash.replace(/^#\/?/, '').split('/');
  let route: Route | null = null;
  if (screen === 'counter' || screen === 'floor' || screen === 'printers' || screen === 'reports') route = { screen };
  else if (screen === 'admin') route = { screen: 'admin', tab: ADMIN_TABS.includes(tab as AdminTab) ? (tab as AdminTab) : 'services' };
  return route && canSee(role, route.screen) ? route : homeFor(role);
}

export function hashOf(route: Route): string {
  return route.screen === 'admin' ? `#/admin/${route.tab}` : `#/${route.screen}`;
}
