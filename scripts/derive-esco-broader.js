// Derives static-data/esco-1.1.1-sample/broaderRelations.csv.gz (conceptUri, broaderUri: the
// columns of ESCO's own broaderRelations*Pillar files) from the sample's ID-based hierarchies:
// occupation under occupation and skill under skill, the links the directory's skill filter
// follows to narrower concepts. Run once when the sample changes:
//   node scripts/derive-esco-broader.js ../shared/data/esco-1.1.1-sample
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/derive-esco-broader.js SAMPLE_DIR');
const read = (name) => parse(readFileSync(path.join(dir, name)), { columns: true, bom: true });
const uriOf = new Map();
for (const name of ['occupations.csv', 'skills.csv'])
	for (const row of read(name)) uriOf.set(row.ID, row.ESCOURI);
const pairs = [];
for (const [name, type] of [
	['occupations_hierarchy.csv', 'ESCOOccupation'],
	['skills_hierarchy.csv', 'Skill']
])
	for (const row of read(name)) {
		if (row.PARENTOBJECTTYPE !== type || row.CHILDOBJECTTYPE !== type) continue;
		const concept = uriOf.get(row.CHILDID);
		const broader = uriOf.get(row.PARENTID);
		if (concept && broader) pairs.push([concept, broader]);
	}
pairs.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
const out = path.resolve('static-data/esco-1.1.1-sample/broaderRelations.csv.gz');
writeFileSync(out, gzipSync(stringify([['conceptUri', 'broaderUri'], ...pairs]), { level: 9 }));
console.log(`${pairs.length} broader relations written to ${out}`);
