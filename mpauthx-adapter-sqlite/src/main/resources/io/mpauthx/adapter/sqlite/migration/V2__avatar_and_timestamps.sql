-- Only additions: rows the original wrote keep working. Its rows carry no timestamps, so they read as
-- 0 (the epoch); every row written since stamps both in epoch milliseconds.
ALTER TABLE user ADD COLUMN avatarUrl text;
ALTER TABLE user ADD COLUMN createdAt integer not null default 0;
ALTER TABLE user ADD COLUMN updatedAt integer not null default 0;
