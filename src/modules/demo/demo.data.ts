import type { LocalizedList, LocalizedText } from '../../lib/localized.js';
import type { AuthorityFields } from '../benefits/authorities.repository.js';
import type { BenefitKey } from '../benefits/benefits.js';
import { generalDocumentList } from '../benefits/rules.js';

/**
 * Demo content for a fresh installation. Venue addresses are invented; the benefit topics' documents come
 * from the rules table (src/modules/benefits), which follows shared/spec/DOMAIN.md. Staff edit all of this
 * later; it is data, not user-interface text.
 */
export type DemoTopic = {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  slotMinutes: number;
  documents: LocalizedList;
};

export const TOPICS: DemoTopic[] = [
  {
    key: 'kindergeld',
    name: {
      de: 'Kindergeld',
      en: 'Child benefit (Kindergeld)',
      ar: 'إعانة الطفل (Kindergeld)',
      fa: 'کمک‌هزینه فرزند (Kindergeld)',
      tr: 'Çocuk parası (Kindergeld)',
      uk: 'Допомога на дитину (Kindergeld)',
      ru: 'Детское пособие (Kindergeld)',
    },
    description: {
      de: 'Antrag KG 1 mit Anlage Kind, Familienkasse',
      en: 'Form KG 1 with Anlage Kind, Familienkasse',
      ar: 'استمارة KG 1 مع Anlage Kind، لدى Familienkasse',
      fa: 'فرم KG 1 همراه با Anlage Kind، اداره Familienkasse',
      tr: 'KG 1 formu ve Anlage Kind, Familienkasse',
      uk: 'Бланк KG 1 з Anlage Kind, Familienkasse',
      ru: 'Бланк KG 1 с Anlage Kind, Familienkasse',
    },
    slotMinutes: 30,
    documents: generalDocumentList('kindergeld'),
  },
  {
    key: 'kinderzuschlag',
    name: {
      de: 'Kinderzuschlag',
      en: 'Child supplement (Kinderzuschlag)',
      ar: 'الإعانة التكميلية للأطفال (Kinderzuschlag)',
      fa: 'کمک‌هزینه تکمیلی فرزند (Kinderzuschlag)',
      tr: 'Ek çocuk yardımı (Kinderzuschlag)',
      uk: 'Додаткова допомога на дитину (Kinderzuschlag)',
      ru: 'Доплата на ребёнка (Kinderzuschlag)',
    },
    description: {
      de: 'Antrag KiZ 1 mit Anlage Kind, Familienkasse',
      en: 'Form KiZ 1 with Anlage Kind, Familienkasse',
      ar: 'استمارة KiZ 1 مع Anlage Kind، لدى Familienkasse',
      fa: 'فرم KiZ 1 همراه با Anlage Kind، اداره Familienkasse',
      tr: 'KiZ 1 formu ve Anlage Kind, Familienkasse',
      uk: 'Бланк KiZ 1 з Anlage Kind, Familienkasse',
      ru: 'Бланк KiZ 1 с Anlage Kind, Familienkasse',
    },
    slotMinutes: 30,
    documents: generalDocumentList('kinderzuschlag'),
  },
  {
    key: 'wohngeld',
    name: {
      de: 'Wohngeld',
      en: 'Housing benefit (Wohngeld)',
      ar: 'إعانة السكن (Wohngeld)',
      fa: 'کمک‌هزینه مسکن (Wohngeld)',
      tr: 'Konut yardımı (Wohngeld)',
      uk: 'Житлова допомога (Wohngeld)',
      ru: 'Жилищное пособие (Wohngeld)',
    },
    description: {
      de: 'Mietzuschuss oder Lastenzuschuss, Wohngeldbehörde des Kreises',
      en: 'Rent or ownership subsidy, the county housing benefit office',
      ar: 'دعم الإيجار (Mietzuschuss) أو دعم تكاليف السكن لأصحاب البيوت (Lastenzuschuss)، مكتب إعانة السكن في المقاطعة',
      fa: 'کمک به اجاره‌بها (Mietzuschuss) یا کمک به هزینه‌های خانه شخصی (Lastenzuschuss)، اداره کمک‌هزینه مسکن شهرستان',
      tr: 'Kira yardımı (Mietzuschuss) veya ev sahipleri için masraf yardımı (Lastenzuschuss), ilçenin konut yardımı dairesi',
      uk: 'Доплата до орендної плати (Mietzuschuss) або до витрат на власне житло (Lastenzuschuss), відділ житлової допомоги району',
      ru: 'Доплата к арендной плате (Mietzuschuss) или к расходам на собственное жильё (Lastenzuschuss), отдел жилищного пособия района',
    },
    slotMinutes: 30,
    documents: generalDocumentList('wohngeld'),
  },
  {
    key: 'buergergeld',
    name: {
      de: 'Grundsicherung (Jobcenter)',
      en: 'Basic income support (Jobcenter)',
      ar: 'الضمان الأساسي (Grundsicherung) من Jobcenter',
      fa: 'کمک‌هزینه پایه زندگی (Grundsicherung) از Jobcenter',
      tr: 'Temel güvence (Grundsicherung, Jobcenter)',
      uk: 'Базове соціальне забезпечення (Grundsicherung, Jobcenter)',
      ru: 'Базовое обеспечение (Grundsicherung, Jobcenter)',
    },
    description: {
      de: 'Früher Bürgergeld: Hauptantrag und Anlagen, beim Jobcenter des Kreises',
      en: 'Formerly Bürgergeld: main application and annexes, at the county’s Jobcenter',
      ar: 'اسمه سابقًا Bürgergeld: الطلب الرئيسي والملحقات، لدى Jobcenter في المقاطعة',
      fa: 'نام قبلی آن Bürgergeld بود: درخواست اصلی و پیوست‌ها، در Jobcenter شهرستان',
      tr: 'Eski adı Bürgergeld: ana başvuru ve ekleri, ilçedeki Jobcenter',
      uk: 'Раніше Bürgergeld: основна заява та додатки, у Jobcenter району',
      ru: 'Раньше Bürgergeld: основное заявление и приложения, в Jobcenter района',
    },
    slotMinutes: 30,
    documents: generalDocumentList('buergergeld'),
  },
  {
    key: 'unterhaltsvorschuss',
    name: {
      de: 'Unterhaltsvorschuss',
      en: 'Advance maintenance (Unterhaltsvorschuss)',
      ar: 'سلفة النفقة (Unterhaltsvorschuss)',
      fa: 'پیش‌پرداخت نفقه (Unterhaltsvorschuss)',
      tr: 'Nafaka avansı (Unterhaltsvorschuss)',
      uk: 'Аванс на аліменти (Unterhaltsvorschuss)',
      ru: 'Аванс по алиментам (Unterhaltsvorschuss)',
    },
    description: {
      de: 'Für Kinder von Alleinerziehenden, Unterhaltsvorschussstelle des Kreises',
      en: 'For children of single parents, the county’s advance maintenance office',
      ar: 'للأطفال الذين يعيشون مع أحد الوالدين فقط، مكتب سلفة النفقة في المقاطعة',
      fa: 'برای فرزندانی که فقط با پدر یا مادر زندگی می‌کنند، اداره پیش‌پرداخت نفقه شهرستان',
      tr: 'Tek ebeveynli ailelerin çocukları için, ilçenin nafaka avansı dairesi',
      uk: 'Для дітей, які живуть лише з одним із батьків, відділ авансу на аліменти району',
      ru: 'Для детей одиноких родителей, отдел аванса по алиментам в администрации района',
    },
    slotMinutes: 30,
    documents: generalDocumentList('unterhaltsvorschuss'),
  },
  {
    key: 'but',
    name: {
      de: 'Bildung und Teilhabe',
      en: 'Education and participation (BuT)',
      ar: 'التعليم والمشاركة (Bildung und Teilhabe, BuT)',
      fa: 'آموزش و مشارکت (Bildung und Teilhabe, BuT)',
      tr: 'Eğitim ve sosyal katılım (Bildung und Teilhabe, BuT)',
      uk: 'Освіта та участь (Bildung und Teilhabe, BuT)',
      ru: 'Образование и участие (Bildung und Teilhabe, BuT)',
    },
    description: {
      de: 'Schulbedarf, Mittagessen, Ausflüge, Lernförderung',
      en: 'School supplies, lunch, trips, tutoring',
      ar: 'لوازم المدرسة، وجبة الغداء، الرحلات، دروس التقوية',
      fa: 'وسایل مدرسه، ناهار، گردش‌های مدرسه، کلاس تقویتی',
      tr: 'Okul ihtiyaçları, öğle yemeği, geziler, ek ders',
      uk: 'Шкільне приладдя, обід, екскурсії, допомога з навчанням',
      ru: 'Школьные принадлежности, обед, экскурсии, помощь в учёбе',
    },
    slotMinutes: 20,
    documents: generalDocumentList('but'),
  },
  {
    key: 'stromspar',
    name: {
      de: 'Stromspar-Check',
      en: 'Energy-saving check (Stromspar-Check)',
      ar: 'فحص توفير الكهرباء (Stromspar-Check)',
      fa: 'بررسی صرفه‌جویی در برق (Stromspar-Check)',
      tr: 'Elektrik tasarrufu kontrolü (Stromspar-Check)',
      uk: 'Перевірка економії електроенергії (Stromspar-Check)',
      ru: 'Проверка экономии электроэнергии (Stromspar-Check)',
    },
    description: {
      de: 'Kostenlose Beratung zum Strom- und Heizkostensparen',
      en: 'Free advice on saving electricity and heating costs',
      ar: 'استشارة مجانية لتوفير تكاليف الكهرباء والتدفئة',
      fa: 'مشاوره رایگان برای کم کردن هزینه برق و گرمایش',
      tr: 'Elektrik ve ısınma masraflarını azaltmak için ücretsiz danışmanlık',
      uk: 'Безкоштовна консультація про те, як заощадити на електроенергії та опаленні',
      ru: 'Бесплатная консультация о том, как сэкономить на электричестве и отоплении',
    },
    slotMinutes: 20,
    documents: {
      de: ['Letzte Strom- und Heizkostenabrechnung', 'Zählernummer Ihres Stromzählers'],
      en: ['Latest electricity and heating bills', 'Your electricity meter number'],
      ar: ['آخر فاتورة للكهرباء وآخر فاتورة للتدفئة', 'رقم عدّاد الكهرباء لديك'],
      fa: ['آخرین صورت‌حساب برق و گرمایش', 'شماره کنتور برق شما'],
      tr: ['Son elektrik ve ısınma faturası', 'Elektrik sayacınızın numarası'],
      uk: ['Останній рахунок за електроенергію та опалення', 'Номер вашого електролічильника'],
      ru: ['Последний счёт за электричество и отопление', 'Номер вашего электросчётчика'],
    },
  },
];

type DemoVenue = {
  name: string;
  street: string;
  postcode: string;
  town: string;
  stepFree: boolean;
  directions: LocalizedText;
};

export type DemoOrganisation = {
  slug: string;
  name: string;
  eventTitle: LocalizedText;
  contactPhone: string;
  contactEmail: string;
  postalAddress: string;
  representedBy: string;
  dataProtectionContact: string;
  /** Which weekday (1 = Monday) of which week of the month events fall on, and their hours. */
  rule: { week: number; weekday: number; startsLocal: string; endsLocal: string };
  topicKeys: string[];
  venues: DemoVenue[];
};

export const ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'wmk',
    name: 'Werra-Meißner-Kreis',
    eventTitle: {
      de: 'Tag der Familienleistungen',
      en: 'Family Benefits Day',
      ar: 'يوم الإعانات العائلية',
      fa: 'روز کمک‌هزینه‌های خانواده',
      tr: 'Aile Yardımları Günü',
      uk: 'День сімейних виплат',
      ru: 'День семейных пособий',
    },
    contactPhone: '05651 302-0',
    contactEmail: 'familienleistungen@example.org',
    postalAddress: 'Werra-Meißner-Kreis (Demo), Schlossplatz 1, 37269 Eschwege',
    representedBy: 'den Landrat (Demo)',
    dataProtectionContact: 'Datenschutzbeauftragte (Demo), datenschutz@example.org',
    rule: { week: 2, weekday: 3, startsLocal: '14:00', endsLocal: '18:00' },
    topicKeys: ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss', 'but', 'stromspar'],
    venues: [
      { name: 'Familienzentrum Eschwege', street: 'Marktplatz 8', postcode: '37269', town: 'Eschwege', stepFree: true,
        directions: {
          de: '5 Minuten zu Fuß vom Bahnhof Eschwege, Bus 200 bis Marktplatz.',
          en: '5 minutes on foot from Eschwege station, bus 200 to Marktplatz.',
          ar: '5 دقائق سيرًا على الأقدام من محطة القطار في Eschwege، أو الحافلة رقم 200 حتى محطة Marktplatz.',
          fa: '5 دقیقه پیاده از ایستگاه قطار Eschwege، یا با اتوبوس شماره 200 تا ایستگاه Marktplatz.',
          tr: 'Eschwege tren istasyonundan yürüyerek 5 dakika, ya da 200 numaralı otobüsle Marktplatz durağına kadar.',
          uk: '5 хвилин пішки від вокзалу Eschwege, автобус 200 до зупинки Marktplatz.',
          ru: '5 минут пешком от вокзала Eschwege, автобус 200 до остановки Marktplatz.',
        },
      },
      { name: 'Mehrgenerationenhaus Witzenhausen', street: 'Walburger Straße 12', postcode: '37213', town: 'Witzenhausen', stepFree: true,
        directions: {
          de: 'Bus 210 bis Haltestelle Walburger Straße, Eingang im Hof.',
          en: 'Bus 210 to the Walburger Straße stop, entrance in the courtyard.',
          ar: 'الحافلة رقم 210 حتى محطة Walburger Straße، المدخل من الفناء.',
          fa: 'با اتوبوس شماره 210 تا ایستگاه Walburger Straße، ورودی در حیاط است.',
          tr: '210 numaralı otobüsle Walburger Straße durağına kadar, giriş avluda.',
          uk: 'Автобус 210 до зупинки Walburger Straße, вхід з двору.',
          ru: 'Автобус 210 до остановки Walburger Straße, вход со двора.',
        },
      },
      { name: 'Familienzentrum Hessisch Lichtenau', street: 'Landgrafenstraße 3', postcode: '37235', town: 'Hessisch Lichtenau', stepFree: false,
        directions: {
          de: 'Tram 4 bis Hessisch Lichtenau Mitte. Der Beratungsraum liegt im 1. Stock ohne Aufzug.',
          en: 'Tram 4 to Hessisch Lichtenau Mitte. The advice room is on the first floor, no lift.',
          ar: 'الترام رقم 4 حتى محطة Hessisch Lichtenau Mitte. غرفة الاستشارة في الطابق الأول، ولا يوجد مصعد.',
          fa: 'با تراموا شماره 4 تا ایستگاه Hessisch Lichtenau Mitte. اتاق مشاوره در طبقه اول (یک طبقه بالاتر از همکف) است و آسانسور ندارد.',
          tr: '4 numaralı tramvayla Hessisch Lichtenau Mitte durağına kadar. Danışma odası 1. katta, asansör yok.',
          uk: 'Трамвай 4 до зупинки Hessisch Lichtenau Mitte. Кімната для консультацій — на другому поверсі (1. Stock), ліфта немає.',
          ru: 'Трамвай 4 до остановки Hessisch Lichtenau Mitte. Комната для консультаций — на втором этаже (1. Stock), лифта нет.',
        },
      },
      { name: 'Begegnungszentrum Sontra', street: 'Niederstadt 20', postcode: '36205', town: 'Sontra', stepFree: true,
        directions: {
          de: 'Vom Bahnhof Sontra 10 Minuten zu Fuß, Parkplätze am Haus.',
          en: '10 minutes on foot from Sontra station, parking next to the building.',
          ar: '10 دقائق سيرًا على الأقدام من محطة القطار في Sontra، ويوجد موقف سيارات بجانب المبنى.',
          fa: '10 دقیقه پیاده از ایستگاه قطار Sontra، پارکینگ کنار ساختمان است.',
          tr: 'Sontra tren istasyonundan yürüyerek 10 dakika, binanın yanında otopark var.',
          uk: '10 хвилин пішки від вокзалу Sontra, парковка біля будинку.',
          ru: '10 минут пешком от вокзала Sontra, парковка у здания.',
        },
      },
      { name: 'Familienzentrum Wanfried', street: 'Marktstraße 5', postcode: '37281', town: 'Wanfried', stepFree: true,
        directions: {
          de: 'Bus 203 bis Wanfried Markt.',
          en: 'Bus 203 to Wanfried Markt.',
          ar: 'الحافلة رقم 203 حتى محطة Wanfried Markt.',
          fa: 'با اتوبوس شماره 203 تا ایستگاه Wanfried Markt.',
          tr: '203 numaralı otobüsle Wanfried Markt durağına kadar.',
          uk: 'Автобус 203 до зупинки Wanfried Markt.',
          ru: 'Автобус 203 до остановки Wanfried Markt.',
        },
      },
      { name: 'Mehrgenerationenhaus Bad Sooden-Allendorf', street: 'Kirchstraße 14', postcode: '37242', town: 'Bad Sooden-Allendorf', stepFree: true,
        directions: {
          de: 'Vom Bahnhof Bad Sooden-Allendorf 8 Minuten zu Fuß über die Werrabrücke.',
          en: '8 minutes on foot from Bad Sooden-Allendorf station across the Werra bridge.',
          ar: '8 دقائق سيرًا على الأقدام من محطة القطار في Bad Sooden-Allendorf، عبر جسر نهر Werra.',
          fa: '8 دقیقه پیاده از ایستگاه قطار Bad Sooden-Allendorf، از روی پل رود Werra.',
          tr: 'Bad Sooden-Allendorf tren istasyonundan Werra köprüsü üzerinden yürüyerek 8 dakika.',
          uk: '8 хвилин пішки від вокзалу Bad Sooden-Allendorf мостом через річку Werra.',
          ru: '8 минут пешком от вокзала Bad Sooden-Allendorf по мосту через реку Werra.',
        },
      },
    ],
  },
  {
    slug: 'kassel',
    name: 'Landkreis Kassel',
    eventTitle: {
      de: 'Markt der Familienleistungen',
      en: 'Family Benefits Market',
      ar: 'معرض الإعانات العائلية',
      fa: 'نمایشگاه کمک‌هزینه‌های خانواده',
      tr: 'Aile Yardımları Fuarı',
      uk: 'Ярмарок сімейних виплат',
      ru: 'Ярмарка семейных пособий',
    },
    contactPhone: '0561 1003-0',
    contactEmail: 'familienmarkt@example.org',
    postalAddress: 'Landkreis Kassel (Demo), Wilhelmshöher Allee 19–21, 34117 Kassel',
    representedBy: 'den Landrat (Demo)',
    dataProtectionContact: 'Datenschutzbeauftragter (Demo), datenschutz@example.org',
    rule: { week: 1, weekday: 4, startsLocal: '10:00', endsLocal: '14:00' },
    topicKeys: ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss'],
    venues: [
      { name: 'Familienzentrum Hofgeismar', street: 'Bahnhofstraße 2', postcode: '34369', town: 'Hofgeismar', stepFree: true,
        directions: {
          de: 'Gegenüber dem Bahnhof Hofgeismar.',
          en: 'Opposite Hofgeismar station.',
          ar: 'مقابل محطة القطار في Hofgeismar.',
          fa: 'روبه‌روی ایستگاه قطار Hofgeismar.',
          tr: 'Hofgeismar tren istasyonunun karşısında.',
          uk: 'Навпроти вокзалу Hofgeismar.',
          ru: 'Напротив вокзала Hofgeismar.',
        },
      },
      { name: 'Bürgerhaus Wolfhagen', street: 'Burgstraße 9', postcode: '34466', town: 'Wolfhagen', stepFree: true,
        directions: {
          de: 'RegioTram RT4 bis Wolfhagen, dann 6 Minuten zu Fuß.',
          en: 'RegioTram RT4 to Wolfhagen, then 6 minutes on foot.',
          ar: 'القطار RegioTram RT4 حتى Wolfhagen، ثم 6 دقائق سيرًا على الأقدام.',
          fa: 'با RegioTram RT4 تا Wolfhagen، بعد 6 دقیقه پیاده.',
          tr: 'RegioTram RT4 ile Wolfhagen’e kadar, sonra yürüyerek 6 dakika.',
          uk: 'RegioTram RT4 до Wolfhagen, далі 6 хвилин пішки.',
          ru: 'RegioTram RT4 до Wolfhagen, затем 6 минут пешком.',
        },
      },
      { name: 'Familienzentrum Baunatal', street: 'Marktplatz 1', postcode: '34225', town: 'Baunatal', stepFree: true,
        directions: {
          de: 'Tram 5 bis Baunatal Stadtmitte.',
          en: 'Tram 5 to Baunatal Stadtmitte.',
          ar: 'الترام رقم 5 حتى محطة Baunatal Stadtmitte.',
          fa: 'با تراموا شماره 5 تا ایستگاه Baunatal Stadtmitte.',
          tr: '5 numaralı tramvayla Baunatal Stadtmitte durağına kadar.',
          uk: 'Трамвай 5 до зупинки Baunatal Stadtmitte.',
          ru: 'Трамвай 5 до остановки Baunatal Stadtmitte.',
        },
      },
    ],
  },
];

export { DEMO_PASSWORD } from '../staff/passwords.js';

export const DEMO_STAFF: Array<{ role: 'coordinator' | 'desk' | 'expert'; local: string; name: string }> = [
  { role: 'coordinator', local: 'koordination', name: 'Kora Koordination' },
  { role: 'desk', local: 'empfang', name: 'Emil Empfang' },
  { role: 'expert', local: 'beratung', name: 'Bea Beratung' },
];

export const demoStaffEmail = (local: string, slug: string) => `${local}@${slug}.demo`;

/** Families on today's practice day, so that the front desk has someone to check in. */
export const DEMO_FAMILIES = ['Aylin Kaya', 'Olena Kovalenko', 'Familie Schneider', 'Reza Ahmadi', 'Maria Popescu'];

const familienkasse: AuthorityFields = {
  name: 'Familienkasse Hessen (Bundesagentur für Arbeit)', address: '', openingHours: '', phone: '', email: '',
  onlineService: 'https://www.familienkasse.de',
};

/**
 * Where each county's families send their applications. Werra-Meißner follows DOMAIN.md §0 (street addresses
 * and hours marked Demo are invented); Landkreis Kassel's are invented and marked Demo throughout.
 */
export const DEMO_AUTHORITIES: Record<string, Partial<Record<BenefitKey, AuthorityFields>>> = {
  wmk: {
    kindergeld: familienkasse,
    kinderzuschlag: familienkasse,
    wohngeld: {
      name: 'Kreisverwaltung Werra-Meißner-Kreis, Fachbereich 4, Fachdienst 4.7 Wohngeld', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr, Do 14–17 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: 'https://verwaltungsportal.hessen.de',
    },
    unterhaltsvorschuss: {
      name: 'Werra-Meißner-Kreis, Fachbereich 4, 4.2 Unterhaltsangelegenheiten / Unterhaltsvorschuss', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: '',
    },
    buergergeld: {
      name: 'Jobcenter Werra-Meißner', address: 'Fuldaer Straße 6, 37269 Eschwege\nWalburger Straße 41, 37213 Witzenhausen',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '', email: '', onlineService: 'https://www.jobcenter.digital',
    },
    but: {
      name: 'Werra-Meißner-Kreis, Fachbereich 6 Soziales und Senioren, Fachdienst 6.1 (Bildung und Teilhabe)', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: '',
    },
  },
  kassel: {
    kindergeld: familienkasse,
    kinderzuschlag: familienkasse,
    wohngeld: { name: 'Landkreis Kassel, Wohngeldstelle (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: 'https://verwaltungsportal.hessen.de' },
    unterhaltsvorschuss: { name: 'Landkreis Kassel, Unterhaltsvorschussstelle (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: '' },
    buergergeld: { name: 'Jobcenter Landkreis Kassel (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '', email: '', onlineService: 'https://www.jobcenter.digital' },
    but: { name: 'Landkreis Kassel, Bildung und Teilhabe (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: '' },
  },
};
