-- The table of the Node.js mpauthx 1.3.2, in PostgreSQL: "user" is a reserved word there, and the camel-case
-- column names are quoted so that they keep their case. A schema that has this table already is baselined here.
CREATE TABLE "${flyway:defaultSchema}"."user" (
    "openId" text PRIMARY KEY NOT NULL,
    city text, country text, gender integer, language text, "nickName" text, province text);
