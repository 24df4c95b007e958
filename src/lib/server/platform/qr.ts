import QRCode from 'qrcode';

/**
 * A QR code as the squares to paint (module coordinates, 0 at the top left), and its size in
 * modules without the quiet zone. Medium error correction: a printed copy stays readable with
 * a fold or a stain.
 */
export function qrSquares(text: string): { size: number; dark: [number, number][] } {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const dark: [number, number][] = [];
	for (let row = 0; row < modules.size; row++)
		for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.push([col, row]);
	return { size: modules.size, dark };
}
