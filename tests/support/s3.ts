import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';

/**
 * A local S3-compatible server for tests (fauxqs, in this process, on a free port), with one
 * bucket: the settings the platform reads from S3_URL and friends, and how to stop it.
 */
export async function startLocalS3(bucket = 'passerelle-test') {
	const server = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
	const url = `http://127.0.0.1:${server.port}`;
	const env = {
		S3_URL: url,
		S3_BUCKET: bucket,
		S3_ACCESS_KEY_ID: 'test-key',
		S3_SECRET_ACCESS_KEY: 'test-secret',
		S3_REGION: 'us-east-1'
	};
	const client = new S3Client({
		endpoint: url,
		region: 'us-east-1',
		forcePathStyle: true,
		credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' }
	});
	await client.send(new CreateBucketCommand({ Bucket: bucket }));
	client.destroy();
	return { env, url, stop: () => server.stop() };
}
