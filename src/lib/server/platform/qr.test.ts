import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrSquares } from './qr.ts';

/** The squares painted as a printer would, with the quiet zone, read back by a QR decoder. */
function decode(text: string) {
	const { size, dark } = qrSquares(text);
	const scale = 4;
	const side = (size + 8) * scale;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	for (const [col, row] of dark)
		for (let y = 0; y < scale; y++)
			for (let x = 0; x < scale; x++) {
				const i = (((row + 4) * scale + y) * side + (col + 4) * scale + x) * 4;
				pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
			}
	return jsQR(pixels, side, side)?.data ?? null;
}

describe('QR codes', () => {
	it('the squares painted read back as the address, long or short', () => {
		const url =
			'https://passerelle.example.org/ar/certificates/3f1c2d4e-0000-4000-8000-000000000001';
		expect(decode(url)).toBe(url);
		expect(decode('https://p.example/x')).toBe('https://p.example/x');
	});
});
