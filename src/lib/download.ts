import contentDisposition from 'content-disposition';

/**
 * The Content-Disposition of a file shown in the browser. File names come from the locales, so they may be
 * Cyrillic or Arabic: an ASCII fallback plus the UTF-8 name (RFC 6266), never raw bytes in a header.
 */
export const inlineFile = (filename: string) => contentDisposition(filename, { type: 'inline' });
