// ServiceStack-style errors: an HTTP status plus a responseStatus body the console can read.
import type { ResponseError, ResponseStatus } from '../shared/evovoice';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly errors: ResponseError[] = [],
  ) {
    super(message);
  }

  body(): { responseStatus: ResponseStatus } {
    const responseStatus: ResponseStatus = { errorCode: this.errorCode, message: this.message };
    if (this.errors.length > 0) responseStatus.errors = this.errors;
    return { responseStatus };
  }
}

/** A request field the simulator cannot bind, named the way ServiceStack names it. */
export function badField(fieldName: string, message: string): ApiError {
  return new ApiError(400, 'RequestBindingException', `Unable to bind request: ${message}`, [
    { errorCode: 'SerializationException', fieldName, message },
  ]);
}

export const notFound = (message: string): ApiError => new ApiError(404, 'NotFound', message);
export const forbidden = (message: string): ApiError => new ApiError(403, 'Forbidden', message);
