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

/** National online services (`name`: a key of the locales); the county's own office and address come from the authorities table. */
export const ONLINE_SERVICES: Record<BenefitKey, { name: string; url: string }> = {
  kindergeld: { name: 'onlineServices.kindergeld', url: 'https://www.familienkasse.de' },
  kinderzuschlag: { name: 'onlineServices.kinderzuschlag', url: 'https://www.familienkasse.de' },
  wohngeld: { name: 'onlineServices.wohngeld', url: 'https://verwaltungsportal.hessen.de' },
  unterhaltsvorschuss: { name: 'onlineServices.unterhaltsvorschuss', url: '' },
  buergergeld: { name: 'onlineServices.buergergeld', url: 'https://www.jobcenter.digital' },
  but: { name: 'onlineServices.but', url: '' },
};
