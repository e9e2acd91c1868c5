-- Translation and cascade links: where a matrix item came from, and the state of its source when
-- it was translated (or last accepted or answered), so a later change upstream shows on the item.

-- A parent's initiative (How) cascaded into a child unit's breakthrough or annual objective.
ALTER TABLE matrix_items
  ADD COLUMN source_item_id text REFERENCES matrix_items(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX matrix_items_source_item_idx ON matrix_items (source_item_id);

-- One snapshot per translated item: the source's title and target as the item last agreed with them.
-- `answer` holds the comment of someone who kept the item's own text against a changed source.
CREATE TABLE source_snapshots (
  id text PRIMARY KEY REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  source_kind text NOT NULL CHECK (source_kind IN ('objective', 'key_result', 'item')),
  source_id text NOT NULL,
  title text NOT NULL,
  unit_of_measure text NOT NULL DEFAULT '',
  baseline double precision,
  target double precision,
  target_high double precision,
  answer text,
  answered_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
