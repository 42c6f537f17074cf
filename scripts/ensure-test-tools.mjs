// Before the tests: make sure the tools they drive are on this machine. On Debian/Ubuntu as root
// (CI, a fresh build machine) they are installed with apt; elsewhere we say what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { bin: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], pkg: 'chromium', why: 'end-to-end tests' },
  { bin: ['/usr/bin/pdftotext'], pkg: 'poppler-utils', why: 'reading PDFs back' },
  { bin: ['/usr/bin/qpdf'], pkg: 'qpdf', why: 'checking PDFs' },
];

if (Number(process.versions.napi) < 10) {
  console.error(`Disclose needs Node >= 22.14 for its tests (this is ${process.version}). On Linux x64, "npm ci" installs one into node_modules; otherwise install Node 22 or later.`);
  process.exit(1);
}

const missing = NEEDED.filter((n) => !(process.env.CHROMIUM_PATH && n.pkg === 'chromium') && !n.bin.some((b) => existsSync(b)));
if (missing.length === 0) process.exit(0);

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(`Missing test tools: ${missing.map((m) => `${m.pkg} (${m.why})`).join(', ')}.`);
  console.error(`Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}; or set CHROMIUM_PATH to a Chrome/Chromium binary).`);
  process.exit(1);
}
const pkgs = missing.map((m) => m.pkg).join(' ');
console.log(`Installing ${pkgs} for the tests…`);
execSync('apt-get update -qq', { stdio: 'inherit' });
execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${pkgs}`, { stdio: 'inherit' });
