-- Vector tiles: boundaries simplified once per zoom band (at import), not per request, and a signal when map data change.
CREATE TABLE boundary_generalised (
    level   text     NOT NULL CHECK (level IN ('region', 'district')),
    kato    char(9)  NOT NULL,
    band    smallint NOT NULL CHECK (band BETWEEN 0 AND 3),
    geom    geometry(MultiPolygon, 4326) NOT NULL,
    PRIMARY KEY (level, band, kato)
);
CREATE INDEX boundary_generalised_geom_idx ON boundary_generalised USING gist (geom);

-- Band 0 serves zooms 0–4, band 1 zooms 5–7, band 2 zooms 8–10, band 3 (the stored geometry) zooms 11 and above.
-- The tolerances are about a pixel at the band's highest zoom, in degrees.
CREATE FUNCTION refresh_boundary_generalised() RETURNS void LANGUAGE sql AS $$
    DELETE FROM boundary_generalised;
    INSERT INTO boundary_generalised (level, kato, band, geom)
    SELECT u.level, u.kato, b.band,
           CASE WHEN b.tolerance = 0 THEN u.geom
                ELSE COALESCE(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(u.geom, b.tolerance)), 3)), u.geom) END
    FROM (SELECT 'region' AS level, kato, geom FROM regions UNION ALL SELECT 'district', kato, geom FROM districts) u
    CROSS JOIN (VALUES (0, 0.02), (1, 0.004), (2, 0.0006), (3, 0)) AS b(band, tolerance);
$$;
SELECT refresh_boundary_generalised();
