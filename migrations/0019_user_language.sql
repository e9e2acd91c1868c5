-- The language a person reads Catchball in (web app, e-mails, exports). NULL: follow the browser.
ALTER TABLE users ADD COLUMN language text CHECK (language IN ('en', 'de', 'ja'));
