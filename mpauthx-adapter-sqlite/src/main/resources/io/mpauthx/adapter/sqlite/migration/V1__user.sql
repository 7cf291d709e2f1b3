-- Exactly the table of the Node.js mpauthx 1.3.2, so its databases are baselined here, never recreated.
CREATE TABLE user(
    openId text primary key not null,
    city text, country text, gender integer, language text, nickName text, province text);
