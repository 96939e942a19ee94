-- Re-applied after every migration run: what the service's runtime role (riskmap_runtime and its members) may do.
-- It reads and writes the data, but only reads and adds to the audit log; not owning the tables, it can neither change
-- them nor switch the audit log's protection off. Where the role does not exist (a single-role set-up) nothing happens.
DO $$
DECLARE
    object_name text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'riskmap_runtime') THEN
        RETURN;
    END IF;
    -- CREATE: the Quartz job store provisions its own tables when the service starts.
    GRANT USAGE, CREATE ON SCHEMA public TO riskmap_runtime;
    -- Quartz tables that a service running as the owner created earlier go to the runtime role, which provisions them.
    IF pg_has_role(current_user, 'riskmap_runtime', 'MEMBER') THEN
        FOR object_name IN SELECT tablename FROM pg_tables
                           WHERE schemaname = 'public' AND tablename LIKE 'qrtz\_%' AND tableowner = current_user LOOP
            EXECUTE format('ALTER TABLE public.%I OWNER TO riskmap_runtime', object_name);
        END LOOP;
    END IF;
    -- The owner's tables and sequences (PostGIS's spatial_ref_sys is readable by everyone already).
    FOR object_name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO riskmap_runtime', object_name);
    END LOOP;
    FOR object_name IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' AND sequenceowner = current_user LOOP
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE public.%I TO riskmap_runtime', object_name);
    END LOOP;
    REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM riskmap_runtime;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM riskmap_runtime;
END
$$;
