-- Re-applied after every migration run: what the service's runtime role (riskmap_runtime and its members) may do.
-- It reads and writes the data, but only reads and adds to the audit log and only reads the disclosure key; not owning
-- the tables, it can neither change them nor switch the audit log's protection off. Where the role does not exist (a
-- single-role set-up) nothing happens.
-- Each grant is made only where it is missing, so a start-up with nothing to grant takes no locks: other instances
-- may be running. Hangfire's schema belongs to the runtime role, which creates and migrates its tables in it.
DO $$
DECLARE
    object_name text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'riskmap_runtime') THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'hangfire') THEN
        CREATE SCHEMA hangfire AUTHORIZATION riskmap_runtime;
    END IF;
    IF NOT has_schema_privilege('riskmap_runtime', 'public', 'CREATE') THEN
        GRANT USAGE, CREATE ON SCHEMA public TO riskmap_runtime;
    END IF;
    FOR object_name IN SELECT c.relname FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relowner = current_user::regrole
                         AND c.relname NOT IN ('audit_log', 'schema_migrations', 'disclosure_key')
                         -- CASE: the privilege check must only ever see tables, whatever order the planner picks.
                         AND CASE WHEN c.relkind IN ('r', 'p') THEN NOT has_table_privilege('riskmap_runtime', c.oid, 'DELETE') END LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO riskmap_runtime', object_name);
    END LOOP;
    FOR object_name IN SELECT c.relname FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner = current_user::regrole
                         AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege('riskmap_runtime', c.oid, 'UPDATE') END LOOP
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE public.%I TO riskmap_runtime', object_name);
    END LOOP;
    -- Views (observations_today) are read only.
    FOR object_name IN SELECT c.relname FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v' AND c.relowner = current_user::regrole
                         AND CASE WHEN c.relkind = 'v' THEN NOT has_table_privilege('riskmap_runtime', c.oid, 'SELECT') END LOOP
        EXECUTE format('GRANT SELECT ON public.%I TO riskmap_runtime', object_name);
    END LOOP;
    IF NOT has_table_privilege('riskmap_runtime', 'public.schema_migrations', 'SELECT') THEN
        GRANT SELECT ON schema_migrations TO riskmap_runtime;
    END IF;
    IF NOT has_table_privilege('riskmap_runtime', 'public.disclosure_key', 'SELECT') THEN
        GRANT SELECT ON disclosure_key TO riskmap_runtime;
    END IF;
    IF NOT has_table_privilege('riskmap_runtime', 'public.audit_log', 'INSERT') THEN
        GRANT SELECT, INSERT ON audit_log TO riskmap_runtime;
    END IF;
    IF has_table_privilege('riskmap_runtime', 'public.audit_log', 'UPDATE, DELETE, TRUNCATE') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM riskmap_runtime;
    END IF;
END
$$;
