ALTER TABLE "history" ADD COLUMN "principal_name" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;