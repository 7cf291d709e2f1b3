-- Only additions, as in the SQLite adapter: the phone number a user shared with the phone-number button, NULL
-- until they did. Personal data: the adapter never logs these columns.
ALTER TABLE "${flyway:defaultSchema}"."user"
    ADD COLUMN "phoneNumber" text,
    ADD COLUMN "purePhoneNumber" text,
    ADD COLUMN "phoneCountryCode" text;
