import { defineConfig } from 'vitest/config';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

const locales = ['en', 'fr', 'es', 'ar'];
const origin = ':protocol://:domain(.*)::port?';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
			// Every locale, English included, lives under its own prefix (/en/…, /ar/…), so a
			// bare path carries no language and the first visit follows cookie or Accept-Language.
			trailingSlash: 'never',
			urlPatterns: [
				{
					pattern: `${origin}/:path(.*)?`,
					localized: locales.map((l) => [l, `${origin}/${l}/:path(.*)?`] as [string, string])
				}
			]
		}),
		sveltekit({
			compilerOptions: {
				// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
				runes: ({ filename }) =>
					filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter({ precompress: true }),
			// The stylesheet is small: inlined, it arrives with the page instead of one round trip later.
			inlineStyleThreshold: 16_384,
			csp: {
				mode: 'nonce',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	test: {
		expect: { requireAssertions: true },
		fileParallelism: false,
		env: { LOG_LEVEL: 'silent' },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}'],
					exclude: ['src/**/*.svelte.{test,spec}.{js,ts}']
				}
			}
		]
	}
});
