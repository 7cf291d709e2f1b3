-- Only additions: the phone number a user shared with the phone-number button, NULL until they did. Personal
-- data: the adapter never logs these columns.
ALTER TABLE user ADD COLUMN phoneNumber text;
ALTER TABLE user ADD COLUMN purePhoneNumber text;
ALTER TABLE user ADD COLUMN phoneCountryCode text;
