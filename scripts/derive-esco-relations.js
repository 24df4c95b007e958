// Derives static-data/esco-1.1.1-sample/occupationSkillRelations.csv.gz (occupationUri,
// relationType, skillType, skillUri: the columns of ESCO's own occupationSkillRelations files)
// from the sample's ID-based occupation_skill_relations.csv: which skills an occupation needs
// (essential) or may use (optional), what matching counts. Run once when the sample changes:
//   node scripts/derive-esco-relations.js ../shared/data/esco-1.1.1-sample
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/derive-esco-relations.js SAMPLE_DIR');
const read = (name) => parse(readFileSync(path.join(dir, name)), { columns: true, bom: true });
const occupations = new Map(read('occupations.csv').map((r) => [r.ID, r.ESCOURI]));
const skills = new Map(
	read('skills.csv').map((r) => [r.ID, { uri: r.ESCOURI, type: r.SKILLTYPE }])
);
const rows = [];
for (const r of read('occupation_skill_relations.csv')) {
	const occupation = occupations.get(r.OCCUPATIONID);
	const skill = skills.get(r.SKILLID);
	if (!occupation || !skill || !['essential', 'optional'].includes(r.RELATIONTYPE)) continue;
	rows.push([occupation, r.RELATIONTYPE, skill.type, skill.uri]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]) || a[3].localeCompare(b[3]));
const out = path.resolve('static-data/esco-1.1.1-sample/occupationSkillRelations.csv.gz');
const header = ['occupationUri', 'relationType', 'skillType', 'skillUri'];
writeFileSync(out, gzipSync(stringify([header, ...rows]), { level: 9 }));
console.log(`${rows.length} occupation-skill relations written to ${out}`);
