-- Key results measured by KPIs (issue 13): a KPI of an X-matrix below that was translated from a
-- key result (matrix_items.source_key_result_id) measures it, and the key result's current value
-- follows its KPIs. With several KPIs, `measure_rule` says how their values combine;
-- `measure_weights` holds the weight of each KPI (by item id) for the weighted average, 1 when absent.
ALTER TABLE key_results
  ADD COLUMN measure_rule text NOT NULL DEFAULT 'average'
    CHECK (measure_rule IN ('sum', 'average', 'weighted_average', 'min', 'max')),
  ADD COLUMN measure_weights jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A check-in made by hand on a measured key result is refused unless recorded as an override:
-- it then stands until the KPIs report a later value, and history shows it as one.
ALTER TABLE check_ins ADD COLUMN is_override boolean NOT NULL DEFAULT false;

CREATE OR REPLACE VIEW effective_check_ins AS
SELECT c.id, c.key_result_id, c.kpi_item_id, c.value, c.confidence, c.comment, c.check_in_date,
       c.author_id, c.corrects_id, c.source, c.version, c.created_at, c.updated_at, c.is_override
FROM check_ins AS c
WHERE NOT EXISTS (SELECT 1 FROM check_ins AS n WHERE n.corrects_id = c.id);
