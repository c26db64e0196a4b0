CREATE TABLE "documents" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"data" jsonb NOT NULL,
	"search" text DEFAULT '' NOT NULL,
	"attached_to" text NOT NULL,
	"visibility" text NOT NULL,
	CONSTRAINT "documents_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_sync_idx" ON "documents" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "documents_attached_idx" ON "documents" USING btree ("tenant_id","attached_to");--> statement-breakpoint
CREATE INDEX "documents_visibility_idx" ON "documents" USING btree ("tenant_id","visibility");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "documents" AS PERMISSIVE FOR ALL TO "oha_app" USING (tenant_id = current_setting('app.tenant_id', true)) WITH CHECK (tenant_id = current_setting('app.tenant_id', true));