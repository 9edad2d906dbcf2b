ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_staff_id_staff_id_fk";
--> statement-breakpoint
ALTER TABLE "mail_jobs" DROP CONSTRAINT "mail_jobs_booking_id_bookings_id_fk";
