-- Hangfire (schema hangfire, created by the runtime role's grants) replaces Quartz: Quartz's tables go. Each is dropped by
-- name pattern, as Quartz's own provisioning created them (owned by the runtime role, of which the owner is a member).
DO $$
DECLARE
    quartz_table text;
BEGIN
    FOR quartz_table IN SELECT c.relname FROM pg_class c
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname LIKE 'qrtz\_%' LOOP
        EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', quartz_table);
    END LOOP;
END $$;
