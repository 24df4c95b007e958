/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string) {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string) {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/**
 * Brand colours carry white text (the header, buttons) and are the colour of links on white: both
 * need 4.5:1 against white, which is one test.
 */
export const readableOnWhite = (hex: string) => contrastRatio(hex, '#ffffff') >= MIN_CONTRAST;
