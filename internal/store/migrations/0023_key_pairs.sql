-- Migration 23: EC2 key pairs, imported from the user's public key. A name
-- is unique in its account and region, as ImportKeyPair holds it; the
-- key- ID is what the pair's tags hang on.

CREATE TABLE IF NOT EXISTS key_pairs (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    region      TEXT NOT NULL,
    key_name    TEXT NOT NULL,
    key_type    TEXT NOT NULL CHECK (key_type IN ('rsa', 'ed25519')),
    fingerprint TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    create_time TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS key_pairs_name ON key_pairs (owner_id, region, key_name);

{{deleteTagsWith "key_pairs" "id"}}
