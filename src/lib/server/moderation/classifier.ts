import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

/**
 * An operator's own text classifier (decision 0027): a directory as Hugging Face's exporters write
 * it for text classification (`optimum-cli export onnx --task text-classification`): `model.onnx`
 * taking `input_ids` and `attention_mask` (and `token_type_ids` when it asks for them) and giving
 * logits per label, `tokenizer.json` (and `tokenizer_config.json`), and `config.json` naming the
 * labels. It runs on the CPU through onnxruntime-node, off the request path (screening.ts); what
 * it scores above the threshold goes to the moderation queue, like a lexicon match: never removed.
 */
export type Score = { label: string; score: number };

export type Classifier = {
	/** The labels that put text before moderators. */
	flagging: string[];
	threshold: number;
	/** For each text, its highest-scoring flagging label, if any reaches the threshold. */
	classify(texts: string[]): Promise<(Score | null)[]>;
	/** Every label's score, for the operator's `classify` command. */
	scores(text: string): Promise<Score[]>;
	close(): Promise<void>;
};

export class ClassifierError extends Error {}

/** Labels that mean harm in the models people publish (HATE, toxic, offensive, abusive…). */
const HARMFUL = /hate|toxic|offens|abus|insult|threat|harass|obscen|identity/i;
const NEGATED = /^(not|non|no)[\s_-]?/i;
/**
 * Text is scored in pieces of words (a story is long; a model reads 128 to 512 tokens, a word
 * takes one to three): a third of the model's tokens, at most 120 words, each piece on its own.
 */
const MAX_WORDS_PER_PIECE = 120;
const MAX_TOKENS = 512;

export function defaultFlagging(labels: string[]) {
	return labels.filter((l) => HARMFUL.test(l) && !NEGATED.test(l));
}

async function readJson(file: string, required: boolean) {
	try {
		return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
	} catch (error) {
		if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw new ClassifierError(`${path.basename(file)}: ${(error as Error).message}`);
	}
}

function softmax(row: number[]) {
	const top = Math.max(...row);
	const e = row.map((v) => Math.exp(v - top));
	const sum = e.reduce((a, b) => a + b, 0);
	return e.map((v) => v / sum);
}
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** The words of a text in pieces the model can read whole. */
export function pieces(text: string, maxTokens = MAX_TOKENS) {
	const size = Math.max(1, Math.min(MAX_WORDS_PER_PIECE, Math.floor(maxTokens / 3)));
	const words = text.split(/\s+/).filter(Boolean);
	const out: string[] = [];
	for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(' '));
	return out;
}

export async function loadClassifier(
	dir: string,
	opts: { threshold: number; labels?: string[] }
): Promise<Classifier> {
	const config = await readJson(path.join(dir, 'config.json'), true);
	const id2label = (config.id2label ?? {}) as Record<string, string>;
	const labels = Object.keys(id2label)
		.sort((a, b) => Number(a) - Number(b))
		.map((k) => String(id2label[k]));
	if (!labels.length) throw new ClassifierError('config.json: id2label names no labels');
	const flagging = opts.labels?.length ? opts.labels : defaultFlagging(labels);
	const unknown = flagging.filter((l) => !labels.includes(l));
	if (unknown.length)
		throw new ClassifierError(`labels ${unknown.join(', ')} are not among ${labels.join(', ')}`);
	if (!flagging.length)
		throw new ClassifierError(
			`no label of ${labels.join(', ')} looks harmful: name them in TEXT_CLASSIFIER_LABELS`
		);
	// One label, or several independent ones, are scored each on its own (sigmoid).
	const independent = labels.length === 1 || config.problem_type === 'multi_label_classification';
	const tokenizerConfig = await readJson(path.join(dir, 'tokenizer_config.json'), false);
	const tokenizer = new Tokenizer(
		await readJson(path.join(dir, 'tokenizer.json'), true),
		tokenizerConfig
	);
	const maxTokens = Math.min(Number(tokenizerConfig.model_max_length) || MAX_TOKENS, MAX_TOKENS);
	let ort: typeof import('onnxruntime-node');
	try {
		ort = await import('onnxruntime-node');
	} catch {
		throw new ClassifierError('onnxruntime-node is not installed (npm install onnxruntime-node)');
	}
	let session: import('onnxruntime-node').InferenceSession;
	try {
		session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'), {
			intraOpNumThreads: 1,
			graphOptimizationLevel: 'all'
		});
	} catch (error) {
		throw new ClassifierError(`model.onnx: ${(error as Error).message}`);
	}
	for (const name of ['input_ids', 'attention_mask'])
		if (!session.inputNames.includes(name))
			throw new ClassifierError(`model.onnx takes ${session.inputNames.join(', ')}, not ${name}`);
	const output = session.outputNames.includes('logits') ? 'logits' : session.outputNames[0];

	const encode = (text: string) => {
		const ids = tokenizer.encode(text).ids;
		return ids.length > maxTokens ? [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]] : ids;
	};

	/** Every label's probability for each piece of text, in one batch. */
	async function probabilities(batch: string[]) {
		const encoded = batch.map(encode);
		const width = Math.max(1, ...encoded.map((ids) => ids.length));
		const ids = new BigInt64Array(batch.length * width);
		const mask = new BigInt64Array(batch.length * width);
		encoded.forEach((row, r) =>
			row.forEach((id, c) => {
				ids[r * width + c] = BigInt(id);
				mask[r * width + c] = 1n;
			})
		);
		const dims = [batch.length, width];
		const feeds: Record<string, import('onnxruntime-node').Tensor> = {
			input_ids: new ort.Tensor('int64', ids, dims),
			attention_mask: new ort.Tensor('int64', mask, dims)
		};
		if (session.inputNames.includes('token_type_ids'))
			feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(ids.length), dims);
		const result = await session.run(feeds);
		const logits = Array.from(result[output].data as Float32Array);
		const n = logits.length / batch.length;
		if (n !== labels.length)
			throw new ClassifierError(`model.onnx gives ${n} scores, config.json names ${labels.length}`);
		return encoded.map((_, r) => {
			const row = logits.slice(r * n, r * n + n);
			return independent ? row.map(sigmoid) : softmax(row);
		});
	}

	const flagIndex = flagging.map((l) => labels.indexOf(l));

	return {
		flagging,
		threshold: opts.threshold,
		async classify(texts) {
			const owner: number[] = [];
			const all: string[] = [];
			texts.forEach((text, i) =>
				pieces(text, maxTokens).forEach((p) => {
					owner.push(i);
					all.push(p);
				})
			);
			const best: (Score | null)[] = texts.map(() => null);
			for (let start = 0; start < all.length; start += 16) {
				const probs = await probabilities(all.slice(start, start + 16));
				probs.forEach((row, k) => {
					const i = owner[start + k];
					for (const j of flagIndex)
						if (row[j] >= opts.threshold && row[j] > (best[i]?.score ?? -1))
							best[i] = { label: labels[j], score: row[j] };
				});
			}
			return best;
		},
		async scores(text) {
			const parts = pieces(text, maxTokens);
			const rows = await probabilities(parts.length ? parts : ['']);
			return labels.map((label, j) => ({ label, score: Math.max(...rows.map((r) => r[j])) }));
		},
		close: () => session.release()
	};
}
