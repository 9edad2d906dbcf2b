ALTER TABLE "booking_items" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "health_consent_at" timestamp with time zone;