/**
 * The centers' logs as they arrive: one row per uplink batch (a chunk), the batch's JSON as the center sent it
 * (`{ commits: [...], ... }`, commits in seq order; only `commits` is read back), or just its new commits when
 * part of the batch had been stored before.
 *
 * Why chunks: a batch of 500 commits as 500 jsonb rows cost PostgreSQL most of its ingest time (each row parsed
 * into binary JSON, written, indexed), and the log is only ever read back whole or counted; a chunk is one row to
 * write, and PostgreSQL compresses it (lz4 where the server has it, else its own pglz) to about a seventh.
 * `center_commits` stays a view with one row per commit, for whoever reads the log by seq. For the same reason
 * `center_tickets.row` becomes json (the text as sent) instead of jsonb.
 *
 * A chunk never overlaps another: ingest takes the center's row FOR UPDATE and writes only the commits after its
 * `last_seq`, moving `last_seq` in the same transaction.
 */
export const LOG_IN_CHUNKS = `
CREATE TABLE center_log (
  center_id text NOT NULL REFERENCES centers(id),
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL CHECK (last_seq >= first_seq),
  received_at bigint NOT NULL,
  body json NOT NULL,
  PRIMARY KEY (center_id, first_seq)
);
-- lz4 compresses and decompresses several times faster than pglz; a server built without it keeps pglz.
DO $$ BEGIN ALTER TABLE center_log ALTER COLUMN body SET COMPRESSION lz4; EXCEPTION WHEN OTHERS THEN NULL; END $$;

INSERT INTO center_log (center_id, first_seq, last_seq, received_at, body)
SELECT center_id, seq, seq, received_at, json_build_object('commits', json_build_array(json_build_object('seq', seq, 'at', at, 'events', events, 'tickets', tickets)))
FROM center_commits;
DROP TABLE center_commits;

-- Each ticket's newest row is only ever read whole: kept as the text it came in, without a binary copy.
ALTER TABLE center_tickets ALTER COLUMN row TYPE json USING row::json;

CREATE VIEW center_commits AS
SELECT l.center_id, (c->>'seq')::bigint AS seq, (c->>'at')::bigint AS at, (c->'events')::jsonb AS events, (c->'tickets')::jsonb AS tickets, l.received_at
FROM center_log l CROSS JOIN LATERAL json_array_elements(l.body->'commits') AS c;
`;

/**
 * Migration 9: the chunk is kept as text. As json, PostgreSQL parsed every chunk once more on the way in, only to
 * check it: the node that stores it has just parsed the same bytes. The view reads it as JSON, as before.
 */
export const LOG_AS_TEXT = `
DROP VIEW center_commits;
ALTER TABLE center_log ALTER COLUMN body TYPE text;
DO $$ BEGIN ALTER TABLE center_log ALTER COLUMN body SET COMPRESSION lz4; EXCEPTION WHEN OTHERS THEN NULL; END $$;
CREATE VIEW center_commits AS
SELECT l.center_id, (c->>'seq')::bigint AS seq, (c->>'at')::bigint AS at, (c->'events')::jsonb AS events, (c->'tickets')::jsonb AS tickets, l.received_at
FROM center_log l CROSS JOIN LATERAL json_array_elements(l.body::json->'commits') AS c;
`;

/** The statement writing one chunk: $1 center, $2 first seq, $3 last seq, $4 received at, $5 the JSON (text or bytes). */
export const INSERT_CHUNK = 'INSERT INTO center_log (center_id, first_seq, last_seq, received_at, body) VALUES ($1, $2, $3, $4, $5)';
