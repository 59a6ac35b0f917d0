// What an uploaded library workbook may be. Shared by the parser, the domain and the pages.
export const MAX_IMPORT_MB = 10;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** What all parts of the zip may inflate to together; real workbooks stay far below, zip bombs do not. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
