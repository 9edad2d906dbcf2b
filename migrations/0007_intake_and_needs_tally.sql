CREATE TYPE "public"."tally_need" AS ENUM('bookings', 'childcare', 'step_free', 'interpreter');--> statement-breakpoint
CREATE TYPE "public"."intake_children" AS ENUM('1', '2', '3', '4_plus', 'not_asked');--> statement-breakpoint
CREATE TYPE "public"."intake_first_visit" AS ENUM('yes', 'no', 'not_asked');--> statement-breakpoint
CREATE TYPE "public"."intake_heard_via" AS ENUM('flyer', 'qr_code', 'social_media', 'press', 'kita_school', 'jobcenter', 'family_centre', 'word_of_mouth', 'other', 'not_asked');--> statement-breakpoint
CREATE TYPE "public"."intake_household" AS ENUM('single_parent', 'couple', 'other', 'not_asked');--> statement-breakpoint
CREATE TYPE "public"."intake_kind" AS ENUM('recorded', 'declined', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."intake_language" AS ENUM('de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro', 'pl', 'ku', 'other');--> statement-breakpoint
CREATE TYPE "public"."intake_outcome" AS ENUM('completed', 'started', 'documents_missing', 'not_eligible', 'already_receiving', 'referred');--> statement-breakpoint
CREATE TYPE "public"."intake_referral_target" AS ENUM('jobcenter', 'familienkasse', 'wohngeldstelle', 'jugendamt', 'schuldnerberatung', 'migrationsberatung', 'fruehe_hilfen', 'other');--> statement-breakpoint
CREATE TYPE "public"."intake_youngest_age" AS ENUM('0_2', '3_5', '6_9', '10_14', '15_17', '18_24', 'not_asked');--> statement-breakpoint
CREATE TABLE "booking_needs_tallies" (
	"event_id" integer NOT NULL,
	"need" "tally_need" NOT NULL,
	"language" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "booking_needs_tallies_event_id_need_language_pk" PRIMARY KEY("event_id","need","language")
);
--> statement-breakpoint
CREATE TABLE "intake_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"benefit_topic_id" integer NOT NULL,
	"outcome" "intake_outcome" NOT NULL,
	"referred_to" "intake_referral_target",
	CONSTRAINT "intake_outcomes_referral_ck" CHECK (("intake_outcomes"."outcome" = 'referred') = ("intake_outcomes"."referred_to" is not null))
);
--> statement-breakpoint
CREATE TABLE "intake_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	"kind" "intake_kind" NOT NULL,
	"without_ticket" boolean DEFAULT false NOT NULL,
	"duration_band" smallint,
	"household" "intake_household",
	"children" "intake_children",
	"youngest_age" "intake_youngest_age",
	"heard_via" "intake_heard_via",
	"first_visit" "intake_first_visit",
	"language" "intake_language",
	"interpreter" boolean,
	CONSTRAINT "intake_records_duration_band_ck" CHECK ("intake_records"."duration_band" is null or ("intake_records"."duration_band" between 0 and 60 and "intake_records"."duration_band" % 5 = 0)),
	CONSTRAINT "intake_records_answers_ck" CHECK (("intake_records"."kind" = 'recorded') = ("intake_records"."household" is not null and "intake_records"."children" is not null
      and "intake_records"."youngest_age" is not null and "intake_records"."heard_via" is not null and "intake_records"."first_visit" is not null
      and "intake_records"."language" is not null and "intake_records"."interpreter" is not null))
);
--> statement-breakpoint
ALTER TABLE "booking_needs_tallies" ADD CONSTRAINT "booking_needs_tallies_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_outcomes" ADD CONSTRAINT "intake_outcomes_record_id_intake_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."intake_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_outcomes" ADD CONSTRAINT "intake_outcomes_benefit_topic_id_topics_id_fk" FOREIGN KEY ("benefit_topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_outcomes_record_idx" ON "intake_outcomes" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "intake_records_event_idx" ON "intake_records" USING btree ("event_id");