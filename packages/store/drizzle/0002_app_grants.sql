-- What the tenant-scoped role may do. Row-level security then limits it to one tenant's rows.
GRANT USAGE ON SCHEMA public TO oha_app;
--> statement-breakpoint
-- Records: read, create, change; DELETE only for purging personal data.
GRANT SELECT, INSERT, UPDATE, DELETE ON regions, offices, funding_programmes, actors, contacts, affiliations, bodies, seats, memberships, meetings, agreements, indicators, observations, goals, standards, guides, measures, overlap_reviews, reconciliation_rounds, reconciliation_responses, maturity_assessments TO oha_app;
--> statement-breakpoint
-- History is appended to; UPDATE only removes personal data from entries of a purged record.
GRANT SELECT, INSERT, UPDATE ON history TO oha_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenants TO oha_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON api_keys TO oha_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO oha_app;
