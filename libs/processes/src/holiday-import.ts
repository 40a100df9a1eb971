/**
 * The largest school-holiday file a platform admin imports: one school year's document of the ministry's open data is
 * about 3,500 characters, so a file of ten or more school years (the overview of several years) fits. The api lets a
 * file's text through up to this length and `readHolidayFile` (libs/domain) refuses a longer one; the admin checks it
 * before sending. Here, in the library without runtime dependencies, so that the browser reads the same number.
 */
export const HOLIDAY_IMPORT_MAX_CHARS = 60_000;
