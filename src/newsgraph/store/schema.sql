-- newsgraph's DuckDB schema (docs/store.md explains every table).
-- Entities (actors, people, places) are shared by all documents: one row per canonical entity.
-- Every fact row carries its document id and the character offsets of its evidence.

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,          -- hash of the canonical URL, else of the normalised text
    source VARCHAR NOT NULL,         -- file path, URL or "file.csv:row" it was read from
    url VARCHAR,
    title VARCHAR,
    byline VARCHAR,
    outlet VARCHAR,
    published DATE,
    text VARCHAR NOT NULL,           -- the cleaned text every offset points into
    words INTEGER NOT NULL,
    content_hash VARCHAR NOT NULL,   -- changes when a re-ingested URL has new text
    stages VARCHAR[] NOT NULL,       -- versioned stages that produced the facts
    fingerprint UINTEGER[],          -- MinHash signature (near-duplicate search)
    duplicate_of VARCHAR,            -- the original this document copies, if any
    similarity DOUBLE,               -- estimated Jaccard similarity with that original
    story_id VARCHAR,                -- the story cluster it belongs to
    ingested_at TIMESTAMP NOT NULL,
    seq BIGINT NOT NULL              -- the order documents were stored in (merging replays it)
);

CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, code VARCHAR,
    country VARCHAR, origin VARCHAR, patrons VARCHAR[], led_by VARCHAR,
    side VARCHAR                     -- Actor.side: state, opposition, jihadist, kurdish, ...
);

CREATE TABLE IF NOT EXISTS people (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, title VARCHAR, affiliation VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, geonames_id BIGINT, lat DOUBLE, lon DOUBLE,
    country_code VARCHAR, kind VARCHAR, origin VARCHAR,
    -- ACLED's geo_precision: 1 the place itself, 2 its town or district, 3 its region;
    -- `within` names the container whose coordinates a place the gazetteer lacks carries
    precision INTEGER, within VARCHAR
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL, entity_type VARCHAR NOT NULL, entity_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text VARCHAR NOT NULL, kind VARCHAR, cue VARCHAR, speaker VARCHAR,
    speaker_id VARCHAR, speaker_text VARCHAR, via VARCHAR[], method VARCHAR, stage VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR, actors VARCHAR[], recipients VARCHAR[],
    place VARCHAR, place_id VARCHAR, date_text VARCHAR, day DATE, killed VARCHAR[],
    injured VARCHAR[], claimed_by VARCHAR, via VARCHAR[], cameo VARCHAR, "trigger" VARCHAR,
    method VARCHAR, stage VARCHAR,
    -- killed/injured name the victims; these count them (NULL: the text gives no number)
    fatalities INTEGER, injuries INTEGER, approximate BOOLEAN, weapon VARCHAR,
    day_precision VARCHAR,           -- day, month, year, or report (no date in the text)
    period VARCHAR,                  -- the ISO date at its precision: 2016-07-11, 2016-07, 2016
    suspected BOOLEAN,
    denied_by VARCHAR[]              -- who the document says denies it (store/origins.py)
);

CREATE TABLE IF NOT EXISTS event_clusters (
    id VARCHAR PRIMARY KEY,          -- one real occurrence, however many reports mention it
    type VARCHAR NOT NULL, place_id VARCHAR, place VARCHAR, first_day DATE, last_day DATE
);

CREATE TABLE IF NOT EXISTS relations (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, subject VARCHAR, relation VARCHAR,
    object VARCHAR, stage VARCHAR
);

CREATE TABLE IF NOT EXISTS evidence (
    fact_type VARCHAR NOT NULL,      -- quote, event, relation
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
    main BOOLEAN NOT NULL            -- the span that states the fact best; false: a further mention
);


-- How many independent origins stand behind each merged event (fact_id: its cluster) and each
-- quote, and whose they are (store/origins.py); recomputed as reports are added.
CREATE TABLE IF NOT EXISTS corroboration (
    fact_type VARCHAR NOT NULL,      -- event, quote
    fact_id VARCHAR NOT NULL,
    independent_origins INTEGER NOT NULL,
    sides VARCHAR[] NOT NULL,        -- the states or parties the origins belong to
    single_side BOOLEAN NOT NULL,    -- every origin is one party's, a party to the fact
    single_side_method VARCHAR NOT NULL,
    denied_by VARCHAR[] NOT NULL,    -- parties whose statement denies it
    origins STRUCT(
        name VARCHAR, kind VARCHAR, side VARCHAR, side_method VARCHAR, outlet_kind VARCHAR,
        method VARCHAR, documents INTEGER,
        via STRUCT(name VARCHAR, kind VARCHAR, side VARCHAR, side_method VARCHAR,
                   outlet_kind VARCHAR)[]
    )[] NOT NULL                     -- one row per (fact_type, fact_id): store/corroboration.py
);

-- What `newsgraph watch` knows of each feed or page it polls (store/watch_state.py), so that a
-- restart resumes: the validators of the next conditional GET, the schedule, the failures.
CREATE TABLE IF NOT EXISTS watch_feeds (
    url VARCHAR PRIMARY KEY,
    kind VARCHAR,                    -- feed or page, once a poll has said which
    etag VARCHAR,                    -- sent back as If-None-Match
    last_modified VARCHAR,           -- sent back as If-Modified-Since
    last_poll TIMESTAMP,
    last_success TIMESTAMP,
    next_poll TIMESTAMP,             -- not polled before this (the schedule, or a backoff)
    failures INTEGER NOT NULL,       -- failed polls in a row
    last_error VARCHAR
);

-- Each item a watched feed listed, as last seen: an item seen again with the same digest
-- costs no request; one whose digest changed (an edited item) is read again.
CREATE TABLE IF NOT EXISTS watch_items (
    feed VARCHAR NOT NULL,
    key VARCHAR NOT NULL,            -- the item's guid, else its link
    digest VARCHAR NOT NULL,         -- hash of the item's title, link, dates and text
    doc_id VARCHAR,                  -- the document it is stored as, if it is
    how VARCHAR NOT NULL,            -- page, feed-text, stored, near-duplicate, failed
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (feed, key)
);

CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence (doc_id);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id);
CREATE INDEX IF NOT EXISTS relations_doc ON relations (doc_id);
CREATE INDEX IF NOT EXISTS documents_story ON documents (story_id);

-- A story: documents that copy each other or report a shared, specifically placed event
-- (store/merge.py). Labelled by its most reported event, else by its earliest title.
CREATE OR REPLACE VIEW stories AS
WITH reported AS (
    SELECT d.story_id, e.cluster_id, e.type, e.place,
           any_value(e.actors) AS actors, any_value(e.recipients) AS recipients,
           count(DISTINCT e.doc_id) AS docs, max(coalesce(e.fatalities, 0)) AS killed, count(*) AS n
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.place IS NOT NULL AND e.status IN ('asserted', 'claimed')
    GROUP BY d.story_id, e.cluster_id, e.type, e.place
),
main AS (
    SELECT * FROM reported
    QUALIFY row_number() OVER (
        PARTITION BY story_id ORDER BY docs DESC, killed DESC, n DESC, cluster_id
    ) = 1
),
members AS (
    SELECT story_id, count(*) AS documents, min(published) AS first_day,
           max(published) AS last_day,
           arg_min(title, coalesce(published, DATE '9999-12-31')) AS first_title
    FROM documents GROUP BY story_id
)
SELECT m.story_id AS id,
       coalesce(
           main.type || ' in ' || main.place
           || CASE WHEN len(main.actors) + len(main.recipients) = 0 THEN ''
                   WHEN len(main.recipients) = 0
                       THEN ': ' || array_to_string(main.actors[1:2], ', ')
                   ELSE ': ' || coalesce(nullif(array_to_string(main.actors[1:2], ', '), ''), '?')
                        || ' -> ' || array_to_string(main.recipients[1:2], ', ')
              END,
           m.first_title, m.story_id
       ) AS label,
       m.documents, m.first_day, m.last_day
FROM members m LEFT JOIN main ON main.story_id = m.story_id;
