// The log file (electron-log, MIT): rotation at LOG_MAX_BYTES, every line passed through redact().
import log from 'electron-log/main';
import { join } from 'node:path';
import { LOG_FILE, LOG_MAX_BYTES, redact } from './diagnostics';

export function setUpLogging(logsDir: string, packaged: boolean): typeof log {
  log.transports.file.resolvePathFn = () => join(logsDir, LOG_FILE);
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = packaged ? false : 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => (typeof d === 'string' ? redact(d) : d instanceof Error ? redact(`${d.name}: ${d.message}`) : d)) }));
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
