import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBlobUrl } from '../../src/blobs/blob-location.ts';
import { loadSettings } from '../../src/config/settings.ts';

const root = join(import.meta.dirname, '../..');

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

/**
 * What the deployment files promise (README "Deployment"), checked on the files themselves: no
 * Docker engine runs here (`docker compose config` validates the syntax where it is installed).
 */
describe('the deployment files', () => {
  let services: Record<string, Service>;
  let dockerfile: string;
  beforeAll(async () => {
    // merge: the compose file's `<<: *intake-env` keys, as Compose reads them.
    const compose = parse(await readFile(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, Service>;
    };
    services = compose.services;
    dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
  });
  const intakeServices = () => Object.entries(services).filter(([, s]) => s.image === 'intake:latest');

  it('run web and worker from the image, each able to build it on its own', () => {
    expect(intakeServices().map(([name]) => name)).toEqual(['worker', 'web']);
    for (const [, service] of intakeServices()) expect(service.build).toBe('.');
  });

  it('put every intake service on the MinIO bucket, with settings intake accepts', () => {
    for (const [name, service] of intakeServices()) {
      const env = service.environment!;
      expect(parseBlobUrl(env.INTAKE_BLOB_URL!), name).toEqual({
        kind: 's3',
        bucket: 'intake',
        prefix: 'blobs',
      });
      expect(env.AWS_ENDPOINT_URL_S3, name).toBe('http://minio:9000');
      // With Compose's ${VAR:-default} left as written, the settings must still load.
      const settings = loadSettings(
        Object.fromEntries(
          Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
        ),
      );
      expect(settings.blobLocation.kind, name).toBe('s3');
      expect(service.depends_on?.['minio-bucket'], name).toEqual({
        condition: 'service_completed_successfully',
      });
      expect(service.volumes ?? [], name).not.toContain('blobs:/blobs');
    }
    // Docker Hub no longer serves minio/minio or minio/mc: quay.io, at a fixed release.
    expect(services.minio!.image).toMatch(/^quay\.io\/minio\/minio:RELEASE\./);
    const bucket = services['minio-bucket']!;
    expect(bucket.image).toMatch(/^quay\.io\/minio\/mc:RELEASE\./);
    expect(bucket.depends_on?.minio).toEqual({ condition: 'service_healthy' });
    expect(JSON.stringify(bucket)).toContain('mc mb --ignore-existing store/intake');
  });

  it('give every long-running service a health check that tests something', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'minio-bucket') continue;
      const test = service.healthcheck?.test.join(' ') ?? '';
      expect(test, name).not.toBe('');
      expect(test, name).not.toMatch(/kill -0/);
    }
    expect(services.worker!.healthcheck!.test).toEqual([
      'CMD',
      'node',
      '--import',
      'tsx',
      'src/deploy/health-check.ts',
      'worker',
    ]);
    expect(services.web!.healthcheck!.test.at(-1)).toBe('web');
  });

  it('make /data and /blobs owned by the user the image runs as, before switching to it', () => {
    const chown = dockerfile.indexOf('chown node:node /data /blobs');
    const user = dockerfile.indexOf('USER node');
    expect(chown).toBeGreaterThan(0);
    expect(user).toBeGreaterThan(chown);
    expect(dockerfile).toMatch(/tesseract-ocr tesseract-ocr-nor/);
    // The health check runs from the sources the image copies.
    expect(dockerfile).toMatch(/^COPY src \.\/src$/m);
  });
});
