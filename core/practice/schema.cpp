// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/schema.h"

#include "practice/connection.h"

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

// Every statement of version 1, in order. Names are fixed; no value is ever part of the text.
constexpr const char *version1[] = {
    // The group role of every member's login role; members get their rights through it.
    R"sql(DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uc_member') THEN
            CREATE ROLE uc_member NOLOGIN;
        END IF;
    END $$)sql",
    // Members connect to this database (whatever it is called) and to nothing else.
    R"sql(DO $$ BEGIN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO uc_member', current_database());
    END $$)sql",
    "CREATE SCHEMA uc",
    "REVOKE ALL ON SCHEMA uc FROM PUBLIC",
    "GRANT USAGE ON SCHEMA uc TO uc_member",
    R"sql(CREATE TABLE uc.practice (
        id int PRIMARY KEY CHECK (id = 1),
        practice_id text NOT NULL,
        schema_version int NOT NULL,
        created timestamptz NOT NULL DEFAULT now()))sql",
    // A member: pseudonymous id, the PostgreSQL role their certificate names, their practice role,
    // their Ed25519 key once they joined, and the administrator's signature over all of it.
    R"sql(CREATE TABLE uc.members (
        member_id text PRIMARY KEY CHECK (member_id ~ '^[0-9a-f]{32}$'),
        db_role text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('therapist', 'supervisor', 'auditor')),
        admin boolean NOT NULL DEFAULT false,
        sign_pk bytea CHECK (sign_pk IS NULL OR length(sign_pk) = 32),
        join_proof bytea,
        cert_signature bytea CHECK (cert_signature IS NULL OR length(cert_signature) = 64),
        invited timestamptz NOT NULL DEFAULT now(),
        joined timestamptz))sql",
    R"sql(CREATE TABLE uc.invitations (
        member_id text PRIMARY KEY REFERENCES uc.members,
        expires timestamptz NOT NULL,
        used timestamptz))sql",
    // Insert-only: no UPDATE, DELETE or TRUNCATE is granted, and triggers refuse them even to the
    // owner. The acting role is the session's, whatever the insert says.
    R"sql(CREATE TABLE uc.audit (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL DEFAULT session_user,
        action text NOT NULL,
        object text NOT NULL DEFAULT ''))sql",
    R"sql(CREATE FUNCTION uc.audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit table is insert-only' USING ERRCODE = 'insufficient_privilege';
    END $$)sql",
    // Per statement, so that it refuses even an UPDATE or DELETE that row security left no row to.
    R"sql(CREATE TRIGGER audit_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON uc.audit
        FOR EACH STATEMENT EXECUTE FUNCTION uc.audit_refuse_change())sql",
    R"sql(CREATE FUNCTION uc.audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.actor := session_user;
        NEW.at := now();
        RETURN NEW;
    END $$)sql",
    R"sql(CREATE TRIGGER audit_stamp BEFORE INSERT ON uc.audit
        FOR EACH ROW EXECUTE FUNCTION uc.audit_stamp())sql",

    // The session's member, for the policies (SECURITY DEFINER: it reads members past their policy).
    R"sql(CREATE FUNCTION uc.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
        SELECT CASE WHEN admin THEN 'administrator' ELSE role END FROM uc.members WHERE db_role = session_user
    $$)sql",
    R"sql(CREATE FUNCTION uc.my_member_id() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
        SELECT member_id FROM uc.members WHERE db_role = session_user
    $$)sql",
    // Joining: the invited role registers its key and proof once, before the invitation expires.
    R"sql(CREATE FUNCTION uc.join(p_sign_pk bytea, p_proof bytea) RETURNS text LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = uc, pg_temp AS $$
    DECLARE
        m text;
    BEGIN
        SELECT i.member_id INTO m FROM uc.invitations i JOIN uc.members mm USING (member_id)
            WHERE mm.db_role = session_user AND i.used IS NULL AND i.expires > now() FOR UPDATE;
        IF m IS NULL THEN
            RAISE EXCEPTION 'no open invitation for this role' USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE uc.members SET sign_pk = p_sign_pk, join_proof = p_proof, joined = now() WHERE member_id = m;
        UPDATE uc.invitations SET used = now() WHERE member_id = m;
        INSERT INTO uc.audit (action, object) VALUES ('join', m);
        RETURN m;
    END $$)sql",
    "REVOKE ALL ON FUNCTION uc.join(bytea, bytea) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.join(bytea, bytea) TO uc_member",
    "REVOKE ALL ON FUNCTION uc.my_role() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.my_role() TO uc_member",
    "REVOKE ALL ON FUNCTION uc.my_member_id() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.my_member_id() TO uc_member",

    // What members may do directly: read the practice and the members' public keys (to verify
    // signatures and wrap keys), their own invitation, and the audit as the matrix says; append to
    // the audit. Nothing else.
    "GRANT SELECT ON uc.practice, uc.members TO uc_member",
    "GRANT SELECT ON uc.invitations TO uc_member",
    "GRANT SELECT, INSERT ON uc.audit TO uc_member",
    "REVOKE UPDATE, DELETE, TRUNCATE ON uc.audit FROM PUBLIC, uc_member",
    "ALTER TABLE uc.members ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.invitations ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.audit ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.audit FORCE ROW LEVEL SECURITY",
    // Every member reads the roster (pseudonymous ids, roles, public keys): verifying a colleague's
    // signature needs their key.
    "CREATE POLICY members_read ON uc.members FOR SELECT TO uc_member USING (true)",
    "CREATE POLICY invitations_own ON uc.invitations FOR SELECT TO uc_member USING (member_id = uc.my_member_id())",
    // The auditor and the administrator read the whole trail; everyone else their own entries.
    R"sql(CREATE POLICY audit_read ON uc.audit FOR SELECT
        USING (actor = session_user OR uc.my_role() IN ('auditor', 'administrator')))sql",
    R"sql(CREATE POLICY audit_append ON uc.audit FOR INSERT
        WITH CHECK (actor = session_user))sql",
};

// Version 2: content (docs/practice.md, "Content and sync"). Every table forces row security, so
// the administrator's role, which owns them, obeys the same policies as everyone.
constexpr const char *version2[] = {
    // The administrator's signed assignment of a supervisor to a therapist: who receives the
    // content keys of whose clients. Its signature covers it; the server's row alone proves nothing.
    R"sql(CREATE TABLE uc.assignments (
        supervisor text NOT NULL REFERENCES uc.members,
        therapist text NOT NULL REFERENCES uc.members,
        signature bytea NOT NULL CHECK (length(signature) = 64),
        made timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (supervisor, therapist)))sql",
    // A client's content key wrapped (crypto_box_seal) for one reader, signed by the member who made it.
    R"sql(CREATE TABLE uc.content_keys (
        member_id text NOT NULL REFERENCES uc.members,
        client text NOT NULL CHECK (client ~ '^[0-9a-f]{32}$'),
        key_version int NOT NULL CHECK (key_version > 0),
        sealed bytea NOT NULL,
        made_by text NOT NULL REFERENCES uc.members,
        signature bytea NOT NULL CHECK (length(signature) = 64),
        made timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, client, key_version)))sql",
    // A signed note: ciphertext under the client's key, the author's signature, the server's order.
    R"sql(CREATE TABLE uc.items (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id text NOT NULL UNIQUE CHECK (item_id ~ '^[0-9a-f]{32}$'),
        author text NOT NULL REFERENCES uc.members,
        client text NOT NULL CHECK (client ~ '^[0-9a-f]{32}$'),
        key_version int NOT NULL CHECK (key_version > 0),
        body bytea NOT NULL,
        signature bytea NOT NULL CHECK (length(signature) = 64),
        uploaded timestamptz NOT NULL DEFAULT now()))sql",
    "GRANT SELECT, INSERT ON uc.assignments, uc.content_keys, uc.items TO uc_member",
    "REVOKE UPDATE, DELETE, TRUNCATE ON uc.assignments, uc.content_keys, uc.items FROM PUBLIC, uc_member",
    "ALTER TABLE uc.assignments ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.assignments FORCE ROW LEVEL SECURITY",
    "ALTER TABLE uc.content_keys ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.content_keys FORCE ROW LEVEL SECURITY",
    "ALTER TABLE uc.items ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.items FORCE ROW LEVEL SECURITY",
    // Assignments: the two members named read it, the administrator reads and makes them.
    R"sql(CREATE POLICY assignments_read ON uc.assignments FOR SELECT
        USING (supervisor = uc.my_member_id() OR therapist = uc.my_member_id() OR uc.my_role() = 'administrator'))sql",
    R"sql(CREATE POLICY assignments_make ON uc.assignments FOR INSERT
        WITH CHECK (uc.my_role() = 'administrator'))sql",
    // Wraps: a member reads their own and those they made; they make wraps only as themselves, and
    // only for themselves or a supervisor the administrator assigned to them — never for a colleague.
    R"sql(CREATE POLICY content_keys_read ON uc.content_keys FOR SELECT
        USING (member_id = uc.my_member_id() OR made_by = uc.my_member_id()))sql",
    R"sql(CREATE POLICY content_keys_make ON uc.content_keys FOR INSERT
        WITH CHECK (made_by = uc.my_member_id() AND (member_id = made_by OR EXISTS (SELECT 1 FROM uc.assignments a
            WHERE a.supervisor = content_keys.member_id AND a.therapist = content_keys.made_by))))sql",
    // Items: their author, and whoever holds a wrap of that client's key made by the item's author (a
    // wrap a member made for themselves under someone else's pseudonym shows them nothing of theirs).
    R"sql(CREATE POLICY items_read ON uc.items FOR SELECT
        USING (author = uc.my_member_id() OR EXISTS (SELECT 1 FROM uc.content_keys k
            WHERE k.member_id = uc.my_member_id() AND k.client = items.client AND k.key_version = items.key_version
              AND k.made_by = items.author)))sql",
    R"sql(CREATE POLICY items_push ON uc.items FOR INSERT
        WITH CHECK (author = uc.my_member_id()))sql",
    // The items table is append-only like the audit: a statement trigger refuses changes to all.
    R"sql(CREATE FUNCTION uc.items_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the signed notes are append-only' USING ERRCODE = 'insufficient_privilege';
    END $$)sql",
    R"sql(CREATE TRIGGER items_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON uc.items
        FOR EACH STATEMENT EXECUTE FUNCTION uc.items_refuse_change())sql",
};

// Version 3: the server insists too (docs/practice.md, "Hardening"). Only a member whose key carries
// the administrator's certificate writes content, wraps or assignments; a wrap is keyed by its maker
// too; a join that reached the server but not the member's machine can be repeated with the same
// key and proof.
constexpr const char *version3[] = {
    // The server cannot check an Ed25519 signature (every client does); it can insist that the
    // administrator stored one, which no member's role can do (no UPDATE on members is granted).
    R"sql(CREATE FUNCTION uc.i_am_certified() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
        SELECT coalesce((SELECT sign_pk IS NOT NULL AND cert_signature IS NOT NULL FROM uc.members
                         WHERE db_role = session_user), false)
    $$)sql",
    R"sql(CREATE FUNCTION uc.is_certified(p_member text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
        SELECT coalesce((SELECT sign_pk IS NOT NULL AND cert_signature IS NOT NULL FROM uc.members
                         WHERE member_id = p_member), false)
    $$)sql",
    "REVOKE ALL ON FUNCTION uc.i_am_certified() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.i_am_certified() TO uc_member",
    "REVOKE ALL ON FUNCTION uc.is_certified(text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.is_certified(text) TO uc_member",
    // Assignments: by the (certified) administrator, of two certified members.
    "DROP POLICY assignments_make ON uc.assignments",
    R"sql(CREATE POLICY assignments_make ON uc.assignments FOR INSERT
        WITH CHECK (uc.my_role() = 'administrator' AND uc.i_am_certified() AND uc.is_certified(supervisor)
                    AND uc.is_certified(therapist)))sql",
    // Wraps: by a certified member, for a certified reader (themselves or their assigned supervisor).
    "DROP POLICY content_keys_make ON uc.content_keys",
    R"sql(CREATE POLICY content_keys_make ON uc.content_keys FOR INSERT
        WITH CHECK (uc.i_am_certified() AND uc.is_certified(member_id) AND made_by = uc.my_member_id()
            AND (member_id = made_by OR EXISTS (SELECT 1 FROM uc.assignments a
                WHERE a.supervisor = content_keys.member_id AND a.therapist = content_keys.made_by))))sql",
    // A wrap is one maker's: another member's wrap under the same pseudonym for the same reader
    // (a colleague who shares the supervisor and guessed the pseudonym) no longer stands in the way.
    "ALTER TABLE uc.content_keys DROP CONSTRAINT content_keys_pkey",
    "ALTER TABLE uc.content_keys ADD PRIMARY KEY (member_id, client, key_version, made_by)",
    // Notes: by a certified member, as themselves.
    "DROP POLICY items_push ON uc.items",
    R"sql(CREATE POLICY items_push ON uc.items FOR INSERT
        WITH CHECK (uc.i_am_certified() AND author = uc.my_member_id()))sql",
    // Joining, repeatable: the same key and proof again return the member id (a join whose answer
    // was lost, or whose local save failed, completes on retry); anything else needs an open
    // invitation, as before.
    R"sql(CREATE OR REPLACE FUNCTION uc.join(p_sign_pk bytea, p_proof bytea) RETURNS text LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = uc, pg_temp AS $$
    DECLARE
        m text;
        was_used timestamptz;
        expiry timestamptz;
        known_pk bytea;
        known_proof bytea;
    BEGIN
        SELECT i.member_id, i.used, i.expires, mm.sign_pk, mm.join_proof
            INTO m, was_used, expiry, known_pk, known_proof
            FROM uc.invitations i JOIN uc.members mm USING (member_id)
            WHERE mm.db_role = session_user FOR UPDATE;
        IF m IS NOT NULL AND was_used IS NOT NULL AND known_pk = p_sign_pk AND known_proof = p_proof THEN
            RETURN m;
        END IF;
        IF m IS NULL OR was_used IS NOT NULL OR expiry <= now() THEN
            RAISE EXCEPTION 'no open invitation for this role' USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE uc.members SET sign_pk = p_sign_pk, join_proof = p_proof, joined = now() WHERE member_id = m;
        UPDATE uc.invitations SET used = now() WHERE member_id = m;
        INSERT INTO uc.audit (action, object) VALUES ('join', m);
        RETURN m;
    END $$)sql",
};

// Version 4: removal (docs/practice.md, "Removing an assignment or a member"). The administrator's
// signed revocations, append-only and read by every member: a revoked assignment is not one, a
// revoked member is not certified (so the server refuses wraps for them and writes by them, whatever
// their certificate says). The administrator may delete an assignment row (the revocation is what
// clients believe; the row goes so that row security stops new wraps at once).
constexpr const char *version4[] = {
    R"sql(CREATE TABLE uc.revocations (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('assignment', 'member')),
        subject text NOT NULL CHECK (subject ~ '^[0-9a-f]{32}(:[0-9a-f]{32})?$'),
        items_before bigint NOT NULL DEFAULT 0 CHECK (items_before >= 0),
        signature bytea NOT NULL CHECK (length(signature) = 64),
        made timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, subject)))sql",
    "GRANT SELECT, INSERT ON uc.revocations TO uc_member",
    "REVOKE UPDATE, DELETE, TRUNCATE ON uc.revocations FROM PUBLIC, uc_member",
    "ALTER TABLE uc.revocations ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.revocations FORCE ROW LEVEL SECURITY",
    "CREATE POLICY revocations_read ON uc.revocations FOR SELECT USING (true)",
    R"sql(CREATE FUNCTION uc.revocations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the revocations are append-only' USING ERRCODE = 'insufficient_privilege';
    END $$)sql",
    R"sql(CREATE TRIGGER revocations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON uc.revocations
        FOR EACH STATEMENT EXECUTE FUNCTION uc.revocations_refuse_change())sql",
    // A revoked member is not certified, for the server as for every client.
    R"sql(CREATE OR REPLACE FUNCTION uc.i_am_certified() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
        SELECT coalesce((SELECT sign_pk IS NOT NULL AND cert_signature IS NOT NULL
                                AND NOT EXISTS (SELECT 1 FROM uc.revocations r
                                                WHERE r.kind = 'member' AND r.subject = m.member_id)
                         FROM uc.members m WHERE db_role = session_user), false)
    $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION uc.is_certified(p_member text) RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = uc, pg_temp AS $$
        SELECT coalesce((SELECT sign_pk IS NOT NULL AND cert_signature IS NOT NULL
                                AND NOT EXISTS (SELECT 1 FROM uc.revocations r
                                                WHERE r.kind = 'member' AND r.subject = m.member_id)
                         FROM uc.members m WHERE member_id = p_member), false)
    $$)sql",
    // Revocations by the (certified) administrator only.
    R"sql(CREATE POLICY revocations_make ON uc.revocations FOR INSERT
        WITH CHECK (uc.my_role() = 'administrator' AND uc.i_am_certified()))sql",
    "GRANT DELETE ON uc.assignments TO uc_member",
    R"sql(CREATE POLICY assignments_unmake ON uc.assignments FOR DELETE
        USING (uc.my_role() = 'administrator' AND uc.i_am_certified()))sql",
};

// Version 5: co-signatures, returns and comments (docs/practice.md, "Co-signing, comments and
// returns through the server"): append-only events on a pushed note, each signed by its author over
// the practice, the note's item id and content hash, the kind, the time and (a comment or a return)
// its words' ciphertext. Their numbers come from the notes' sequence, so a revocation's items_before
// bounds them too: an event numbered after the revocation of its author's assignment (or of its
// author) was not written while it held.
constexpr const char *version5[] = {
    R"sql(CREATE TABLE uc.events (
        seq bigint PRIMARY KEY DEFAULT nextval('uc.items_seq_seq'),
        item_id text NOT NULL REFERENCES uc.items (item_id),
        author text NOT NULL REFERENCES uc.members,
        kind text NOT NULL CHECK (kind IN ('cosign', 'return', 'comment')),
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        at text NOT NULL CHECK (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'),
        body bytea,
        signature bytea NOT NULL CHECK (length(signature) = 64),
        uploaded timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'cosign') = (body IS NULL))))sql",
    // One co-signature per note, whoever makes it.
    "CREATE UNIQUE INDEX events_one_cosign ON uc.events (item_id) WHERE kind = 'cosign'",
    "GRANT SELECT, INSERT ON uc.events TO uc_member",
    "GRANT USAGE ON SEQUENCE uc.items_seq_seq TO uc_member",
    "REVOKE UPDATE, DELETE, TRUNCATE ON uc.events FROM PUBLIC, uc_member",
    "ALTER TABLE uc.events ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE uc.events FORCE ROW LEVEL SECURITY",
    // Read: the event's author, and whoever row security shows the note to (its author, its readers).
    R"sql(CREATE POLICY events_read ON uc.events FOR SELECT
        USING (author = uc.my_member_id() OR EXISTS (SELECT 1 FROM uc.items i WHERE i.item_id = events.item_id)))sql",
    // Written by a certified member, as themselves, on a note they can see whose author the
    // administrator assigned them to supervise (the assignment row goes when it is revoked).
    R"sql(CREATE POLICY events_make ON uc.events FOR INSERT
        WITH CHECK (uc.i_am_certified() AND author = uc.my_member_id() AND EXISTS (
            SELECT 1 FROM uc.items i JOIN uc.assignments a ON a.therapist = i.author
            WHERE i.item_id = events.item_id AND a.supervisor = uc.my_member_id())))sql",
    R"sql(CREATE FUNCTION uc.events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the events are append-only' USING ERRCODE = 'insufficient_privilege';
    END $$)sql",
    R"sql(CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON uc.events
        FOR EACH STATEMENT EXECUTE FUNCTION uc.events_refuse_change())sql",
};

// Version 6: the audit hash-chained and signed per entry (docs/practice.md, "The audit's hash
// chain"). Each row carries its number (the chain's position: dense, from 1), a random nonce, the
// hash of its body (nonce, time, action, object), the previous row's hash, its own hash over (number,
// previous hash, actor, body hash) and the acting member's Ed25519 signature over number, previous
// hash and hash, made on their machine. The insert trigger takes the chain's lock, so two members
// appending at once cannot fork it, and refuses a row that does not extend the head or whose hashes
// are not its content's. The chain (number, links, actor, body hash, signature: never the time,
// action, object or nonce) is a table every member reads, so each recomputes all of it; the full
// rows stay as row security gives them. Installed on an empty audit (practice init): a server of
// version 5 is not upgraded, and its rows stay unchained.
constexpr const char *version6[] = {
    "ALTER TABLE uc.audit ALTER COLUMN seq DROP IDENTITY",
    "ALTER TABLE uc.audit ADD CONSTRAINT audit_seq_positive CHECK (seq > 0)",
    "ALTER TABLE uc.audit ADD COLUMN nonce bytea NOT NULL CHECK (length(nonce) = 16)",
    "ALTER TABLE uc.audit ADD COLUMN body_hash bytea NOT NULL CHECK (length(body_hash) = 32)",
    "ALTER TABLE uc.audit ADD COLUMN prev bytea NOT NULL CHECK (length(prev) = 32)",
    "ALTER TABLE uc.audit ADD COLUMN hash bytea NOT NULL CHECK (length(hash) = 32)",
    "ALTER TABLE uc.audit ADD COLUMN signature bytea NOT NULL CHECK (length(signature) = 64)",
    // A line break would make two rows' hashed text ambiguous.
    R"sql(ALTER TABLE uc.audit ADD CONSTRAINT audit_one_line CHECK (strpos(action, E'\n') = 0
        AND strpos(object, E'\n') = 0))sql",
    R"sql(CREATE TABLE uc.audit_chain (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        prev bytea NOT NULL CHECK (length(prev) = 32),
        hash bytea NOT NULL UNIQUE CHECK (length(hash) = 32),
        actor text NOT NULL CHECK (strpos(actor, E'\n') = 0),
        body_hash bytea NOT NULL CHECK (length(body_hash) = 32),
        signature bytea NOT NULL CHECK (length(signature) = 64)))sql",
    "REVOKE ALL ON uc.audit_chain FROM PUBLIC",
    "GRANT SELECT ON uc.audit_chain TO uc_member",
    R"sql(CREATE FUNCTION uc.audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit chain is insert-only' USING ERRCODE = 'insufficient_privilege';
    END $$)sql",
    R"sql(CREATE TRIGGER audit_chain_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE ON uc.audit_chain
        FOR EACH STATEMENT EXECUTE FUNCTION uc.audit_chain_refuse_change())sql",
    // The time as hashed: UTC, to the microsecond (what timestamptz holds).
    R"sql(CREATE FUNCTION uc.audit_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    $$)sql",
    // An entry's body hash and its link hash: SHA-256 of their fields, one a line
    // (core/practice/auditchain.cpp makes the same). The nonce keeps a member from confirming a guess
    // of a colleague's entry from its body hash.
    R"sql(CREATE FUNCTION uc.audit_body_hash(p_nonce bytea, p_at text, p_action text, p_object text) RETURNS bytea
        LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(convert_to('uc-audit-body-1' || E'\n' || encode(p_nonce, 'hex') || E'\n' || p_at || E'\n'
                                 || p_action || E'\n' || p_object, 'UTF8'))
    $$)sql",
    R"sql(CREATE FUNCTION uc.audit_link(p_seq bigint, p_prev bytea, p_actor text, p_body_hash bytea) RETURNS bytea
        LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(convert_to('uc-audit-1' || E'\n' || p_seq::text || E'\n' || encode(p_prev, 'hex') || E'\n'
                                 || p_actor || E'\n' || encode(p_body_hash, 'hex'), 'UTF8'))
    $$)sql",
    // The head, under the chain's lock (held to the end of the transaction: the caller's insert
    // follows it), with the time and actor the insert will be stamped with.
    R"sql(CREATE FUNCTION uc.audit_head(OUT head_seq bigint, OUT head_hash bytea, OUT stamp text, OUT actor text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = uc, pg_temp AS $$
    BEGIN
        LOCK TABLE uc.audit_chain IN EXCLUSIVE MODE;
        SELECT c.seq, c.hash INTO head_seq, head_hash FROM uc.audit_chain c ORDER BY c.seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, decode(repeat('00', 32), 'hex'));
        stamp := uc.audit_time(now());
        actor := session_user;
    END $$)sql",
    "REVOKE ALL ON FUNCTION uc.audit_head() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION uc.audit_head() TO uc_member",
    // Every insert: stamped with the session's actor and the transaction's time, as before, and
    // refused unless it extends the head with its content's hash; then its link joins the chain.
    R"sql(CREATE OR REPLACE FUNCTION uc.audit_stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = uc, pg_temp AS $$
    DECLARE
        h record;
    BEGIN
        NEW.actor := session_user;
        NEW.at := now();
        SELECT * INTO h FROM uc.audit_head();
        IF NEW.seq IS DISTINCT FROM h.head_seq + 1 OR NEW.prev IS DISTINCT FROM h.head_hash
           OR NEW.body_hash IS DISTINCT FROM uc.audit_body_hash(NEW.nonce, h.stamp, NEW.action, NEW.object)
           OR NEW.hash IS DISTINCT FROM uc.audit_link(NEW.seq, NEW.prev, NEW.actor, NEW.body_hash)
           OR NEW.signature IS NULL THEN
            RAISE EXCEPTION 'an audit row must extend the chain at its head' USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO uc.audit_chain (seq, prev, hash, actor, body_hash, signature)
            VALUES (NEW.seq, NEW.prev, NEW.hash, NEW.actor, NEW.body_hash, NEW.signature);
        RETURN NEW;
    END $$)sql",
    // Joining no longer writes its audit row itself: the member's client appends it, signed, in the
    // same transaction (practice.cpp, join).
    R"sql(CREATE OR REPLACE FUNCTION uc.join(p_sign_pk bytea, p_proof bytea) RETURNS text LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = uc, pg_temp AS $$
    DECLARE
        m text;
        was_used timestamptz;
        expiry timestamptz;
        known_pk bytea;
        known_proof bytea;
    BEGIN
        SELECT i.member_id, i.used, i.expires, mm.sign_pk, mm.join_proof
            INTO m, was_used, expiry, known_pk, known_proof
            FROM uc.invitations i JOIN uc.members mm USING (member_id)
            WHERE mm.db_role = session_user FOR UPDATE;
        IF m IS NOT NULL AND was_used IS NOT NULL AND known_pk = p_sign_pk AND known_proof = p_proof THEN
            RETURN m;
        END IF;
        IF m IS NULL OR was_used IS NOT NULL OR expiry <= now() THEN
            RAISE EXCEPTION 'no open invitation for this role' USING ERRCODE = 'insufficient_privilege';
        END IF;
        UPDATE uc.members SET sign_pk = p_sign_pk, join_proof = p_proof, joined = now() WHERE member_id = m;
        UPDATE uc.invitations SET used = now() WHERE member_id = m;
        RETURN m;
    END $$)sql",
};

// Version 7: the author answers (docs/practice.md, "The author's answer: addenda through the server"):
// an event of kind 'addendum', written only by the note's own author on her own pushed note; the
// supervisors' events stay co-signatures, comments and returns. Its readers are the note's (events_read).
constexpr const char *version7[] = {
    "ALTER TABLE uc.events DROP CONSTRAINT events_kind_check",
    "ALTER TABLE uc.events ADD CONSTRAINT events_kind_check CHECK (kind IN ('cosign', 'return', 'comment', 'addendum'))",
    R"sql(ALTER POLICY events_make ON uc.events
        WITH CHECK (kind <> 'addendum' AND uc.i_am_certified() AND author = uc.my_member_id() AND EXISTS (
            SELECT 1 FROM uc.items i JOIN uc.assignments a ON a.therapist = i.author
            WHERE i.item_id = events.item_id AND a.supervisor = uc.my_member_id())))sql",
    R"sql(CREATE POLICY events_answer ON uc.events FOR INSERT
        WITH CHECK (kind = 'addendum' AND uc.i_am_certified() AND author = uc.my_member_id() AND EXISTS (
            SELECT 1 FROM uc.items i WHERE i.item_id = events.item_id AND i.author = uc.my_member_id())))sql",
};

} // namespace

bool schemaInstalled(Connection &connection)
{
    return connection.exec("SELECT to_regclass('uc.practice') IS NOT NULL", {}, u"reading the practice schema"_s)
               .text(0, 0)
        == u"t";
}

void installSchema(Connection &connection)
{
    for (const char *statement : version1)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version2)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version3)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version4)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version5)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version6)
        connection.exec(statement, {}, u"installing the practice schema"_s);
    for (const char *statement : version7)
        connection.exec(statement, {}, u"installing the practice schema"_s);
}

} // namespace uc::practice
