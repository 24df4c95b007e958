import { expect, test } from '@playwright/test';

// A partner's system asks the HSDS read API for services around a postcode.
test('the HSDS API finds services by postcode and proximity, and explains a bad query', async ({
	request
}) => {
	const names = async (query: string) => {
		const response = await request.get(`/api/hsds/services?${query}`);
		expect(response.status(), query).toBe(200);
		return ((await response.json()).contents as { name: string }[]).map((s) => s.name);
	};
	// The demo's Lyon places are at 69003 and 69007, about 1.5 km apart; Paris's at 75019.
	expect(await names('postcode=69007')).toEqual(['Halte de nuit solidaire']);
	expect((await names('postcode=69%20003')).length).toBe(1);
	// Other flows add services in Lyon too: those around are a superset.
	expect(await names('postcode=69007&proximity=5000')).toEqual(
		expect.arrayContaining(['Cours de français pour adultes', 'Halte de nuit solidaire'])
	);
	expect(await names('postcode=75019&proximity=5000')).not.toContain('Halte de nuit solidaire');
	const bad = await request.get('/api/hsds/services?proximity=5000');
	expect(bad.status()).toBe(400);
	expect(JSON.stringify(await bad.json())).toContain('give postcode too');
});
