/** Folds a letter the way lexicon matching does (accents, Arabic letter forms, case), one to one. */
function fold(c: string) {
	return c
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[أإآٱ]/g, 'ا')
		.replace(/ى/g, 'ي')
		.replace(/ة/g, 'ه')
		.toLowerCase();
}

/**
 * The text cut into pieces, with the matched lexicon terms marked, for moderators: each character
 * folded as matching folds it, so "Envahisseurs" and "envahisseurs" are both marked. Combining
 * marks are skipped while comparing (Arabic short vowels between letters).
 */
export function highlight(text: string, terms: string[]): { text: string; mark: boolean }[] {
	const chars = [...text];
	const folded = chars.map(fold);
	const marked = new Array<boolean>(chars.length).fill(false);
	for (const term of terms) {
		const want = [...term].map(fold).join('');
		if (!want) continue;
		for (let i = 0; i < chars.length; i++) {
			let j = i;
			let got = '';
			while (j < chars.length && got.length < want.length) {
				got += folded[j];
				j++;
			}
			const before = i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1]);
			const after = j >= chars.length || !/[\p{L}\p{N}]/u.test(folded[j]);
			if (got === want && before && after && folded[i] !== '') {
				for (let k = i; k < j; k++) marked[k] = true;
				i = j - 1;
			}
		}
	}
	const pieces: { text: string; mark: boolean }[] = [];
	chars.forEach((c, i) => {
		const last = pieces[pieces.length - 1];
		if (last && last.mark === marked[i]) last.text += c;
		else pieces.push({ text: c, mark: marked[i] });
	});
	return pieces;
}
