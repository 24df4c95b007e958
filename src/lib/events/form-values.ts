/** The fields of the event form, read as text from a submitted form. */
export const EVENT_FIELDS = [
	'title',
	'description',
	'kind',
	'format',
	'date',
	'start',
	'end',
	'endDate',
	'timeZone',
	'place',
	'city',
	'country',
	'onlineUrl',
	'capacity',
	'language'
] as const;

export function eventValues(text: (name: string) => string) {
	return Object.fromEntries(EVENT_FIELDS.map((k) => [k, text(k)])) as Record<string, string>;
}
