import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

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
			// Links are localised with Paraglide's localizeHref, which resolve() does not know about.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Routes call module operations: no query builder, no tables (conventions: routes are thin).
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
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
	{
		// Layers point down: the base layers know no module; app/ is the one place that wires them all.
		files: [
			'src/lib/server/platform/**/*.ts',
			'src/lib/server/db/**/*.ts',
			'src/lib/server/search/**/*.ts'
		],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex:
								'^(\\.\\./)+(app|accounts|admin|members|organisations|esco|countries|services|referrals)/',
							message: 'platform/, db/ and search/ know no module (and not app/).'
						},
						{
							regex:
								'^#lib/server/(app|accounts|admin|members|organisations|esco|countries|services|referrals)/',
							message: 'platform/, db/ and search/ know no module (and not app/).'
						}
					]
				}
			]
		}
	},
	{
		// Modules never import the composition root: it imports them.
		files: ['src/lib/server/*/**/*.ts'],
		ignores: [
			'src/lib/server/app/**',
			'src/lib/server/seed/**',
			'src/lib/server/test/**',
			'**/*.test.ts',
			'**/test-helpers.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\.\\./)+app/',
							message: 'Modules never import app/: take what you need as a parameter.'
						},
						{
							regex: '^#lib/server/app/',
							message: 'Modules never import app/: take what you need as a parameter.'
						},
						{
							regex: '^(\\.\\./)+seed/',
							message:
								'Demo content and generators stay out of the domain (seed/ uses modules, not the reverse).'
						}
					]
				}
			]
		}
	}
);
