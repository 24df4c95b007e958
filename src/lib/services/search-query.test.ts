import { describe, expect, it } from 'vitest';
import { serviceQuery } from './search-query.ts';

const errors = (raw: Record<string, string>) => {
	const r = serviceQuery.safeParse(raw);
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
};

describe('the service search query', () => {
	it('reads a complete search', () => {
		expect(
			serviceQuery.parse({
				need: 'legal',
				near: '48.85, 2.35',
				radius: '25',
				open: '1',
				age: '17',
				page: '2'
			})
		).toMatchObject({
			need: 'legal',
			near: [48.85, 2.35],
			radius: 25,
			open: true,
			free: false,
			age: 17,
			page: 2,
			per_page: 20
		});
		expect(serviceQuery.parse({})).toMatchObject({ near: null, radius: null, age: null, page: 1 });
	});

	it('names what is wrong with each bad filter, as a message key', () => {
		expect(
			errors({
				near: 'somewhere',
				age: '-4',
				radius: '9999',
				open: 'yes',
				page: '0',
				language: 'xx-evil'
			})
		).toEqual({
			near: 'error_service_near_invalid',
			age: 'error_service_age_invalid',
			radius: 'error_service_radius_invalid',
			open: 'error_service_flag_invalid',
			page: 'error_page_invalid',
			language: 'error_language_invalid'
		});
		expect(errors({ near: '91,0' })).toEqual({ near: 'error_service_near_invalid' });
		expect(errors({ age: '1e3' })).toEqual({ age: 'error_service_age_invalid' });
	});
});
