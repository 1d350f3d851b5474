/**
 * One error handler: domain errors → their 4xx with a translated message;
 * framework 4xx (validation, bad JSON, too large) → a code; anything else → 500
 * with no details leaked (logged instead).
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyRequest } from 'fastify';
import { DomainError, ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../protocol/errors';
import { errorMessage, pickLang } from '../../protocol/i18n';

export function langOf(req: FastifyRequest) {
  // Raw headers: Ajv's removeAdditional strips undeclared headers from req.headers on routes with a header schema.
  return pickLang(req.raw.headers['accept-language']);
}

export function errorBody(req: FastifyRequest, code: ErrorCode, params: Record<string, string | number> = {}): ErrorBody {
  return { code, message: errorMessage(code, langOf(req), params) };
}

function frameworkCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 409:
      return 'CONFLICT';
    default:
      return 'BAD_REQUEST';
  }
}

export default fp(async function errors(app) {
  app.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    if (err instanceof DomainError) {
      // A refusal that says when to come back tells clients (and their retries) the same.
      if (err.status === 429 && typeof err.params.minutes === 'number') reply.header('retry-after', err.params.minutes * 60);
      return reply.status(err.status).send(errorBody(req, err.code, err.params));
    }
    if (err.validation) {
      const first = err.validation[0];
      const where = `${err.validationContext ?? ''}${first?.instancePath ?? ''}`;
      const detail = `${where} ${first?.message ?? ''}`.trim();
      return reply.status(400).send({ ...errorBody(req, 'VALIDATION_ERROR', { detail }), details: err.validation.slice(0, 5) });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (err as { code?: string }).code;
      const known = code && code in ERROR_STATUS ? (code as ErrorCode) : frameworkCode(status);
      if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', 60);
      return reply.status(status).send(errorBody(req, known));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody(req, 'INTERNAL'));
  });

  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody(req, 'NOT_FOUND')));
}, { name: 'errors', dependencies: [] });
