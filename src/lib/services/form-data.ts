// What the service and location forms submit, read from FormData into the shapes their schemas
// (service-form.ts) check. Pages work without JavaScript: fields have plain names.

/** The service form's fields. */
export function serviceFormData(data: FormData) {
	const text = (k: string) => String(data.get(k) ?? '');
	return {
		locale: text('locale'),
		texts: {
			name: text('name'),
			description: text('description'),
			eligibility: text('eligibility'),
			applicationProcess: text('applicationProcess'),
			feesDescription: text('feesDescription'),
			interpretation: text('interpretation'),
			documents: text('documents')
		},
		status: text('status'),
		termIds: data.getAll('termIds').map(String).slice(0, 50),
		languages: data.getAll('languages').map(String).slice(0, 50),
		free: data.get('free') === 'on',
		minimumAge: text('minimumAge'),
		maximumAge: text('maximumAge'),
		url: text('url').trim(),
		email: text('email').trim(),
		phone: text('phone').trim(),
		locationIds: data.getAll('locationIds').map(String).slice(0, 60),
		hours: Array.from({ length: 7 }, (_, i) => ({
			opens: text(`opens-${i}`),
			closes: text(`closes-${i}`),
			opens2: text(`opens2-${i}`),
			closes2: text(`closes2-${i}`)
		})),
		hoursNote: text('hoursNote'),
		closures: String(data.get('closures') ?? '').slice(0, 2000)
	};
}

/** The location form's fields. */
export function locationFormData(data: FormData) {
	const text = (k: string) => String(data.get(k) ?? '').trim();
	return {
		name: text('name'),
		address1: text('address1'),
		city: text('city'),
		region: text('region'),
		postalCode: text('postalCode'),
		country: text('country'),
		latitude: text('latitude'),
		longitude: text('longitude'),
		timeZone: text('timeZone'),
		accessibility: text('accessibility'),
		transportation: text('transportation')
	};
}
