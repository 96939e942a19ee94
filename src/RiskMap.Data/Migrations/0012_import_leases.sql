-- A running import batch holds a lease that its importer renews (Imports:LeaseSeconds); a batch whose lease has run
-- out belongs to a process that died (kill -9, a lost machine) and is shown as interrupted instead of running for ever.
ALTER TABLE import_batches ADD COLUMN lease_until timestamptz;

-- Batches left running before leases existed get one hour: if nothing finishes them by then, they were interrupted.
UPDATE import_batches SET lease_until = now() + interval '1 hour' WHERE status = 'running';
