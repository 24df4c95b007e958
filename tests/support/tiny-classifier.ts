import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

/**
 * A real, very small text classifier in the layout Hugging Face's exporters write (model.onnx,
 * tokenizer.json, tokenizer_config.json, config.json), built for tests: a WordPiece vocabulary,
 * and a graph that looks each token up in a table of two scores (NOT-HATE, HATE), ignores
 * padding, and keeps each score's highest value as the logits. Words listed in `hostile` score
 * high for HATE, the others for NOT-HATE, unknown words for neither.
 */
export const TINY_NEUTRAL = [
	'hello',
	'welcome',
	'neighbours',
	'market',
	'the',
	'are',
	'our',
	'new'
];
export const TINY_HOSTILE = ['invaders', 'vermin', 'infestation'];

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

export async function writeTinyClassifier(dir: string, opts: { labels?: string[] } = {}) {
	const labels = opts.labels ?? ['NOT-HATE', 'HATE'];
	const words = [...SPECIALS, ...TINY_NEUTRAL, ...TINY_HOSTILE];
	const vocab = Object.fromEntries(words.map((w, i) => [w, i]));
	const table = words.flatMap((w) =>
		TINY_HOSTILE.includes(w) ? [0, 4] : TINY_NEUTRAL.includes(w) ? [1, 0] : [0, 0]
	);
	await mkdir(dir, { recursive: true });
	await writeFile(path.join(dir, 'model.onnx'), modelBytes(words.length, table, labels.length));
	await writeFile(
		path.join(dir, 'tokenizer.json'),
		JSON.stringify({
			version: '1.0',
			truncation: null,
			padding: null,
			added_tokens: SPECIALS.map((content, id) => ({
				id,
				content,
				single_word: false,
				lstrip: false,
				rstrip: false,
				normalized: false,
				special: true
			})),
			normalizer: {
				type: 'BertNormalizer',
				clean_text: true,
				handle_chinese_chars: true,
				strip_accents: null,
				lowercase: true
			},
			pre_tokenizer: { type: 'BertPreTokenizer' },
			post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
			decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
			model: {
				type: 'WordPiece',
				unk_token: '[UNK]',
				continuing_subword_prefix: '##',
				max_input_chars_per_word: 100,
				vocab
			}
		})
	);
	await writeFile(
		path.join(dir, 'tokenizer_config.json'),
		JSON.stringify({ model_max_length: 16, do_lower_case: true, tokenizer_class: 'BertTokenizer' })
	);
	await writeFile(
		path.join(dir, 'config.json'),
		JSON.stringify({
			id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])),
			label2id: Object.fromEntries(labels.map((l, i) => [l, i]))
		})
	);
	return dir;
}

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

function tensorInput(name: string, type: number, dims: string[]): OnnxTypes.IValueInfoProto {
	return {
		name,
		type: {
			tensorType: { elemType: type, shape: { dim: dims.map((d) => ({ dimParam: d })) } }
		}
	};
}

function modelBytes(vocabSize: number, table: number[], labelCount: number) {
	// Two labels per token in the table; a model with more labels scores the rest zero.
	const wide = Array.from({ length: vocabSize }, (_, i) =>
		Array.from({ length: labelCount }, (_, j) => (j < 2 ? table[i * 2 + j] : 0))
	).flat();
	const graph: OnnxTypes.IGraphProto = {
		name: 'tiny-classifier',
		input: [
			tensorInput('input_ids', INT64, ['batch', 'sequence']),
			tensorInput('attention_mask', INT64, ['batch', 'sequence']),
			tensorInput('token_type_ids', INT64, ['batch', 'sequence'])
		],
		output: [tensorInput('logits', FLOAT, ['batch', 'labels'])],
		initializer: [
			{ name: 'scores', dataType: FLOAT, dims: [vocabSize, labelCount], floatData: wide },
			{ name: 'last_axis', dataType: INT64, dims: [1], int64Data: [2] }
		],
		node: [
			{ opType: 'Gather', input: ['scores', 'input_ids'], output: ['looked_up'] },
			{
				opType: 'Cast',
				input: ['attention_mask'],
				output: ['mask_float'],
				attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]
			},
			{ opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_3d'] },
			{ opType: 'Mul', input: ['looked_up', 'mask_3d'], output: ['masked'] },
			{
				opType: 'ReduceMax',
				input: ['masked'],
				output: ['logits'],
				attribute: [
					{ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1] },
					{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }
				]
			}
		]
	};
	const model = onnx.ModelProto.create({
		irVersion: 8,
		producerName: 'passerelle-tests',
		opsetImport: [{ domain: '', version: 13 }],
		graph
	});
	return onnx.ModelProto.encode(model).finish();
}
