import {
	DeleteObjectCommand,
	GetObjectCommand,
	PutObjectCommand,
	S3Client,
	paginateListObjectsV2
} from '@aws-sdk/client-s3';
import type { Storage } from './storage.ts';

export type S3Settings = {
	url: string;
	bucket: string;
	accessKeyId: string;
	secretAccessKey: string;
	region: string;
	/** Bucket in the path (MinIO, Garage, Ceph…) rather than in the host name (AWS). */
	pathStyle: boolean;
};

/**
 * Files in S3-compatible object storage (docs/decisions/0029): the same keys as the local
 * directory, in one bucket, through AWS's own client. Checksums are sent only where the service
 * requires them, so S3-compatible servers that do not know the newer headers keep working.
 */
export function s3Storage(s: S3Settings): Storage & { close(): void } {
	const client = new S3Client({
		endpoint: s.url,
		region: s.region,
		forcePathStyle: s.pathStyle,
		credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED'
	});
	const Bucket = s.bucket;
	return {
		async put(key, data) {
			await client.send(
				new PutObjectCommand({
					Bucket,
					Key: key,
					Body: data,
					ContentLength: data.byteLength,
					ContentType: 'application/octet-stream'
				})
			);
		},
		async get(key) {
			try {
				const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
				const bytes = await res.Body!.transformToByteArray();
				return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
			} catch (error) {
				// A missing key is no file; a missing bucket or refused access is an error.
				const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
				if (
					e.name === 'NoSuchKey' ||
					(e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket')
				)
					return null;
				throw error;
			}
		},
		async remove(key) {
			try {
				await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
			} catch (error) {
				if ((error as { name?: string }).name !== 'NoSuchKey') throw error;
			}
		},
		async *list() {
			for await (const page of paginateListObjectsV2({ client }, { Bucket }))
				for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
		},
		close: () => client.destroy()
	};
}
