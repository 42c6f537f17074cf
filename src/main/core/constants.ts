export const DATABASE_FILE = 'disclose.sqlite3';
export const APP_VERSION = '0.1.0';
