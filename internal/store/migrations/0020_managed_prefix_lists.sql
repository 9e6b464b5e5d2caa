-- Migration 20: customer-managed prefix lists. A list's entries are kept in
-- its row, as a JSON array of {"cidr", "description"} ordered by CIDR, so
-- that a change of the entries and of the version is one update.

CREATE TABLE IF NOT EXISTS managed_prefix_lists (
    id             TEXT PRIMARY KEY,
    owner_id       TEXT NOT NULL,
    region         TEXT NOT NULL,
    name           TEXT NOT NULL,
    address_family TEXT NOT NULL CHECK (address_family IN ('IPv4', 'IPv6')),
    max_entries    INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    entries        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS managed_prefix_lists_scope ON managed_prefix_lists (owner_id, region);

{{deleteTagsWith "managed_prefix_lists" "id"}}
