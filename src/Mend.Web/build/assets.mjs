// Copies the front-end packages Mend uses from node_modules into wwwroot, and writes the
// common-password list (from zxcvbn-ts) that the password validator embeds.
import { cpSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const www = join(root, 'wwwroot');
const lib = join(www, 'lib');

rmSync(lib, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });

const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk');
cpSync(join(govuk, 'govuk-frontend.min.css'), join(lib, 'govuk-frontend.min.css'));
cpSync(join(govuk, 'govuk-frontend.min.js'), join(lib, 'govuk-frontend.min.js'));
// GOV.UK Frontend's CSS refers to /assets/fonts and /assets/images.
cpSync(join(govuk, 'assets'), join(www, 'assets'), { recursive: true });

const moj = join(modules, '@ministryofjustice', 'frontend', 'moj');
cpSync(join(moj, 'moj-frontend.min.css'), join(lib, 'moj-frontend.min.css'));
cpSync(join(moj, 'moj-frontend.min.js'), join(lib, 'moj-frontend.min.js'));
cpSync(join(moj, 'assets'), join(www, 'assets', 'moj'), { recursive: true });

cpSync(join(modules, 'htmx.org', 'dist', 'htmx.min.js'), join(lib, 'htmx.min.js'));

const require = createRequire(import.meta.url);
const { dictionary } = require('@zxcvbn-ts/language-common');
const passwords = dictionary['passwords-common'].filter((p) => typeof p === 'string' && p.length > 0);
writeFileSync(join(root, 'Platform', 'Auth', 'common-passwords.txt'), passwords.join('\n') + '\n');

writeFileSync(join(lib, '.built'), new Date().toISOString() + '\n');
console.log(`Front-end assets copied to wwwroot; ${passwords.length} common passwords listed.`);
