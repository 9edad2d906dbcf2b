import type { LocalizedText } from '../../lib/localized.js';

/** The benefits the aids, documents lists and authorities know; the demo's topic keys are the same words. */
export const BENEFITS = ['kindergeld', 'kinderzuschlag', 'wohngeld', 'unterhaltsvorschuss', 'buergergeld', 'but'] as const;
export type BenefitKey = (typeof BENEFITS)[number];

export const isBenefit = (value: unknown): value is BenefitKey =>
  typeof value === 'string' && (BENEFITS as readonly string[]).includes(value);

/** A local calendar date, "2026-01-01"; ISO dates compare correctly as strings. */
export type IsoDate = string;

/** Every rule row says from when and until when (both days included) it is known to hold. */
export type Dated = { validFrom: IsoDate; validUntil: IsoDate };

export const covers = (row: Dated, date: IsoDate) => row.validFrom <= date && date <= row.validUntil;

/** National online services; the county's own office and address come from the authorities table. */
export const ONLINE_SERVICES: Record<BenefitKey, { name: LocalizedText; url: string }> = {
  kindergeld: { name: { de: 'Familienkasse eService (mit ELSTER-Zertifikat oder Online-Ausweis ganz digital)', en: 'Familienkasse eService (fully digital with an ELSTER certificate or the online ID)' }, url: 'https://www.familienkasse.de' },
  kinderzuschlag: { name: { de: 'KiZDigital, der Online-Antrag der Familienkasse', en: 'KiZDigital, the Familienkasse’s online application' }, url: 'https://www.familienkasse.de' },
  wohngeld: { name: { de: 'Online-Dienst Wohngeld des Landes Hessen', en: 'Hessen’s online Wohngeld service' }, url: 'https://verwaltungsportal.hessen.de' },
  unterhaltsvorschuss: { name: { de: 'Unterhaltsvorschuss Online (UVO), wenn der Kreis es anbietet', en: 'Unterhaltsvorschuss Online (UVO), if the county offers it' }, url: '' },
  buergergeld: { name: { de: 'jobcenter.digital; auch formlos per Telefon oder E-Mail', en: 'jobcenter.digital; informally by phone or e-mail counts too' }, url: 'https://www.jobcenter.digital' },
  but: { name: { de: 'beim Jobcenter (Bürgergeld) oder beim Kreis (Kinderzuschlag, Wohngeld)', en: 'at the Jobcenter (Bürgergeld) or the county (Kinderzuschlag, Wohngeld)' }, url: '' },
};
