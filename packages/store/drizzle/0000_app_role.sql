-- The role every tenant-scoped transaction switches to (SET LOCAL ROLE oha_app). It cannot log in.
-- Roles belong to the whole server, so another database on it may have created the role already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oha_app') THEN
    CREATE ROLE oha_app NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- The migrating user must be allowed to switch to the role; superusers always are.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'oha_app', 'MEMBER') THEN
    EXECUTE format('GRANT oha_app TO %I', current_user);
  END IF;
END
$$;
