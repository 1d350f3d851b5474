/**
 * Accounts on an empty hub: `SEED=demo` makes the province admin `admin` and a director `director`, both with
 * DEMO_PASSWORD; `SEED=none` makes only `admin`, with a one-time password printed once (a production hub).
 */
import { randomUUID } from 'node:crypto';
import { generatePassword, hashPassword } from '../server/auth/password';
import type { HubDb } from './db/db';

export interface HubSeedAccount {
  username: string;
  role: 'admin' | 'director';
  password: string;
  oneTime: boolean;
}

export async function seedHubIfEmpty(db: HubDb, options: { mode: 'demo' | 'none'; demoPassword: string; now: number }): Promise<HubSeedAccount[]> {
  const accounts: HubSeedAccount[] =
    options.mode === 'demo'
      ? [
          { username: 'admin', role: 'admin', password: options.demoPassword, oneTime: false },
          { username: 'director', role: 'director', password: options.demoPassword, oneTime: false },
        ]
      : [{ username: 'admin', role: 'admin', password: generatePassword(), oneTime: true }];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  return db.transaction(async (tx) => {
    // Several nodes may start on one empty database: the advisory lock lets one seed and the others see it done.
    await tx.query('SELECT pg_advisory_xact_lock(4815163)');
    const any = await tx.query('SELECT 1 FROM hub_accounts LIMIT 1');
    if (any.rows.length > 0) return [];
    for (const [i, a] of accounts.entries()) {
      await tx.query('INSERT INTO hub_accounts (id, username, display_name, role, password_hash, must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        `acc-${randomUUID()}`,
        a.username,
        a.role === 'admin' ? 'Quản trị tỉnh' : 'Lãnh đạo tỉnh',
        a.role,
        hashes[i],
        a.oneTime,
        options.now,
      ]);
    }
    return accounts;
  });
}
