-- Accord's embedded database (DuckDB). Every statement is idempotent: the file is run on every open.
-- One article and everything found in it are written in one transaction (see writer.py); child rows
-- carry article_id so that replacing an article deletes them with one statement per table.
-- Offsets ("start", "end") count characters in articles.text. Bump SCHEMA_VERSION in connection.py
-- and add a migration when a table changes.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id           VARCHAR PRIMARY KEY,
    report_date  DATE NOT NULL,
    title        VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    origin       VARCHAR,
    line         INTEGER,
    text         VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,      -- sha256 of id, date and text: same hash = already stored
    event_count  INTEGER NOT NULL,      -- lets a reader check that no event of the article is missing
    extra        JSON,
    ingested_at  TIMESTAMP NOT NULL     -- UTC
);

-- One row per event; `record` is the contract object exactly as Event.to_dict() gave it, the other
-- columns are copies of its fields for filtering, sorting and flat exports.
CREATE TABLE IF NOT EXISTS events (
    id              VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    position        INTEGER NOT NULL,   -- order of the event in its article
    date            VARCHAR NOT NULL,   -- YYYY, YYYY-MM or YYYY-MM-DD as in the contract
    date_precision  VARCHAR NOT NULL,
    enddate         VARCHAR,
    date_first      DATE NOT NULL,      -- first day of `date`
    date_last       DATE NOT NULL,      -- last day of `enddate`, or of `date` when there is none
    report_date     VARCHAR NOT NULL,
    event           VARCHAR NOT NULL,
    mode            VARCHAR,
    context         VARCHAR[] NOT NULL,
    cameo           VARCHAR NOT NULL,
    goldstein       DOUBLE NOT NULL,
    quad_class      INTEGER NOT NULL,
    status          VARCHAR NOT NULL,
    "symmetric"     BOOLEAN NOT NULL,
    text            VARCHAR NOT NULL,
    text_start      INTEGER NOT NULL,
    text_end        INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL,
    event_loc_name         VARCHAR,
    event_loc_country_code VARCHAR,
    event_loc_lat          DOUBLE,
    event_loc_lon          DOUBLE,
    event_loc_start        INTEGER,
    event_loc_end          INTEGER,
    actor_codes     VARCHAR[] NOT NULL, -- copies of event_participants.code, so that filters need no join
    recipient_codes VARCHAR[] NOT NULL,
    search_text     VARCHAR NOT NULL,   -- lower-cased sentence and trigger, for the `text` filter
    record          JSON NOT NULL,
    cluster_id      VARCHAR,            -- the real event it reports (clusters.id); set when it is written
    counts          STRUCT(unit VARCHAR, value DOUBLE)[] -- its quantities with a unit ("killed", 10), for linking
);
-- Files of schema 2 lack the last two columns: added here; the migration (connection.py) links their
-- events (their counts stay NULL: those events are linked without them).
ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS counts STRUCT(unit VARCHAR, value DOUBLE)[];

CREATE TABLE IF NOT EXISTS event_participants (
    event_id    VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    role        VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
    position    INTEGER NOT NULL,       -- index in the event's actor or recipient list
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    sector      VARCHAR,
    office      VARCHAR,
    entity_text VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);

-- Distinct actor mentions of an article (the result's entities and every event participant).
CREATE TABLE IF NOT EXISTS entities (
    article_id  VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    entity_text VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    sector      VARCHAR,
    office      VARCHAR,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);

-- event_id NULL: a quantity or amount found in the article but tied to no event.
CREATE TABLE IF NOT EXISTS quantities (
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR,
    position   INTEGER NOT NULL,
    value      DOUBLE NOT NULL,
    unit       VARCHAR,
    item       VARCHAR,
    text       VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS money (
    article_id  VARCHAR NOT NULL,
    event_id    VARCHAR,
    position    INTEGER NOT NULL,
    amount      DOUBLE NOT NULL,
    currency    VARCHAR NOT NULL,
    approximate BOOLEAN NOT NULL,
    text        VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS time_expressions (
    article_id VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    timex_type VARCHAR NOT NULL,
    timex      VARCHAR NOT NULL,
    date       VARCHAR,
    precision  VARCHAR,
    enddate    VARCHAR
);

-- Agreements, deals and meetings (schema 2; see accord.fact_records). One row per record; `record` is the
-- record exactly as its to_dict() gave it, the other columns are copies for filtering, sorting and flat
-- exports. `actor_codes` holds every code on the record (parties, signatories, buyer, seller, participants,
-- chairs, people) for the `actor` filter; `event_ids` the events that state it. `cluster_id` is the record's
-- cluster across articles (clusters.id), set when it is written.
CREATE TABLE IF NOT EXISTS agreements (
    id               VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    position         INTEGER NOT NULL,      -- order of the agreement in its article
    cluster_id       VARCHAR,
    kind             VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    name_start       INTEGER NOT NULL,
    name_end         INTEGER NOT NULL,
    action           VARCHAR,
    status           VARCHAR NOT NULL,
    date             VARCHAR NOT NULL,
    date_precision   VARCHAR NOT NULL,
    date_first       DATE NOT NULL,
    date_last        DATE NOT NULL,
    report_date      VARCHAR NOT NULL,
    term_start_year  INTEGER,
    term_end_year    INTEGER,
    term_years       INTEGER,
    term_added       BOOLEAN,
    earlier_relation VARCHAR,
    earlier_text     VARCHAR,
    earlier_date     VARCHAR,
    party_codes      VARCHAR[] NOT NULL,
    signatory_codes  VARCHAR[] NOT NULL,
    actor_codes      VARCHAR[] NOT NULL,
    event_ids        VARCHAR[] NOT NULL,
    mentions         STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    search_text      VARCHAR NOT NULL,      -- lower-cased name and mentions, for the `text` filter
    record           JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS deals (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    position       INTEGER NOT NULL,
    cluster_id     VARCHAR,
    kind           VARCHAR NOT NULL,
    name           VARCHAR,
    name_start     INTEGER,
    name_end       INTEGER,
    status         VARCHAR,
    date           VARCHAR NOT NULL,
    date_precision VARCHAR NOT NULL,
    date_first     DATE NOT NULL,
    date_last      DATE NOT NULL,
    report_date    VARCHAR NOT NULL,
    buyer_codes    VARCHAR[] NOT NULL,
    seller_codes   VARCHAR[] NOT NULL,
    party_codes    VARCHAR[] NOT NULL,
    actor_codes    VARCHAR[] NOT NULL,
    item           VARCHAR,
    quantity       DOUBLE,
    amount         DOUBLE,
    currency       VARCHAR,
    approximate    BOOLEAN,
    intermediary   VARCHAR,
    event_ids      VARCHAR[] NOT NULL,
    mentions       STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    search_text    VARCHAR NOT NULL,
    record         JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS meetings (
    id                 VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    position           INTEGER NOT NULL,
    cluster_id         VARCHAR,
    kind               VARCHAR NOT NULL,
    name               VARCHAR NOT NULL,
    name_start         INTEGER NOT NULL,
    name_end           INTEGER NOT NULL,
    status             VARCHAR NOT NULL,
    date               VARCHAR NOT NULL,
    date_precision     VARCHAR NOT NULL,
    date_first         DATE NOT NULL,
    date_last          DATE NOT NULL,
    report_date        VARCHAR NOT NULL,
    ordinal            INTEGER,
    recurrence         VARCHAR,
    participant_codes  VARCHAR[] NOT NULL,
    chair_codes        VARCHAR[] NOT NULL,
    actor_codes        VARCHAR[] NOT NULL,
    place_name         VARCHAR,
    place_country_code VARCHAR,
    place_lat          DOUBLE,
    place_lon          DOUBLE,
    event_ids          VARCHAR[] NOT NULL,
    mentions           STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    search_text        VARCHAR NOT NULL,
    record             JSON NOT NULL
);

-- Everyone named on a record, one row per role: an agreement's parties and signatories, a deal's buyer,
-- seller and parties, a meeting's participants, chairs and people.
CREATE TABLE IF NOT EXISTS record_actors (
    record_id   VARCHAR NOT NULL,
    record_type VARCHAR NOT NULL CHECK (record_type IN ('agreement', 'deal', 'meeting')),
    article_id  VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    position    INTEGER NOT NULL,       -- index in the record's list for that role
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    sector      VARCHAR,
    office      VARCHAR,
    entity_text VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);

-- Events an analyst marked as wrong (schema 3), with a note; flagged events are left out of the API's
-- counts by default. Not a child table of the article: a flag outlives the article's re-ingest (its event
-- id is stable while the article's text is unchanged), and it keeps what the event said when it was
-- flagged, so that the review list reads on its own as a list of corrections.
CREATE TABLE IF NOT EXISTS flags (
    id              VARCHAR PRIMARY KEY,    -- fl- and 16 hex digits
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    problem         VARCHAR NOT NULL CHECK (problem IN ('type', 'side', 'date', 'status', 'place', 'other')),
    note            VARCHAR NOT NULL,
    correction      VARCHAR,                -- what it should be, in the analyst's words or codes
    event           VARCHAR NOT NULL,       -- the event as flagged: type, CAMEO, date, sides, trigger, sentence
    cameo           VARCHAR NOT NULL,
    date            VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    actor_codes     VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    created_at      TIMESTAMP NOT NULL      -- UTC
);

-- One row per cluster: one real event (or agreement, deal, meeting) and every mention of it, across
-- articles (schema 4; see accord.link and store/clusters.py). The id is stable: "cl-" and a hash of the
-- mention that founded it, kept when that mention leaves. The other columns are the best-supported values
-- of its members (accord.link.summary), rewritten whenever a member joins or leaves; a cluster left
-- without members is deleted.
CREATE TABLE IF NOT EXISTS clusters (
    id                    VARCHAR PRIMARY KEY,
    kind                  VARCHAR NOT NULL CHECK (kind IN ('event', 'agreement', 'deal', 'meeting')),
    type                  VARCHAR NOT NULL,   -- PLOVER type of events, the record type of records
    subtype               VARCHAR,            -- CAMEO code of events, the kind of records (treaty, summit)
    status                VARCHAR,
    date                  VARCHAR NOT NULL,
    date_precision        VARCHAR NOT NULL,
    enddate               VARCHAR,
    date_first            DATE NOT NULL,
    date_last             DATE NOT NULL,
    goldstein             DOUBLE,
    quad_class            INTEGER,
    actor_codes           VARCHAR[] NOT NULL, -- union of the members' codes, most often named first
    recipient_codes       VARCHAR[] NOT NULL,
    location_name         VARCHAR,
    location_country_code VARCHAR,
    location_lat          DOUBLE,
    location_lon          DOUBLE,
    first_report_date     DATE NOT NULL,
    last_report_date      DATE NOT NULL,
    article_count         INTEGER NOT NULL,   -- articles that report it
    source_count          INTEGER NOT NULL,   -- distinct publishers (articles.source) among them
    member_count          INTEGER NOT NULL,
    founder_id            VARCHAR NOT NULL,   -- the mention it was founded by (it may have left)
    representative_id     VARCHAR NOT NULL,   -- the member whose values are the cluster's
    member_ids            VARCHAR[] NOT NULL, -- by report date
    article_ids           VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
    origin     VARCHAR NOT NULL,
    line       INTEGER,
    reason     VARCHAR NOT NULL,
    article_id VARCHAR,
    seen_at    TIMESTAMP NOT NULL       -- UTC
);

CREATE INDEX IF NOT EXISTS events_article_idx ON events (article_id);
CREATE INDEX IF NOT EXISTS events_date_idx ON events (date_first);
CREATE INDEX IF NOT EXISTS events_event_idx ON events (event);
CREATE INDEX IF NOT EXISTS participants_code_idx ON event_participants (code);
CREATE INDEX IF NOT EXISTS participants_event_idx ON event_participants (event_id);
CREATE INDEX IF NOT EXISTS participants_article_idx ON event_participants (article_id);
CREATE INDEX IF NOT EXISTS entities_article_idx ON entities (article_id);
CREATE INDEX IF NOT EXISTS quantities_article_idx ON quantities (article_id);
CREATE INDEX IF NOT EXISTS money_article_idx ON money (article_id);
CREATE INDEX IF NOT EXISTS times_article_idx ON time_expressions (article_id);
CREATE INDEX IF NOT EXISTS agreements_article_idx ON agreements (article_id);
CREATE INDEX IF NOT EXISTS deals_article_idx ON deals (article_id);
CREATE INDEX IF NOT EXISTS meetings_article_idx ON meetings (article_id);
CREATE INDEX IF NOT EXISTS record_actors_record_idx ON record_actors (record_id);
CREATE INDEX IF NOT EXISTS record_actors_article_idx ON record_actors (article_id);
CREATE INDEX IF NOT EXISTS flags_event_idx ON flags (event_id);
CREATE INDEX IF NOT EXISTS events_cluster_idx ON events (cluster_id);
CREATE INDEX IF NOT EXISTS agreements_cluster_idx ON agreements (cluster_id);
CREATE INDEX IF NOT EXISTS deals_cluster_idx ON deals (cluster_id);
CREATE INDEX IF NOT EXISTS meetings_cluster_idx ON meetings (cluster_id);
CREATE INDEX IF NOT EXISTS clusters_date_idx ON clusters (date_first);
