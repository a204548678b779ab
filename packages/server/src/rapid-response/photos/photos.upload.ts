import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform';
import { PHOTO_LIMITS } from './photos.policy';

/** Busboy limits for a photo upload: exactly one file part and nothing else. */
export const UPLOAD_LIMITS = {
  fileSize: PHOTO_LIMITS.maxBytes,
  files: 1,
  fields: 0,
  parts: 1,
  headerPairs: 20,
} as const;

const onlyOneFile = () =>
  new ValidationError('file: send exactly one file part named file', [
    { path: 'file', message: 'send exactly one file part named file' },
  ]);

function uploadError(request: FastifyRequest, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const known = request.server.multipartErrors;
  if (error instanceof known.RequestFileTooLargeError) {
    return new AppError(
      413,
      'photo_too_large',
      `file: larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB`,
    );
  }
  if (error instanceof known.InvalidMultipartContentTypeError) {
    return new AppError(415, 'unsupported_media_type', 'content-type: must be multipart/form-data');
  }
  if (
    error instanceof known.FilesLimitError ||
    error instanceof known.FieldsLimitError ||
    error instanceof known.PartsLimitError
  ) {
    return onlyOneFile();
  }
  // Anything else is the client's stream: bad boundaries, truncated parts, a closed connection.
  return new ValidationError('body: malformed multipart data', [
    { path: 'body', message: 'malformed multipart data' },
  ]);
}

/** Reads the single file part named `file` of a multipart request into memory (≤ the size cap). */
export async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  let file: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type !== 'file' || part.fieldname !== 'file' || file) {
        if (part.type === 'file') part.file.resume();
        throw onlyOneFile();
      }
      file = await part.toBuffer();
    }
  } catch (error) {
    throw uploadError(request, error);
  }
  if (!file) {
    throw new ValidationError('file: required', [{ path: 'file', message: 'required' }]);
  }
  if (file.length === 0) {
    throw new ValidationError('file: empty', [{ path: 'file', message: 'empty' }]);
  }
  return file;
}
