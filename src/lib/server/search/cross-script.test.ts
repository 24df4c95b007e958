import { describe, expect, it } from 'vitest';
import { searchKey } from './normalise.ts';
import { crossScriptAlternative, crossScriptTokens, namesQuery, skeleton } from './cross-script.ts';

const sk = (name: string) => searchKey(name).split(' ').map(skeleton).join(' ');

describe('names across scripts', () => {
	it.each([
		['Sara', 'سارة'],
		['Sarah', 'سارة'],
		['Mohammed', 'محمد'],
		['Muhammad', 'محمد'],
		['Ahmed', 'أحمد'],
		['Fatima', 'فاطمة'],
		['Youssef', 'يوسف'],
		['Yusuf', 'يوسف'],
		['Omar', 'عمر'],
		['Haddad', 'الحداد'],
		['Khaled', 'خالد'],
		['Djamila', 'جميلة'],
		['Leila', 'ليلى'],
		['Nour', 'نور'],
		['Hussein', 'حسين'],
		['Zeinab', 'زينب'],
		['Qasim', 'قاسم'],
		['Kassem', 'قاسم'],
		['Ibrahim', 'إبراهيم'],
		['Cherif', 'شريف'],
		['Vladimir', 'Владимир']
	])('%s and %s share a skeleton', (latin, other) => {
		expect(sk(latin)).toBe(sk(other));
		expect(sk(latin)).not.toBe('');
	});

	it('tells apart names that differ in their consonants', () => {
		expect(sk('Sara')).not.toBe(sk('Samir'));
		expect(sk('Karim')).not.toBe(sk('Khaled'));
	});

	it('indexes a name in the script it is written in, and searches the other', () => {
		expect(crossScriptTokens(searchKey('Mohammed Al-Haddad'))).toEqual(['qqlmhmd', 'qqlhd']);
		expect(crossScriptTokens(searchKey('ليلى حداد'))).toEqual(['qqxl', 'qqxhd']);
		expect(crossScriptAlternative('محمد')).toBe('qqlmhmd');
		expect(crossScriptAlternative('sara')).toBe('qqxsr');
		expect(crossScriptAlternative('2024')).toBeNull();
		expect(crossScriptAlternative('al')).toBeNull();
	});

	it('builds a query where each token matches by prefix or by skeleton', () => {
		expect(namesQuery(['sara', 'حداد', '12'])).toBe('(sara:* | qqxsr) & (حداد:* | qqlhd) & 12:*');
	});
});
