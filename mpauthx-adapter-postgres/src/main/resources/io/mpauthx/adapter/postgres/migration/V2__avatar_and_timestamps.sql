-- Only additions, as in the SQLite adapter: rows written before keep working. They carry no timestamps, so they
-- read as the epoch; every row written since stamps both (milliseconds, UTC).
ALTER TABLE "${flyway:defaultSchema}"."user"
    ADD COLUMN "avatarUrl" text,
    ADD COLUMN "createdAt" timestamptz NOT NULL DEFAULT '1970-01-01 00:00:00+00',
    ADD COLUMN "updatedAt" timestamptz NOT NULL DEFAULT '1970-01-01 00:00:00+00';
