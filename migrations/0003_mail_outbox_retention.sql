DROP INDEX "mail_jobs_status_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminder_hours_before" integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "retention_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "postal_address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "represented_by" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "data_protection_contact" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "language" text DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "manage_token" text;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "mail_jobs" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_jobs_due_idx" ON "mail_jobs" USING btree ("status","next_attempt_at");