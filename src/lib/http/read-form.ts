/** Reads text fields from a form; files and repeated fields are ignored, nothing throws. */
export async function readForm(request: Request) {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		data = new FormData();
	}
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v : '';
	};
	return { data, text };
}
