-- Tables created by later migrations (a new entity's table) give the tenant-scoped role the same
-- rights as the entity tables, without a grant of their own. Row-level security still limits it
-- to one tenant's rows; tables that need less (history) keep their narrower explicit grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO oha_app;
