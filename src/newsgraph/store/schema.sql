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
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, code VARCHAR,
    country VARCHAR, source VARCHAR
);

CREATE TABLE IF NOT EXISTS people (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, title VARCHAR, affiliation VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, geonames_id BIGINT, lat DOUBLE, lon DOUBLE,
    country_code VARCHAR, kind VARCHAR, source VARCHAR
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
    method VARCHAR, stage VARCHAR
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
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence (doc_id);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id);
CREATE INDEX IF NOT EXISTS relations_doc ON relations (doc_id);
CREATE INDEX IF NOT EXISTS documents_story ON documents (story_id);
