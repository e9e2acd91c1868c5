-- The effective check-ins: those no correction replaced (see check_ins in 0003). Every read of
-- "the current history" goes through this view, so the rule lives in one place. PostgreSQL inlines
-- a plain view, so a query on it plans like the NOT EXISTS it spells out (the unique index on
-- corrects_id answers the anti-join).
-- The columns are listed, not `c.*`: a view's columns are fixed when it is created, so a column
-- added to check_ins later is added here by that migration (CREATE OR REPLACE VIEW).
CREATE VIEW effective_check_ins AS
SELECT c.id, c.key_result_id, c.kpi_item_id, c.value, c.confidence, c.comment, c.check_in_date,
       c.author_id, c.corrects_id, c.source, c.version, c.created_at, c.updated_at
FROM check_ins AS c
WHERE NOT EXISTS (SELECT 1 FROM check_ins AS n WHERE n.corrects_id = c.id);
