-- SPDX-License-Identifier: GPL-3.0-or-later
-- The prototype ("v0") layout of early Undercurrent builds, with a few notes as a prototype user
-- wrote them. vaulttest's migrationFromV0 keys it, leaves user_version at 0 and opens it as a vault.
CREATE TABLE clients(code TEXT PRIMARY KEY, name TEXT);
CREATE TABLE notes(id INTEGER PRIMARY KEY, client_code TEXT, date TEXT, body TEXT);

INSERT INTO clients(code, name) VALUES ('C-0007', 'R. M.');
INSERT INTO clients(code, name) VALUES ('C-0019', NULL);
INSERT INTO clients(code, name) VALUES ('C-0023', 'J. T. (no notes yet)');

INSERT INTO notes(client_code, date, body) VALUES ('C-0007', '2024-11-04',
'Third session. Client described a weekend of heavy drinking after an argument with her sister.
Explored the sequence: felt dismissed, then "abandoned", then drank to numb it.
Plan: craving log, call sponsor before Friday.');
INSERT INTO notes(client_code, date, body) VALUES ('C-0019', '2024-11-05',
'Client arrived late; reluctant to talk about work. Sleep poor (4-5 h). Denies SI. Plan: revisit next week.');
INSERT INTO notes(client_code, date, body) VALUES ('C-0007', '2024-10-28',
'Intake follow-up. Client''s goals: cut down to weekends, repair relationship with sister.');
-- A note whose client never made it into the clients table: the client is created from its code.
INSERT INTO notes(client_code, date, body) VALUES ('C-0031', '2024-11-06',
'Phone check-in (15 min). Client reports 9 days abstinent; attending two meetings a week.');
