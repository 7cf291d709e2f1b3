-- Live tokens, for the PostgreSQL token store: the SHA-256 of each token's secret (base64url), never the token.
-- "seq" orders an owner's tokens by issue (the device cap revokes the earliest) without trusting clocks to differ.
-- Rows past expires_at are never read as live; the store deletes them in small batches.
CREATE TABLE "${flyway:defaultSchema}".mpauthx_token (
    hash text COLLATE "C" PRIMARY KEY,
    sku text COLLATE "C" NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    issued_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    device text);
CREATE INDEX mpauthx_token_owner ON "${flyway:defaultSchema}".mpauthx_token (sku, user_id, seq);
CREATE INDEX mpauthx_token_expiry ON "${flyway:defaultSchema}".mpauthx_token (expires_at);
