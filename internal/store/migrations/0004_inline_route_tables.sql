-- Which route tables have their routes managed inline (route blocks of
-- simcloud_route_table), even while they have none.

ALTER TABLE route_tables ADD COLUMN inline_routes {{.Boolean}} NOT NULL DEFAULT {{.False}};
