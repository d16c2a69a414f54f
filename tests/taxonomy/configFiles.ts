/** The real config files, parsed, and the taxonomy built from them. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTaxonomy } from '../../src/taxonomy/loadTaxonomy.js';

const CONFIG_DIR = fileURLToPath(new URL('../../config/', import.meta.url));

export const readJson = (name: string): unknown => JSON.parse(readFileSync(CONFIG_DIR + name, 'utf8'));

export const topicsJson = (): unknown => readJson('topics.json');
export const regionsJson = (): unknown => readJson('regions.json');

export const taxonomy = loadTaxonomy(topicsJson(), regionsJson());
