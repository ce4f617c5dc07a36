// UI strings (Vietnamese and English) and locale-aware formatting.
//
// Every string shown by the shell lives in the two dictionaries below, under
// the same keys. A value is either a string with {placeholders} or, for
// counted phrases, an object keyed by Intl.PluralRules category ("one",
// "other"); t() picks the form from params.count.

const STORAGE_KEY = 'fairmatch.lang';

export const LANGS = ['vi', 'en'];
export const DEFAULT_LANG = 'vi';

// BCP 47 locale used by Intl for each UI language.
const LOCALES = { vi: 'vi-VN', en: 'en-US' };

const vi = {
  'app.tagline': 'Hội chợ xuất khẩu thủ công mỹ nghệ',
  'app.skip': 'Bỏ qua, đến nội dung chính',
  'app.footer': 'fairmatch · Kết nối làng nghề Việt Nam với nhà nhập khẩu quốc tế',
  'app.loading': 'Đang tải…',
  'nav.label': 'Điều hướng chính',
  'nav.overview': 'Tổng quan',
  'nav.exhibitors': 'Doanh nghiệp trưng bày',
  'nav.products': 'Sản phẩm',

  'common.none': 'Chưa có thông tin',
  'common.newTab': '(mở trong thẻ mới)',
  'common.pieces': { other: '{count} sản phẩm' },
  'common.days': { other: '{count} ngày' },
  'common.perMonth': '{count} sản phẩm/tháng',
  'common.back.exhibitors': 'Danh sách doanh nghiệp',
  'common.back.products': 'Danh sách sản phẩm',
  'common.breadcrumb': 'Đường dẫn',

  'pager.label': 'Phân trang',
  'pager.prev': 'Trang trước',
  'pager.next': 'Trang sau',
  'pager.status': 'Trang {page} / {pages}',

  'overview.title': 'Tổng quan hội chợ',
  'overview.current': 'Hội chợ hiện tại',
  'overview.venue': 'Địa điểm',
  'overview.city': 'Thành phố',
  'overview.dates': 'Thời gian',
  'overview.timeZone': 'Múi giờ',
  'overview.status': 'Trạng thái',
  'overview.figures': 'Số liệu hội chợ',
  'overview.count.exhibitors': 'Doanh nghiệp trưng bày',
  'overview.count.importers': 'Nhà nhập khẩu',
  'overview.count.products': 'Sản phẩm',
  'overview.browse.exhibitors': 'Xem danh sách doanh nghiệp',
  'overview.browse.products': 'Xem danh sách sản phẩm',
  'overview.noFair': 'Chưa có hội chợ nào được tạo.',
  'overview.otherFairs': 'Các hội chợ khác',

  'status.draft': 'Bản nháp',
  'status.open': 'Đang nhận đăng ký',
  'status.live': 'Đang diễn ra',
  'status.closed': 'Đã kết thúc',

  'tier.budget': 'Bình dân',
  'tier.mid': 'Trung cấp',
  'tier.premium': 'Cao cấp',
  'tier.luxury': 'Sang trọng',

  'exhibitors.title': 'Doanh nghiệp trưng bày',
  'exhibitors.intro': 'Các cơ sở sản xuất và làng nghề tham gia hội chợ.',
  'exhibitors.count': { other: '{count} doanh nghiệp' },
  'exhibitors.empty': 'Không có doanh nghiệp nào phù hợp.',
  'exhibitors.filter.province': 'Tỉnh, thành phố',
  'exhibitors.filter.all': 'Tất cả tỉnh, thành phố',
  'exhibitors.filter.label': 'Lọc doanh nghiệp',
  'exhibitors.province': 'Tỉnh, thành phố',
  'exhibitors.village': 'Làng nghề',
  'exhibitors.categories': 'Ngành hàng',

  'exhibitor.about': 'Giới thiệu',
  'exhibitor.facts': 'Thông tin giao dịch',
  'exhibitor.taxCode': 'Mã số thuế',
  'exhibitor.materials': 'Nguyên liệu',
  'exhibitor.certifications': 'Chứng nhận',
  'exhibitor.moq': 'Số lượng đặt hàng tối thiểu (MOQ)',
  'exhibitor.capacity': 'Năng lực sản xuất',
  'exhibitor.leadTime': 'Thời gian giao hàng',
  'exhibitor.priceTier': 'Phân khúc giá',
  'exhibitor.exportMarkets': 'Thị trường xuất khẩu',
  'exhibitor.languages': 'Ngôn ngữ giao dịch',
  'exhibitor.website': 'Trang web',
  'exhibitor.booth': 'Gian hàng',
  'exhibitor.boothNone': 'Chưa xếp gian hàng',
  'exhibitor.products': 'Sản phẩm của doanh nghiệp',
  'exhibitor.noProducts': 'Doanh nghiệp chưa đăng sản phẩm nào.',

  'products.title': 'Sản phẩm',
  'products.intro': 'Sản phẩm thủ công mỹ nghệ chào bán tại hội chợ, giá FOB.',
  'products.count': { other: '{count} sản phẩm' },
  'products.empty': 'Chưa có sản phẩm nào.',
  'products.category': 'Ngành hàng',
  'products.hsCode': 'Mã HS',
  'products.price': 'Giá FOB',
  'products.moq': 'MOQ',
  'products.exhibitor': 'Doanh nghiệp',
  'products.noPhoto': 'Chưa có ảnh',

  'product.description': 'Mô tả',
  'product.facts': 'Thông tin sản phẩm',
  'product.otherName': 'Tên tiếng Anh',
  'product.materials': 'Chất liệu',
  'product.village': 'Làng nghề',
  'product.artisan': 'Nghệ nhân',
  'product.photos': 'Hình ảnh',
  'product.noPhotos': 'Sản phẩm chưa có hình ảnh.',
  'product.photoAlt': 'Ảnh {n} của sản phẩm {name}',

  'error.heading': 'Đã xảy ra lỗi',
  'error.network': 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.badResponse': 'Máy chủ trả về dữ liệu không hợp lệ.',
  'error.details': 'Chi tiết lỗi',
  'error.retry': 'Thử lại',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.text': 'Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.',
  'notFound.home': 'Về trang tổng quan',
};

const en = {
  'app.tagline': 'Handicraft export fair',
  'app.skip': 'Skip to main content',
  'app.footer': 'fairmatch · Connecting Vietnamese craft villages with importers worldwide',
  'app.loading': 'Loading…',
  'nav.label': 'Main navigation',
  'nav.overview': 'Overview',
  'nav.exhibitors': 'Exhibitors',
  'nav.products': 'Products',

  'common.none': 'Not provided',
  'common.newTab': '(opens in a new tab)',
  'common.pieces': { one: '{count} piece', other: '{count} pieces' },
  'common.days': { one: '{count} day', other: '{count} days' },
  'common.perMonth': '{count} pieces per month',
  'common.back.exhibitors': 'All exhibitors',
  'common.back.products': 'All products',
  'common.breadcrumb': 'Breadcrumb',

  'pager.label': 'Pagination',
  'pager.prev': 'Previous',
  'pager.next': 'Next',
  'pager.status': 'Page {page} of {pages}',

  'overview.title': 'Fair overview',
  'overview.current': 'Current fair',
  'overview.venue': 'Venue',
  'overview.city': 'City',
  'overview.dates': 'Dates',
  'overview.timeZone': 'Time zone',
  'overview.status': 'Status',
  'overview.figures': 'The fair in figures',
  'overview.count.exhibitors': 'Exhibitors',
  'overview.count.importers': 'Importers',
  'overview.count.products': 'Products',
  'overview.browse.exhibitors': 'Browse exhibitors',
  'overview.browse.products': 'Browse products',
  'overview.noFair': 'No fair has been set up yet.',
  'overview.otherFairs': 'Other fairs',

  'status.draft': 'Draft',
  'status.open': 'Open for registration',
  'status.live': 'Live now',
  'status.closed': 'Closed',

  'tier.budget': 'Budget',
  'tier.mid': 'Mid-range',
  'tier.premium': 'Premium',
  'tier.luxury': 'Luxury',

  'exhibitors.title': 'Exhibitors',
  'exhibitors.intro': 'Producers and craft villages exhibiting at the fair.',
  'exhibitors.count': { one: '{count} exhibitor', other: '{count} exhibitors' },
  'exhibitors.empty': 'No exhibitors match.',
  'exhibitors.filter.province': 'Province or city',
  'exhibitors.filter.all': 'All provinces and cities',
  'exhibitors.filter.label': 'Filter exhibitors',
  'exhibitors.province': 'Province or city',
  'exhibitors.village': 'Craft village',
  'exhibitors.categories': 'Categories',

  'exhibitor.about': 'About',
  'exhibitor.facts': 'Trade details',
  'exhibitor.taxCode': 'Tax code',
  'exhibitor.materials': 'Materials',
  'exhibitor.certifications': 'Certifications',
  'exhibitor.moq': 'Minimum order quantity (MOQ)',
  'exhibitor.capacity': 'Production capacity',
  'exhibitor.leadTime': 'Lead time',
  'exhibitor.priceTier': 'Price tier',
  'exhibitor.exportMarkets': 'Export markets',
  'exhibitor.languages': 'Languages spoken',
  'exhibitor.website': 'Website',
  'exhibitor.booth': 'Booth',
  'exhibitor.boothNone': 'Not yet assigned',
  'exhibitor.products': 'Products from this exhibitor',
  'exhibitor.noProducts': 'No products listed yet.',

  'products.title': 'Products',
  'products.intro': 'Handicrafts offered at the fair, with FOB prices.',
  'products.count': { one: '{count} product', other: '{count} products' },
  'products.empty': 'No products yet.',
  'products.category': 'Category',
  'products.hsCode': 'HS code',
  'products.price': 'FOB price',
  'products.moq': 'MOQ',
  'products.exhibitor': 'Exhibitor',
  'products.noPhoto': 'No photo',

  'product.description': 'Description',
  'product.facts': 'Product details',
  'product.otherName': 'Vietnamese name',
  'product.materials': 'Materials',
  'product.village': 'Craft village',
  'product.artisan': 'Artisan',
  'product.photos': 'Photos',
  'product.noPhotos': 'No photos of this product yet.',
  'product.photoAlt': 'Photo {n} of {name}',

  'error.heading': 'Something went wrong',
  'error.network': 'Could not reach the server. Please check your connection and try again.',
  'error.badResponse': 'The server sent an invalid response.',
  'error.details': 'Error details',
  'error.retry': 'Try again',
  'notFound.title': 'Page not found',
  'notFound.text': 'The page you are looking for does not exist or has been removed.',
  'notFound.home': 'Back to the overview',
};

export const dictionaries = { vi, en };

let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (LANGS.includes(stored)) return stored;
  } catch {
    // Storage may be unavailable (privacy settings); fall back to the default.
  }
  return DEFAULT_LANG;
}

/** The current UI language: "vi" or "en". */
export function getLang() {
  return current;
}

/** The BCP 47 locale used with Intl for the current language. */
export function locale(lang = current) {
  return LOCALES[lang];
}

/** Switches the UI language and remembers it; returns false for an unknown language. */
export function setLang(lang) {
  if (!LANGS.includes(lang)) return false;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still applied for this page.
  }
  return true;
}

/**
 * Returns the string for key in the current language with {name} placeholders
 * replaced from params. Numbers in params are formatted for the locale. A
 * missing key returns the key itself, so a gap is visible rather than blank.
 */
export function t(key, params = {}) {
  let value = dictionaries[current][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
  if (typeof value === 'object') {
    const rule = new Intl.PluralRules(locale()).select(Number(params.count ?? 0));
    value = value[rule] ?? value.other;
  }
  return value.replace(/\{(\w+)\}/g, (match, name) => {
    if (!(name in params)) return match;
    const param = params[name];
    return typeof param === 'number' ? formatNumber(param) : String(param);
  });
}

/** Picks the field of a bilingual record for the current language: pick(fair, 'name') → name_vi or name_en. */
export function pick(record, field, lang = current) {
  const own = record?.[`${field}_${lang}`];
  if (own) return own;
  const other = record?.[`${field}_${lang === 'vi' ? 'en' : 'vi'}`];
  return other ?? '';
}

export function formatNumber(value) {
  return new Intl.NumberFormat(locale()).format(value);
}

/** Number of minor-unit digits for an ISO 4217 currency (USD 2, JPY 0, VND 0). */
export function currencyDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency })
      .resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

function moneyFormatter(currency) {
  const digits = currencyDigits(currency);
  const format = new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return { format, scale: 10 ** digits };
}

/** Formats an amount in integer minor units of an ISO 4217 currency. */
export function formatMoney(minor, currency) {
  try {
    const { format, scale } = moneyFormatter(currency);
    return format.format(minor / scale);
  } catch {
    return `${formatNumber(minor)} ${currency}`;
  }
}

/** Formats a range of minor-unit amounts, collapsing equal ends. */
export function formatMoneyRange(minMinor, maxMinor, currency) {
  if (minMinor === maxMinor || maxMinor == null) return formatMoney(minMinor, currency);
  try {
    const { format, scale } = moneyFormatter(currency);
    if (typeof format.formatRange === 'function') {
      return format.formatRange(minMinor / scale, maxMinor / scale);
    }
    return `${format.format(minMinor / scale)} – ${format.format(maxMinor / scale)}`;
  } catch {
    return `${formatNumber(minMinor)} – ${formatNumber(maxMinor)} ${currency}`;
  }
}

// Calendar dates (YYYY-MM-DD) are formatted in UTC so that no time zone shifts the day.
function parseDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Formats a YYYY-MM-DD date range such as "5–8 March 2026"; unparsable input is returned as is. */
export function formatDateRange(start, end) {
  const from = parseDate(start);
  const to = parseDate(end) ?? from;
  if (!from) return [start, end].filter(Boolean).join(' – ');
  const format = new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' });
  if (to.getTime() === from.getTime()) return format.format(from);
  if (typeof format.formatRange === 'function') return format.formatRange(from, to);
  return `${format.format(from)} – ${format.format(to)}`;
}

/** The name of an ISO 639-1 language in the current UI language. */
export function languageName(code) {
  try {
    const name = new Intl.DisplayNames([locale()], { type: 'language', fallback: 'code' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale()) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** The name of an ISO 3166-1 region from Intl, used when the reference list lacks a code. */
export function regionName(code) {
  try {
    return new Intl.DisplayNames([locale()], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Compares two strings for sorting in the current language. */
export function compareText(a, b) {
  return String(a).localeCompare(String(b), locale());
}
