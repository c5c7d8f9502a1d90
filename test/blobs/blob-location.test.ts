import { describe, expect, it } from 'vitest';
import { parseBlobUrl } from '../../src/blobs/blob-location.ts';
import { loadSettings } from '../../src/config/settings.ts';

describe('INTAKE_BLOB_URL', () => {
  it('names a folder with file:///', () => {
    expect(parseBlobUrl('file:///srv/intake/blobs/')).toEqual({ kind: 'file', dir: '/srv/intake/blobs' });
    expect(parseBlobUrl('file://localhost/srv/blobs')).toEqual({ kind: 'file', dir: '/srv/blobs' });
  });

  it('names a bucket and a key prefix with s3://', () => {
    expect(parseBlobUrl('s3://intake/blobs')).toEqual({ kind: 's3', bucket: 'intake', prefix: 'blobs' });
    expect(parseBlobUrl('s3://intake/prod/blobs/')).toEqual({
      kind: 's3',
      bucket: 'intake',
      prefix: 'prod/blobs',
    });
    expect(parseBlobUrl('s3://intake')).toEqual({ kind: 's3', bucket: 'intake', prefix: '' });
  });

  it.each([
    ['blobs', /må være file:\/\/\/mappe eller s3:\/\/bøtte\/prefiks, ikke «blobs»/],
    ['http://minio:9000/intake', /ikke «http:»-adresse/],
    ['s3://In_Take/blobs', /ugyldig bøttenavn «In_Take»/],
    ['s3://ab/blobs', /ugyldig bøttenavn «ab»/],
    ['s3://intake/../andre', /ugyldig del «\.\.»/],
    ['s3://intake/blobs%2F..%2Fandre', /ugyldig del «\.\.»/],
    ['s3://nøkkel:hemmelig@intake/blobs', /skal ikke ha brukernavn, passord eller port/],
    ['s3://intake/blobs?region=eu', /uten \? eller #/],
    ['s3://intake/50%', /ugyldig del «50%»/],
    ['file://fileserver/blobs', /kan ikke peke på en annen maskin/],
    ['file:///', /kan ikke være rotmappen/],
  ])('refuses %s with a message saying what is wrong', (url, message) => {
    const parsed = parseBlobUrl(url);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toMatch(message);
  });
});

describe('the blob settings', () => {
  it('keep the folder under the data folder when nothing else is named', () => {
    const settings = loadSettings({ INTAKE_DATA_DIR: '/var/intake' }, '/');
    expect(settings.blobLocation).toEqual({ kind: 'file', dir: '/var/intake/blobs' });
  });

  it('take the object store, its endpoint and path-style addressing from the usual variables', () => {
    const settings = loadSettings({
      INTAKE_BLOB_URL: 's3://intake/blobs',
      AWS_ENDPOINT_URL_S3: 'http://minio:9000',
      AWS_REGION: 'eu-north-1',
    });
    expect(settings.blobLocation).toEqual({ kind: 's3', bucket: 'intake', prefix: 'blobs' });
    expect(settings.s3).toEqual({
      endpoint: 'http://minio:9000',
      region: 'eu-north-1',
      forcePathStyle: true,
    });
  });

  it('address AWS itself by host name, in us-east-1 unless AWS_REGION says otherwise', () => {
    const settings = loadSettings({ INTAKE_BLOB_URL: 's3://intake/blobs' });
    expect(settings.s3).toEqual({ endpoint: null, region: 'us-east-1', forcePathStyle: false });
    const forced = loadSettings({ INTAKE_BLOB_URL: 's3://intake', AWS_S3_FORCE_PATH_STYLE: 'true' });
    expect(forced.s3.forcePathStyle).toBe(true);
  });

  it('list a bad URL with the other bad variables, and refuse a folder named twice', () => {
    let message = '';
    try {
      loadSettings({ INTAKE_BLOB_URL: 's3://X', AWS_ENDPOINT_URL_S3: 'minio:9000', REDIS_URL: 'nei' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/INTAKE_BLOB_URL: ugyldig bøttenavn «X»/);
    expect(message).toMatch(/AWS_ENDPOINT_URL_S3:/);
    expect(message).toMatch(/REDIS_URL:/);
    expect(() =>
      loadSettings({ INTAKE_BLOB_URL: 'file:///srv/blobs', INTAKE_BLOB_DIR: '/srv/andre' }),
    ).toThrow(/sett enten INTAKE_BLOB_URL eller INTAKE_BLOB_DIR, ikke begge/);
  });
});
