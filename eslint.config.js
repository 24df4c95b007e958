import prettier from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

/**
 * The lower layers, and the modules: every other directory under src/lib/server except the
 * composition root (app/), demo content (seed/) and test support (test/). Read from the disk, so a
 * new module is covered the day it is created.
 */
const LOWER = ['platform', 'db', 'search'];
/**
 * The modules, lowest first: each may use those before it, never one after it, so there is no
 * loop between modules. A new directory under src/lib/server must take its place here.
 */
const MODULES = [
	'accounts',
	'notifications',
	'moderation',
	'esco',
	'countries',
	'places',
	'matching',
	'members',
	'organisations',
	'skills',
	'services',
	'referrals',
	'communities',
	'events',
	'messages',
	'stories',
	'library',
	'courses',
	'opportunities',
	'mentoring',
	'appointments',
	'admin',
	'privacy',
	'api'
];
const unplaced = readdirSync(path.resolve(import.meta.dirname, 'src/lib/server'), {
	withFileTypes: true
})
	.filter((d) => d.isDirectory())
	.map((d) => d.name)
	.filter((name) => ![...LOWER, ...MODULES, 'app', 'seed', 'test'].includes(name));
if (unplaced.length)
	throw new Error(`eslint.config.js: place ${unplaced.join(', ')} in MODULES (lowest first)`);
const LAYERS = 'platform/, db/ and search/ know no module (and not app/ or seed/).';
const APP_SEED =
	'Modules never import app/ (take what you need as a parameter) nor seed/ (demo content uses modules, not the reverse).';

// Paraglide's own localising matches URLPatterns on every call (every link of every page).
const LOCALISE = {
	name: '#lib/paraglide/runtime.js',
	importNames: ['localizeHref', 'localizeUrl', 'deLocalizeUrl', 'deLocalizeHref'],
	message: 'Use #lib/i18n/locale-path.ts: the same addresses, without URLPattern matching per call.'
};

/**
 * What no server file may do: answer in HTTP. Operations return a Result (platform/result.ts);
 * routes and lib/http turn it into a form's answer or a problem (lib/http/answer.ts).
 */
function serverRules(patterns) {
	return {
		'no-restricted-imports': [
			'error',
			{
				paths: [
					LOCALISE,
					{
						name: '@sveltejs/kit',
						allowTypeImports: true,
						message:
							'No error(), fail() or redirect() under src/lib/server: return a Result (platform/result.ts).'
					}
				],
				patterns
			}
		],
		'no-restricted-syntax': [
			'error',
			{
				selector: "Property[key.name='status'][value.type='Literal'][value.value>=400]",
				message:
					"Operations answer failure('invalid' | 'forbidden' | …), not an HTTP status (platform/result.ts)."
			}
		]
	};
}

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['src/lib/paraglide/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		// Override or add rule settings here, such as:
		// 'svelte/button-has-type': 'error'
		rules: {
			// Links are localised with localizeHref (lib/i18n/locale-path.ts), which resolve() does not know.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Everywhere else (the routes and src/lib/server blocks below repeat it).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/i18n/**'],
		rules: { 'no-restricted-imports': ['error', { paths: [LOCALISE] }] }
	},
	{
		// Routes call module operations: no query builder, no tables (conventions: routes are thin).
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						LOCALISE,
						{ name: 'drizzle-orm', message: 'Routes call module operations, never the database.' }
					],
					patterns: [
						{ group: ['**/schema.ts'], message: 'Routes never import tables: call an operation.' }
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='formData']",
					message: 'Read forms with readForm (#lib/http/read-form.ts): one way, never a throw.'
				}
			]
		}
	},
	// Layers point down, and one way to fail. ESLint keeps only the last options given for a rule,
	// so each file falls in exactly one of these blocks, and each block lists all it forbids.
	{
		// The base layers know no module, and not app/ (the one place that wires them all).
		files: LOWER.map((d) => `src/lib/server/${d}/**/*.ts`),
		ignores: ['**/*.test.ts'],
		rules: serverRules([
			{ regex: `^(\\.\\./)+(app|seed|${MODULES.join('|')})/`, message: LAYERS },
			{ regex: `^#lib/server/(app|seed|${MODULES.join('|')})/`, message: LAYERS }
		])
	},
	// Modules never import the composition root (it imports them), demo content, or a module above.
	...MODULES.map((name, i) => {
		const above = MODULES.slice(i + 1);
		const forbidden = ['app', 'seed', ...above].join('|');
		const message = above.length
			? `${name}/ may use ${MODULES.slice(0, i).join(', ') || 'no module'} and the lower layers, not ${above.join(', ')}, app/ or seed/.`
			: APP_SEED;
		return {
			files: [`src/lib/server/${name}/**/*.ts`],
			ignores: ['**/*.test.ts', '**/test-helpers.ts'],
			rules: serverRules([
				{ regex: `^(\\.\\./)+(${forbidden})/`, message },
				{ regex: `^#lib/server/(${forbidden})/`, message }
			])
		};
	}),
	{
		files: ['src/lib/server/app/**/*.ts', 'src/lib/server/seed/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: serverRules([])
	}
);
