/** Debian's Chromium, for the browser tests and the benchmarks: no browser is ever downloaded. */
export const CHROMIUM_LAUNCH = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	// Without background networking Chromium stops calling out to a network it cannot reach.
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};
